/** Every Redis key doanbot uses, in one place, under one prefix (so tests and provinces can share a server). */
export class Keys {
  constructor(readonly prefix: string) {}
  units = () => `${this.prefix}units`;
  person = (id: string) => `${this.prefix}person:${id}`;
  people = () => `${this.prefix}people`;
  identity = (channel: string, userId: string) => `${this.prefix}identity:${channel}:${userId}`;
  unitPeople = (unitCode: string) => `${this.prefix}unit-people:${unitCode}`;
  invite = (code: string) => `${this.prefix}invite:${code}`;
  reportRevisions = (periodId: string, unitCode: string) => `${this.prefix}report:${periodId}:${unitCode}`;
  reportLatest = (periodId: string) => `${this.prefix}report-latest:${periodId}`;
  session = (channel: string, userId: string) => `${this.prefix}session:${channel}:${userId}`;
  seen = (updateKey: string) => `${this.prefix}seen:${updateKey}`;
  langs = () => `${this.prefix}langs`;
  groups = () => `${this.prefix}groups`;
  periodOverrides = () => `${this.prefix}period-overrides`;
  importedPeriods = () => `${this.prefix}imported-periods`;
  /** Exactly-once marker of one scheduled message (reminders): kind, period, offset, recipient. */
  sent = (...parts: string[]) => `${this.prefix}sent:${parts.join(':')}`;
  /** A manual nudge (/nhacnho) recently sent to one recipient. */
  nudged = (...parts: string[]) => `${this.prefix}nudged:${parts.join(':')}`;
  /** Version of each cached topic (see change-feed.ts), and the channel its changes are published on. */
  changeVersions = () => `${this.prefix}change-versions`;
  changeChannel = () => `${this.prefix}changes`;
  /** BullMQ's own prefix for the job queues, under the same prefix. */
  bull = () => `${this.prefix}bull`;
}
