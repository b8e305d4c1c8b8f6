import type { ChannelName, ChatRef, OutboundMessage } from '../core/messages.ts';
import type { FormRegistry } from '../core/plans/form-registry.ts';
import type { Translator } from '../i18n/translator.ts';
import type { DeliveryResult } from '../outbound/delivery-result.ts';
import type { Stores } from '../store/stores.ts';
import type { PeriodStatus } from '../core/report/period-status.ts';
import type { ScheduleZone } from './schedule.ts';
import type { SendClaims } from './send-claims.ts';

/** What reminders, escalations and summaries need from the rest of the bot. */
export interface ReminderDeps {
  stores: Stores;
  /** The one outbound path (the Outbox): never rejects. */
  outbox: { send(to: ChatRef, message: OutboundMessage): Promise<DeliveryResult> };
  claims: SendClaims;
  translator: Translator;
  /** The report forms; a period's form is its plan's. */
  forms: FormRegistry;
  /** Zone and time of day of the moments of a period whose plan is gone (each plan has its own). */
  schedule: ScheduleZone;
  /** Zone deadlines are shown in (the configured one). */
  displayZone: string;
  provinceCode: string;
  /** Channels running in this process; identities on other channels are left alone. */
  channels: readonly ChannelName[];
  clock: () => Date;
  /** The chart that comes with a group summary; null when it cannot be made (the text goes alone). */
  summaryChart?(status: PeriodStatus): Promise<OutboundMessage | null>;
}
