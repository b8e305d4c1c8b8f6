import type { Condition } from '../condition-spec.ts';
import { compileExpression } from '../expression/compile-expression.ts';
import type { FormIssue } from '../form-check.ts';
import { safeParseFormSpec, type FormSpec, type QuestionKind } from '../form-spec.ts';
import type { InlineText } from '../form-text.ts';
import { cellText, cellValue, languageOf, rowText, textColumnName, textColumns, type TextColumns, type TextLang } from './columns.ts';
import type { SheetData, SheetRow, WorkbookData, XlsIssue } from './workbook-data.ts';

export type XlsformResult = { ok: true; spec: FormSpec } | { ok: false; issues: XlsIssue[] };

const NAME = /^[a-z][a-z0-9_]*$/;
const OPTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MAX_QUESTIONS = 100;
/** Rows ODK fills by itself (start, end, device…): nothing to ask in a chat, so they are passed over. */
const METADATA_TYPES = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'phonenumber',
  'username',
  'email',
  'audit',
  'simserial',
  'subscriberid',
]);

interface Option {
  name: string;
  label: InlineText;
  row: number;
}

/** Where each part of the spec came from, to word the spec checker's issues with sheet, row and column. */
interface Trace {
  questionRows: number[];
  optionRows: number[][];
  settingsRow?: number;
}

/**
 * Reads an XLSForm (survey, choices, settings sheets) into a form spec. Supports integer, decimal, text,
 * select_one / select_multiple <list> (a list whose names are exactly yes and no is a yes/no question),
 * note (shown above the next question), begin_group / end_group (a group's `relevant` applies to its
 * questions); columns label, hint, required, relevant, constraint, constraint_message, target,
 * province_target, and doanbot's own short_label, unit, min, max, max_length. Text columns may be plain
 * or per language (`label::Tiếng Việt (vi)`, `label::English (en)`). Either the whole workbook is read, or
 * every mistake found is returned with its sheet, row and column; nothing is half-read.
 */
export function xlsformToSpec(book: WorkbookData): XlsformResult {
  return new XlsformReader(book).read();
}

class XlsformReader {
  private readonly issues: XlsIssue[] = [];
  private readonly sheets: ReadonlyMap<string, SheetData>;
  private lang: TextLang = 'vi';

  constructor(book: WorkbookData) {
    this.sheets = new Map(book.sheets.map((s) => [s.name.trim().toLowerCase(), s]));
  }

  private issue(
    sheet: string,
    row: number | undefined,
    column: string | undefined,
    key: string,
    params: Record<string, string | number> = {},
  ) {
    this.issues.push({ sheet, ...(row !== undefined && { row }), ...(column !== undefined && { column }), key, params });
  }

  read(): XlsformResult {
    const survey = this.sheets.get('survey');
    if (!survey) {
      this.issue('survey', undefined, undefined, 'missing_sheet', { sheet: 'survey' });
      return { ok: false, issues: this.issues };
    }
    const settings = this.readSettings();
    const lists = this.readChoices();
    const trace: Trace = { questionRows: [], optionRows: [], ...(settings.row !== undefined && { settingsRow: settings.row }) };
    const questions = this.readSurvey(survey, lists, trace);
    if (this.issues.length > 0) return { ok: false, issues: this.issues };
    const raw = {
      id: settings.id,
      specVersion: 1,
      revision: settings.revision,
      title: settings.title ?? { vi: settings.id },
      questions,
    };
    const parsed = safeParseFormSpec(raw, () => false);
    if (parsed.ok) return parsed;
    if (parsed.zod) {
      for (const zodIssue of parsed.zod.issues) {
        const where = this.locate(zodIssue.path, survey, trace);
        this.issue(where.sheet, where.row, where.column, 'invalid', { detail: zodIssue.message });
      }
    }
    for (const formIssue of parsed.issues) this.specIssue(formIssue, survey, trace);
    return { ok: false, issues: this.issues };
  }

