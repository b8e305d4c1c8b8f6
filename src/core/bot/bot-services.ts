import type { ChannelName } from '../messages.ts';
import type { Lang } from '../../i18n/translator.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { Stores } from '../../store/stores.ts';
import type { FormRegistry } from '../plans/form-registry.ts';
import type { FormWorkbook } from '../forms/form-workbook.ts';
import type { DraftForm } from '../forms/draft-form.ts';
import type { Period } from '../domain/types.ts';
import type { OutboundPort } from './outbound-port.ts';
import type { SenderLimiter } from './sender-limit.ts';
import type { ExportServices } from '../exports/export-port.ts';
import type { Metrics } from '../metrics.ts';
import type { PlanDraft, ProposedPlanPeriod } from '../plans/new-plan.ts';

/** A minimal logger (pino satisfies it). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What the asker's situation says about which plan a question is about. */
export interface AskContext {
  /** Plans with a reporting period open now. */
  openPlanIds: readonly string[];
}

/** Answers questions about the plans (src/qa behind it). */
export interface PlanAnswerer {
  /**
   * The answer text, already citing its section (and its plan when there are several); `uncertain`
   * when no good match was found. The plan is the one the question names, else one of `context`'s.
   */
  answer(question: string, lang: Lang, context: AskContext): Promise<{ text: string; uncertain: boolean }>;
  looksLikeQuestion(text: string): boolean;
}

/** Imports a plan document sent in chat (src/qa behind it). */
export interface PlanImporter {
  /**
   * Reads the document; returns what was found, the periods it proposes (ids and plan set on
   * confirmation) and the plan they would belong to.
   */
  read(content: Buffer, fileName: string, lang: Lang): Promise<{ summary: string; periods: ProposedPlanPeriod[]; draft: PlanDraft }>;
  /** A draft report form from the measurable targets of a plan's text (null when it sets none). */
  draftForm?(documentText: string, fileName: string, planId: string, title: string): DraftForm | null;
}

/** Things that happen in the core that other parts (reminders) react to. */
export interface CoreHooks {
  /** A period was created or its deadline moved: plan its reminders again. */
  periodChanged?(period: Period): Promise<void>;
  /** Nudge every unit that has not reported, now (leader command); only those below `scope` when given. */
  remindNow?(period: Period, scope?: string): Promise<number>;
}

/** Everything the bot's commands use, built once by the composition root. */
export interface BotServices {
  stores: Stores;
  translator: Translator;
  /** The report forms by id; a period's form is its plan's (see `formOf`). */
  forms: FormRegistry;
  /** Report forms as XLSForm workbooks (/mau, forms sent in chat); null where not wired. */
  formWorkbook: FormWorkbook | null;
  answerer: PlanAnswerer | null;
  importer: PlanImporter | null;
  /** Reads a unit list sent as a workbook into CSV text (code, name, parent); null for a form workbook. */
  unitWorkbook?: (content: Buffer) => Promise<string | null>;
  outbound: OutboundPort;
  /** Deep links for invites, where a channel has them. */
  inviteLink(channel: ChannelName, code: string): string | undefined;
  channels: ChannelName[];
  timezone: string;
  province: { code: string; name: string };
  inviteTtlHours: number;
  /** User ids that are admins from the start, per channel. */
  adminIds: Partial<Record<ChannelName, string[]>>;
  clock: () => Date;
  logger: Logger;
  hooks: CoreHooks;
  /** Per-sender inbound budget; absent: no limit. */
  senderLimiter?: SenderLimiter;
  /** Workbook, Word draft and chart builders, with the plan's title and the signer. */
  exports: ExportServices;
  /** Counters for operators (see `/metrics`); nothing recorded when absent. */
  metrics?: Metrics;
}
