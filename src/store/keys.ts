/** Every Redis key doanbot uses, in one place, under one prefix (so tests and provinces can share a server). */
export class Keys {
  constructor(readonly prefix: string) {}
  units = () => `${this.prefix}units`;
  person = (id: string) => `${this.prefix}person:${id}`;
  people = () => `${this.prefix}people`;
  identity = (channel: string, userId: string) => `${this.prefix}identity:${channel}:${userId}`;
  unitPeople = (unitCode: string) => `${this.prefix}unit-people:${unitCode}`;
  invite = (code: string) => `${this.prefix}invite:${code}`;
  /** Prefix of the per-sender inbound counters (rate-limiter-flexible appends its own key). */
  inboundLimit = () => `${this.prefix}inbound-limit`;
  /** A sender's updates in the current inbound window, counted by the claim script. */
  inboundCount = (person: string) => `${this.prefix}inbound-count:${person}`;
  reportRevisions = (periodId: string, unitCode: string) => `${this.prefix}report:${periodId}:${unitCode}`;
  reportLatest = (periodId: string) => `${this.prefix}report-latest:${periodId}`;
  /** Per unit above a reporting unit: totals of the reports below it for a period (kept on submit and review). */
  rollups = (periodId: string) => `${this.prefix}rollups:${periodId}`;
  /** Periods whose roll-ups are complete; emptied when the tree changes, so they are rebuilt on the next read. */
  rollupsBuilt = () => `${this.prefix}rollups-built`;
  /** Who accepted or returned which report, when, with which comment (one list per period and unit). */
  reviewAudit = (periodId: string, unitCode: string) => `${this.prefix}review-audit:${periodId}:${unitCode}`;
  offered = (channel: string, userId: string) => `${this.prefix}offered:${channel}:${userId}`;
  /** The revision number a submission made by one update got (so handling it again adds nothing). */
  submission = (updateKey: string) => `${this.prefix}submission:${updateKey}`;
  session = (channel: string, userId: string) => `${this.prefix}session:${channel}:${userId}`;
  /** An update handled (done); see update-ledger-store.ts for the keys of one being handled. */
  seen = (updateKey: string) => `${this.prefix}seen:${updateKey}`;
  /** One person's claim (process id, short lease), unfinished update and line of waiting updates. */
  personLease = (person: string) => `${this.prefix}lease:${person}`;
  inflight = (person: string) => `${this.prefix}inflight:${person}`;
  waiting = (person: string) => `${this.prefix}waiting:${person}`;
  waitingAlive = (person: string) => `${this.prefix}waiting-alive:${person}`;
  arrivals = () => `${this.prefix}arrivals`;
  langs = () => `${this.prefix}langs`;
  groups = () => `${this.prefix}groups`;
  periodOverrides = () => `${this.prefix}period-overrides`;
  importedPeriods = () => `${this.prefix}imported-periods`;
  /** Report forms uploaded in chat (XLSForm workbooks), by form id. */
  uploadedForms = () => `${this.prefix}uploaded-forms`;
  /** Plans created in chat: id → JSON. */
  plans = () => `${this.prefix}plans`;
  /** The state of any plan (bundle or chat) once changed from active: id → "archived" | "active". */
  planStates = () => `${this.prefix}plan-states`;
  /** The text of a plan created in chat (for Q&A after a restart). */
  planDocument = (planId: string) => `${this.prefix}plan-doc:${planId}`;
  /** The form of a plan, once changed in chat (an uploaded form put to the plan): plan id → form id. */
  planForms = () => `${this.prefix}plan-forms`;
  /** Exactly-once marker of one scheduled message (reminders): kind, period, offset, recipient. */
  sent = (...parts: string[]) => `${this.prefix}sent:${parts.join(':')}`;
  /** A manual nudge (/nhacnho) recently sent to one recipient. */
  nudged = (...parts: string[]) => `${this.prefix}nudged:${parts.join(':')}`;
  /** Version of each cached topic (see change-feed.ts), and the channel its changes are published on. */
  changeVersions = () => `${this.prefix}change-versions`;
  /** A picture served at an unguessable, expiring public address (charts for Zalo). */
  servedFile = (token: string) => `${this.prefix}served-file:${token}`;
  changeChannel = () => `${this.prefix}changes`;
  /** BullMQ's own prefix for the job queues, under the same prefix. */
  bull = () => `${this.prefix}bull`;
}