  private readSettings(): { id: string; revision: number; title?: InlineText; row?: number } {
    const sheet = this.sheets.get('settings');
    const row = sheet?.rows[0];
    if (!sheet || !row) return { id: 'bieu-mau', revision: 1 };
    const language = cellText(
      row,
      sheet.headers.find((h) => h.trim().toLowerCase() === 'default_language'),
    );
    if (language !== undefined && languageOf(language) === 'en') this.lang = 'en';
    const column = (name: string) => sheet.headers.find((h) => h.trim().toLowerCase() === name);
    const rawId = cellText(row, column('form_id'));
    const id = (rawId ?? 'bieu-mau').toLowerCase().replace(/_/g, '-');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || id.length > 64)
      this.issue(sheet.name, row.number, 'form_id', 'bad_form_id', { value: rawId ?? '' });
    let revision = 1;
    const version = cellValue(row, column('version'));
    if (version !== undefined && String(version).trim() !== '') {
      const number = Number(String(version).trim());
      if (Number.isSafeInteger(number) && number > 0) revision = number;
      else this.issue(sheet.name, row.number, 'version', 'bad_version', { value: String(version) });
    }
    const title = rowText(row, textColumns(sheet.headers, 'form_title'), this.lang);
    return { id, revision, ...(title && { title }), row: row.number };
  }

  private readChoices(): Map<string, Option[]> {
    const lists = new Map<string, Option[]>();
    const sheet = this.sheets.get('choices');
    if (!sheet) return lists;
    const column = (name: string) => sheet.headers.find((h) => h.trim().toLowerCase() === name);
    const listColumn = column('list_name') ?? column('list name');
    const nameColumn = column('name');
    const labels = textColumns(sheet.headers, 'label');
    for (const [header, present] of [
      ['list_name', listColumn],
      ['name', nameColumn],
    ] as const) {
      if (!present) this.issue(sheet.name, 1, header, 'missing_column', { column: header });
    }
    if (!listColumn || !nameColumn) return lists;
    for (const row of sheet.rows) {
      const list = cellText(row, listColumn);
      const name = cellText(row, nameColumn);
      const label = rowText(row, labels, this.lang);
      if (list === undefined && name === undefined && label === undefined) continue;
      if (list === undefined) {
        this.issue(sheet.name, row.number, 'list_name', 'no_list_name');
        continue;
      }
      const options = lists.get(list) ?? [];
      lists.set(list, options);
      if (name === undefined) this.issue(sheet.name, row.number, 'name', 'option_no_name');
      else if (!OPTION_NAME.test(name) || name.length > 64) this.issue(sheet.name, row.number, 'name', 'option_bad_name', { name });
      else if (options.some((o) => o.name === name)) {
        const first = options.find((o) => o.name === name)!.row;
        this.issue(sheet.name, row.number, 'name', 'option_duplicate', { name, list, first });
      } else if (label === undefined) this.issue(sheet.name, row.number, textColumnName(labels, 'label'), 'option_no_label', { name });
      else options.push({ name, label, row: row.number });
    }
    return lists;
  }

  private readSurvey(sheet: SheetData, lists: ReadonlyMap<string, Option[]>, trace: Trace): Record<string, unknown>[] {
    const column = (name: string) => sheet.headers.find((h) => h.trim().toLowerCase() === name);
    const typeColumn = column('type');
    const nameColumn = column('name');
    for (const [header, present] of [
      ['type', typeColumn],
      ['name', nameColumn],
    ] as const) {
      if (!present) this.issue(sheet.name, 1, header, 'missing_column', { column: header });
    }
    if (!typeColumn || !nameColumn) return [];
    const text = {
      label: textColumns(sheet.headers, 'label'),
      hint: textColumns(sheet.headers, 'hint'),
      constraintMessage: textColumns(sheet.headers, 'constraint_message'),
      shortLabel: textColumns(sheet.headers, 'short_label'),
      unit: textColumns(sheet.headers, 'unit'),
    };
    if (!text.label.plain && !text.label.vi && !text.label.en) this.issue(sheet.name, 1, 'label', 'missing_column', { column: 'label' });

    // First pass: the kind of every named question, so expressions may name any of them.
    const kinds = new Map<string, QuestionKind>();
    const firstRow = new Map<string, number>();
    for (const row of sheet.rows) {
      const type = this.parseType(cellText(row, typeColumn), lists);
      const name = cellText(row, nameColumn);
      if (type?.kind && name !== undefined && !kinds.has(name)) kinds.set(name, type.kind);
    }

    const questions: Record<string, unknown>[] = [];
    const groups: { row: number; when?: Condition }[] = [];
    let intro: InlineText | undefined;
    let introRow: number | undefined;
    for (const row of sheet.rows) {
      const rawType = cellText(row, typeColumn);
      const name = cellText(row, nameColumn);
      const at = (col: string, key: string, params: Record<string, string | number> = {}) =>
        this.issue(sheet.name, row.number, col, key, params);
      if (rawType === undefined) {
        if (name !== undefined || rowText(row, text.label, this.lang)) at('type', 'no_type');
        continue;
      }
      const type = this.parseType(rawType, lists, at);
      if (!type) continue;
      if (type.control === 'skip') continue;
      if (type.control === 'begin_group') {
        const when = this.expression(row, column('relevant'), 'relevant', kinds, false);
        groups.push({ row: row.number, ...(when && { when }) });
        continue;
      }
      if (type.control === 'end_group') {
        if (!groups.pop()) at('type', 'group_not_open');
        continue;
      }
      const label = rowText(row, text.label, this.lang);
      if (type.control === 'note') {
        if (!label) at(textColumnName(text.label, 'label'), 'no_label');
        else intro = intro ? { vi: `${intro.vi}\n${label.vi}`, ...(intro.en && label.en && { en: `${intro.en}\n${label.en}` }) } : label;
        introRow ??= row.number;
        continue;
      }
      if (name === undefined) {
        at('name', 'no_name');
        continue;
      }
      if (!NAME.test(name)) {
        at('name', 'bad_name', { name });
        continue;
      }
      const first = firstRow.get(name);
      if (first !== undefined) {
        at('name', 'duplicate_name', { name, first });
        continue;
      }
      firstRow.set(name, row.number);
      if (!label) at(textColumnName(text.label, 'label'), 'no_label');
      const question: Record<string, unknown> = { id: name, type: type.kind, prompt: label ?? { vi: name } };
      const optional = <T>(key: string, value: T | undefined) => {
        if (value !== undefined) question[key] = value;
      };
      optional('label', rowText(row, text.shortLabel, this.lang));
      optional('help', rowText(row, text.hint, this.lang));
      optional('intro', intro);
      intro = undefined;
      introRow = undefined;
      question.required = this.yesNo(row, column('required'), at) ?? false;
      const own = this.expression(row, column('relevant'), 'relevant', kinds, false);
      const when = [...groups.flatMap((g) => (g.when ? [g.when] : [])), ...(own ? [own] : [])].flatMap((c) => ('all' in c ? c.all : [c]));
      if (when.length > 0) question.when = when.length === 1 ? when[0] : { all: when };
      optional('constraint', this.expression(row, column('constraint'), 'constraint', kinds, true));
      optional('constraintMessage', rowText(row, text.constraintMessage, this.lang));
      const numeric = type.kind === 'integer' || type.kind === 'decimal';
      for (const [header, key] of [
        ['target', 'target'],
        ['province_target', 'provinceTarget'],
        ['min', 'min'],
        ['max', 'max'],
      ] as const) {
        const value = this.number(row, column(header), header, at);
        if (value === undefined) continue;
        if (!numeric) at(header, header.includes('target') ? 'target_not_numeric' : 'range_not_numeric');
        else question[key] = value;
      }
      if (numeric) optional('unit', rowText(row, text.unit, this.lang));
      const aggregate = cellText(row, column('aggregate'))?.toLowerCase();
      if (aggregate !== undefined) {
        if (!numeric) at('aggregate', 'range_not_numeric');
        else if (aggregate === 'sum' || aggregate === 'mean') question.aggregate = aggregate;
        else at('aggregate', 'bad_aggregate', { value: aggregate });
      }
      if (type.kind === 'text') optional('maxLength', this.number(row, column('max_length'), 'max_length', at));
      optional('default', this.defaultValue(row, column('default'), type.kind, at));
      if (type.list !== undefined && type.kind !== 'yes_no') {
        const options = lists.get(type.list) ?? [];
        question.options = options.map((o) => ({ id: o.name, label: o.label }));
        trace.optionRows[questions.length] = options.map((o) => o.row);
      }
      trace.questionRows[questions.length] = row.number;
      questions.push(question);
    }
    for (const group of groups) this.issue(sheet.name, group.row, 'type', 'group_not_closed');
    if (introRow !== undefined) this.issue(sheet.name, introRow, 'type', 'note_at_end');
    if (questions.length === 0 && this.issues.length === 0) this.issue(sheet.name, undefined, undefined, 'empty_survey');
    if (questions.length > MAX_QUESTIONS)
      this.issue(sheet.name, undefined, undefined, 'too_many', { count: questions.length, max: MAX_QUESTIONS });
    return questions;
  }

  /** "select_one yes_no" → a question kind and its list; a group, a note or a row to pass over → control. */
  private parseType(
    raw: string | undefined,
    lists: ReadonlyMap<string, Option[]>,
    at?: (col: string, key: string, params?: Record<string, string | number>) => void,
  ): { kind?: QuestionKind; list?: string; control?: 'begin_group' | 'end_group' | 'note' | 'skip' } | undefined {
    if (raw === undefined) return undefined;
    const [word = '', list, ...rest] = raw.trim().split(/\s+/);
    const type = word.toLowerCase();
    if (type === 'integer' || type === 'int') return { kind: 'integer' };
    if (type === 'decimal') return { kind: 'decimal' };
    if (type === 'text') return { kind: 'text' };
    if (type === 'note') return { control: 'note' };
    if (type === 'begin_group' || (type === 'begin' && list?.toLowerCase() === 'group')) return { control: 'begin_group' };
    if (type === 'end_group' || (type === 'end' && list?.toLowerCase() === 'group')) return { control: 'end_group' };
    if (METADATA_TYPES.has(type) && list === undefined) return { control: 'skip' };
    if (type === 'select_one' || type === 'select_multiple') {
      if (list === undefined || rest.length > 0) {
        at?.('type', 'no_list', { type: raw });
        return undefined;
      }
      const options = lists.get(list);
      if (!options) {
        at?.('type', 'unknown_list', { list });
        return undefined;
      }
      const names = options.map((o) => o.name.toLowerCase()).sort();
      if (type === 'select_one' && names.length === 2 && names[0] === 'no' && names[1] === 'yes') return { kind: 'yes_no', list };
      if (options.length < 2) {
        at?.('type', 'short_list', { list });
        return undefined;
      }
      return { kind: type === 'select_one' ? 'single_choice' : 'multi_choice', list };
    }
    at?.('type', 'bad_type', { type: raw });
    return undefined;
  }

  private expression(
    row: SheetRow,
    header: string | undefined,
    columnName: 'relevant' | 'constraint',
    kinds: ReadonlyMap<string, QuestionKind>,
    allowSelf: boolean,
  ): Condition | undefined {
    const source = cellText(row, header);
    if (source === undefined) return undefined;
    const result = compileExpression(source, { kindOf: (name) => kinds.get(name), allowSelf });
    if (result.ok) return result.condition;
    this.issue(this.sheets.get('survey')!.name, row.number, columnName, `expr.${result.error.code}`, result.error.params);
    return undefined;
  }

  /** A `default` cell as an answer of the question's kind (checked against the question with the whole form). */
  private defaultValue(
    row: SheetRow,
    header: string | undefined,
    kind: QuestionKind | undefined,
    at: (col: string, key: string, params?: Record<string, string | number>) => void,
  ): number | string | boolean | string[] | undefined {
    const value = cellValue(row, header);
    if (value === undefined || String(value).trim() === '') return undefined;
    const text = String(value).trim();
    switch (kind) {
      case 'integer':
      case 'decimal':
        return this.number(row, header, 'default', at);
      case 'yes_no': {
        const yes = this.yesNo(row, header, () => at('default', 'bad_required', { value: text }));
        return yes;
      }
      case 'multi_choice':
        return text.split(/\s+/);
      default:
        return text;
    }
  }

  private yesNo(
    row: SheetRow,
    header: string | undefined,
    at: (col: string, key: string, params?: Record<string, string | number>) => void,
  ) {
    const value = cellValue(row, header);
    if (value === undefined || String(value).trim() === '') return undefined;
    if (typeof value === 'boolean') return value;
    const word = String(value).trim().toLowerCase().normalize('NFC');
    if (['yes', 'true', '1', 'có', 'co', 'x', 'true()'].includes(word)) return true;
    if (['no', 'false', '0', 'không', 'khong', 'false()'].includes(word)) return false;
    at('required', 'bad_required', { value: String(value) });
    return undefined;
  }

  private number(
    row: SheetRow,
    header: string | undefined,
    columnName: string,
    at: (col: string, key: string, params?: Record<string, string | number>) => void,
  ): number | undefined {
    const value = cellValue(row, header);
    if (value === undefined || String(value).trim() === '') return undefined;
    const number = typeof value === 'number' ? value : readSheetNumber(String(value));
    if (number === undefined || !Number.isFinite(number)) {
      at(columnName, 'bad_number', { value: String(value) });
      return undefined;
    }
    return number;
  }

  /** A spec-level issue (from the checks every form passes) worded at its sheet, row and column. */
  private specIssue(issue: FormIssue, survey: SheetData, trace: Trace): void {
    const where = this.locate(issue.path, survey, trace);
    this.issue(where.sheet, where.row, where.column, `issue.${issue.code}`, issue.params);
  }

  private locate(path: readonly (string | number)[], survey: SheetData, trace: Trace): { sheet: string; row?: number; column?: string } {
    const [top, index, field, sub, subIndex, subField] = path;
    if (top === 'questions' && typeof index === 'number') {
      if (field === 'options' && typeof sub === 'number') {
        const row = trace.optionRows[index]?.[sub];
        return {
          sheet: this.sheets.get('choices')?.name ?? 'choices',
          ...(row !== undefined && { row }),
          column: subIndex === 'label' ? 'label' : 'name',
        };
      }
      void subField;
      const row = trace.questionRows[index];
      return { sheet: survey.name, ...(row !== undefined && { row }), column: SURVEY_COLUMN[String(field)] ?? String(field ?? 'name') };
    }
    const settings = this.sheets.get('settings');
    return {
      sheet: settings?.name ?? 'settings',
      ...(trace.settingsRow !== undefined && { row: trace.settingsRow }),
      column: top === 'title' ? 'form_title' : String(top ?? ''),
    };
  }
}

const SURVEY_COLUMN: Readonly<Record<string, string>> = {
  id: 'name',
  type: 'type',
  prompt: 'label',
  label: 'short_label',
  help: 'hint',
  when: 'relevant',
  constraint: 'constraint',
  constraintMessage: 'constraint_message',
  intro: 'label',
  target: 'target',
  provinceTarget: 'province_target',
  min: 'min',
  max: 'max',
  maxLength: 'max_length',
  aggregate: 'aggregate',
  default: 'default',
  unit: 'unit',
  required: 'required',
};

/** A number typed in a cell as text, either way ("1.500", "1,5", "1500"). */
export function readSheetNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  if (/^-?\d*\.\d+$/.test(t)) return Number(t);
  return undefined;
}

export type { TextColumns };
