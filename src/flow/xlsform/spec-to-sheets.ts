import { printExpression } from '../expression/print-expression.ts';
import type { FormSpec, QuestionKind, QuestionSpec } from '../form-spec.ts';
import { sayText, type FormText } from '../form-text.ts';
import type { TextFn } from '../text-fn.ts';
import type { CellValue, SheetData, WorkbookData } from './workbook-data.ts';

export const VI_SUFFIX = 'Tiếng Việt (vi)';
export const EN_SUFFIX = 'English (en)';
const YES_NO_LIST = 'yes_no';
/** A column for the person editing a draft (where a question comes from, what to check); readers ignore it. */
export const DRAFT_NOTE = 'draft_note';

const TYPE: Readonly<Record<Exclude<QuestionKind, 'single_choice' | 'multi_choice' | 'yes_no'>, string>> = {
  integer: 'integer',
  decimal: 'decimal',
  text: 'text',
};

/**
 * Writes a form as XLSForm sheets (survey, choices, settings) with its texts in Vietnamese and English
 * columns (English only where it differs), conditions as XLSForm expressions, and doanbot's own columns
 * (short_label, unit, min, max, max_length, target, province_target, aggregate; draft_note for a draft). What `xlsformToSpec` reads back is
 * the same form.
 */
export function specToSheets(spec: FormSpec, vi: TextFn, en: TextFn, notes?: ReadonlyMap<string, string>): WorkbookData {
  const texts = (base: string) => [`${base}::${VI_SUFFIX}`, `${base}::${EN_SUFFIX}`];
  const surveyHeaders = [
    'type',
    'name',
    ...texts('label'),
    ...texts('hint'),
    'required',
    'relevant',
    'constraint',
    ...texts('constraint_message'),
    ...texts('short_label'),
    ...texts('unit'),
    'min',
    'max',
    'max_length',
    'target',
    'province_target',
    'aggregate',
    'default',
    DRAFT_NOTE,
  ];
  const kindOf = (name: string) => spec.questions.find((q) => q.id === name)?.type;
  const survey: Record<string, CellValue | undefined>[] = [];
  const choices: Record<string, CellValue | undefined>[] = [];
  const put = (row: Record<string, CellValue | undefined>, base: string, text: FormText | undefined) => {
    if (text === undefined) return;
    const [viText, enText] = [sayText(text, vi), sayText(text, en)];
    row[`${base}::${VI_SUFFIX}`] = viText;
    if (enText !== viText) row[`${base}::${EN_SUFFIX}`] = enText;
  };
  let yesNoWritten = false;
  for (const q of spec.questions) {
    if (q.intro) {
      const note: Record<string, CellValue | undefined> = { type: 'note', name: `${q.id}_note` };
      put(note, 'label', q.intro);
      survey.push(note);
    }
    const row: Record<string, CellValue | undefined> = { type: typeOf(q), name: q.id, required: q.required ? 'yes' : 'no' };
    put(row, 'label', q.prompt);
    put(row, 'hint', q.help);
    put(row, 'short_label', q.label);
    put(row, 'constraint_message', q.constraintMessage);
    if (q.when) row.relevant = printExpression(q.when, kindOf);
    if (q.constraint) row.constraint = printExpression(q.constraint, kindOf);
    if (q.type === 'integer' || q.type === 'decimal') {
      put(row, 'unit', q.unit);
      row.min = q.min;
      row.max = q.max;
      row.target = q.target;
      row.province_target = q.provinceTarget;
      row.aggregate = q.aggregate;
    }
    if (q.type === 'text') row.max_length = q.maxLength;
    row[DRAFT_NOTE] = notes?.get(q.id);
    if (q.default !== undefined) {
      row.default = Array.isArray(q.default)
        ? q.default.join(' ')
        : typeof q.default === 'boolean'
          ? q.default
            ? 'yes'
            : 'no'
          : q.default;
    }
    survey.push(row);
    if (q.type === 'single_choice' || q.type === 'multi_choice') {
      for (const o of q.options) {
        const option: Record<string, CellValue | undefined> = { list_name: q.id, name: o.id };
        put(option, 'label', o.label);
        choices.push(option);
      }
    }
    if (q.type === 'yes_no' && !yesNoWritten) {
      yesNoWritten = true;
      for (const id of ['yes', 'no'] as const) {
        const option: Record<string, CellValue | undefined> = { list_name: YES_NO_LIST, name: id };
        put(option, 'label', `form.engine.choice.${id}`);
        choices.push(option);
      }
    }
  }
  const settingsRow: Record<string, CellValue | undefined> = { form_id: spec.id, version: spec.revision, default_language: VI_SUFFIX };
  put(settingsRow, 'form_title', spec.title);
  return {
    sheets: [
      sheet('survey', surveyHeaders, survey),
      sheet('choices', ['list_name', 'name', ...texts('label')], choices),
      sheet('settings', [...texts('form_title'), 'form_id', 'version', 'default_language'], [settingsRow]),
    ],
  };
}

function typeOf(q: QuestionSpec): string {
  switch (q.type) {
    case 'single_choice':
      return `select_one ${q.id}`;
    case 'multi_choice':
      return `select_multiple ${q.id}`;
    case 'yes_no':
      return `select_one ${YES_NO_LIST}`;
    default:
      return TYPE[q.type];
  }
}

/** Keeps only the columns some row uses (besides the ones every XLSForm has), in order. */
function sheet(name: string, headers: string[], rows: Record<string, CellValue | undefined>[]): SheetData {
  const always = new Set([
    'type',
    'name',
    'list_name',
    `label::${VI_SUFFIX}`,
    'required',
    'form_id',
    'version',
    `form_title::${VI_SUFFIX}`,
  ]);
  const used = headers.filter((h) => always.has(h) || rows.some((r) => r[h] !== undefined));
  return {
    name,
    headers: used,
    rows: rows.map((r, i) => ({
      number: i + 2,
      cells: new Map(used.flatMap((h): [string, CellValue][] => (r[h] === undefined ? [] : [[h, r[h] as CellValue]]))),
    })),
  };
}
