import type { ChannelName, ChatRef } from '../messages.ts';
import type { Lang } from '../../i18n/translator.ts';
import type { PeriodDef } from '../../plan-bundle/bundle-types.ts';

export type Role = 'officer' | 'leader' | 'admin';

/** A Youth Union unit: the province at the root, its units (district unions, affiliated unions) below it. */
export interface Unit {
  code: string;
  name: string;
  /** Code of the parent unit; null for the province at the root. */
  parentCode: string | null;
  createdAt: string;
}

/** One account of a person on one channel. */
export interface Identity {
  channel: ChannelName;
  userId: string;
  /** The private chat where the bot reaches this identity. */
  chatId: string;
}

export interface Person {
  id: string;
  name: string;
  role: Role;
  /** The unit this person belongs to (the province for leaders and admins by default). */
  unitCode: string;
  identities: Identity[];
  createdAt: string;
  /** Set when the platform said this person cannot be reached (blocked the bot, chat gone). */
  unreachable?: { channel: ChannelName; reason: string; at: string };
}

export interface Invite {
  code: string;
  unitCode: string;
  role: Role;
  /** Set for a link code: the identity that redeems it joins this existing person. */
  personId?: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export type AnswerMap = Record<string, number | string | boolean | string[] | null>;

/** One submission of a unit's report for a period. Every revision is kept. */
export interface ReportRevision {
  periodId: string;
  unitCode: string;
  revision: number;
  answers: AnswerMap;
  submittedBy: { personId: string; name: string; channel: ChannelName };
  submittedAt: string;
  late: boolean;
  /** Set when an officer of a unit above sent it for this unit (which could not): that unit's code. */
  onBehalfOf?: string;
  /** The review of this revision by a leader above the unit; none while it waits (chờ duyệt). */
  review?: Review;
}

/** A leader's decision on a report: accepted (đã duyệt) or returned with a comment (trả lại). */
export interface Review {
  state: 'accepted' | 'returned';
  by: { personId: string; name: string };
  at: string;
  comment?: string;
}

/** One line of the review audit: who accepted or returned which revision, when, with which comment. */
export interface ReviewEntry {
  revision: number;
  state: Review['state'];
  by: { personId: string; name: string; unitCode: string };
  at: string;
  comment?: string;
}

/** A reporting period as the bot uses it: the bundle's definition with any stored change applied. */
export interface Period extends PeriodDef {
  /** Bumped whenever the deadline changes, so planned jobs of an older version are recognised. */
  version: number;
  /** The plan this period belongs to. Period ids are unique across every plan. */
  planId: string;
  /** Read-time flag: the plan was archived (no reports, no reminders; status and export still work). */
  planArchived?: boolean;
}

export type ProvinceGroups = Partial<Record<ChannelName, ChatRef>>;

export type { Lang };
