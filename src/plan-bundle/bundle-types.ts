import type { FormSpec } from '../flow/form-spec.ts';

/** A text in both languages the bot speaks. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/**
 * One reporting period of a plan, with its instants resolved in the bundle's time zone
 * (ISO instants with offset, e.g. "2013-06-10T23:59:59+07:00").
 */
export interface PeriodDef {
  id: string;
  title: LocalizedText;
  /** When units must have reported to the province: end of that day for a date-only deadline. */
  unitDeadline: string;
  /**
   * Deadlines of the units at some depths below the root (depth → deadline), when the plan gives the
   * levels their own (communes before the district, the district before the province). Units at
   * other depths have `unitDeadline`.
   */
  levelDeadlines?: Record<string, { at: string; dateOnly: boolean }>;
  /**
   * Deadlines set in chat (/giahan) for the subtree of a unit (unit code → deadline): they apply to the
   * units below that unit (and to it when it reports), in place of their level's or the common deadline;
   * the nearest one above a unit wins. Never in plan.yaml.
   */
  subtreeDeadlines?: Record<string, { at: string; dateOnly: boolean }>;
  /** When the province reports to the centre, if the plan says. */
  provinceDeadline?: string;
  /** True when the unit deadline was given as a date only (reminders then go at the bundle's reminderTime). */
  deadlineIsDateOnly: boolean;
  /** Reporting opens at this instant; absent: open any time before the deadline. */
  opens?: string;
  /** Late reports are accepted until this instant (default: 30 days after the unit deadline). */
  closes: string;
  /** Signed ISO-8601 durations relative to the unit deadline (see `parseOffset`). */
  reminders: string[];
  /** When group summaries go out, relative to the unit deadline. */
  summaries: string[];
  /** Where in the plan the deadline is stated, e.g. "III.2". */
  section?: string;
}

/** A plan with its document, its report form and its periods: the folder `flows/<id>/`. */
export interface PlanBundle {
  id: string;
  /** The bundle's folder. */
  dir: string;
  title: LocalizedText;
  issuer?: string;
  documentPath: string;
  /** The plan document's text, NFC-normalized. */
  documentText: string;
  form: FormSpec;
  /** IANA zone, e.g. "Asia/Ho_Chi_Minh". */
  timezone: string;
  /** "HH:mm", local time of day for whole-day reminder offsets. */
  reminderTime: string;
  periods: PeriodDef[];
}
