import type { LocalizedText } from '../../plan-bundle/bundle-types.ts';

/** Where a plan comes from: a bundle folder under flows/, or a document a leader sent in chat. */
export type PlanSource = 'bundle' | 'chat';

/** An active plan takes reports and sends reminders; an archived one keeps its data for status and export only. */
export type PlanState = 'active' | 'archived';

/**
 * One plan of the province (Tháng Thanh niên, the summer campaign, monthly reports…): its document,
 * the report form its periods use, and how its reminders are timed. Its periods carry its id.
 */
export interface Plan {
  /** Lower-case letters, digits and "-"; unique among every plan. */
  id: string;
  title: LocalizedText;
  issuer?: string;
  /** The document number as written after "Số:" ("101-KH/TĐTN"), when known. */
  number?: string;
  /** The report form, by id in the form registry. */
  formId: string;
  /** IANA zone of its deadlines and reminders. */
  timezone: string;
  /** "HH:mm": local time of day of whole-day reminder offsets. */
  reminderTime: string;
  source: PlanSource;
  state: PlanState;
  /** Set for plans created in chat. */
  createdAt?: string;
  createdBy?: string;
}
