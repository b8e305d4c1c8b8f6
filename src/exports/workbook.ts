import type { TextFn } from '../flow/text-fn.ts';
import type * as ExcelJS from 'exceljs';
import type { QuestionSpec } from '../flow/form-spec.ts';
import { formatAnswer } from '../flow/question-types/index.ts';
import { sayText } from '../flow/form-text.ts';
import type { AnswerValue } from '../flow/form-spec.ts';
import type { ReportRevision } from '../core/domain/types.ts';
import { titleIn } from '../core/text/dates.ts';
import { completeness, unitState, type ReportData } from '../core/exports/report-data.ts';
import { figureRows, isNumeric, type FigureRow } from '../core/exports/figures.ts';
import { textQuestions } from '../core/exports/opinions.ts';
import { spreadsheetDate } from './local-time.ts';
import { loadExcelJs } from '../infra/load-exceljs.ts';

const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const INTEGER_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/**
 * The period's workbook: "Tổng hợp" (plan, period, completeness, one row per figure with total,
 * target, % and change on the previous period), "Theo đơn vị" (one row per unit, typed numeric
 * columns, SUM totals row, frozen header, autofilter), "Ý kiến" (text answers) and "Lịch sử"
 * (every revision), written into an empty workbook. Pure: the same data gives the same workbook.
 */
export function fillWorkbook(workbook: ExcelJS.Workbook, data: ReportData, t: TextFn): ExcelJS.Workbook {
  workbook.creator = 'doanbot';
  workbook.created = new Date(data.generatedAt);
  const figures = figureRows(data, t);
  summarySheet(workbook, data, figures, t);
  unitsSheet(workbook, data, figures, t);
  opinionsSheet(workbook, data, t);
  historySheet(workbook, data, t);
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(data: ReportData, t: TextFn): Promise<Buffer> {
  const workbook = fillWorkbook(new (await loadExcelJs()).Workbook(), data, t);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function summarySheet(workbook: ExcelJS.Workbook, data: ReportData, figures: FigureRow[], t: TextFn): void {
  const sheet = workbook.addWorksheet(t('exports.workbook.sheet_summary'));
  const c = completeness(data.units);
  const info: [string, string | number | Date][] = [
    [t('exports.workbook.plan'), data.planTitle],
    [t('exports.workbook.period'), titleIn(data.period.title, data.lang)],
    [t('exports.workbook.deadline'), spreadsheetDate(data.period.unitDeadline, data.zone)],
    [t('exports.workbook.generated_at'), spreadsheetDate(data.generatedAt, data.zone)],
    [t('exports.workbook.completeness'), t('exports.workbook.units_reported', { ...c })],
    [t('exports.workbook.on_time'), c.onTime],
    [t('exports.workbook.late'), c.late],
    [t('exports.workbook.missing'), c.missing],
  ];
  for (const [label, value] of info) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
  }
  sheet.addRow([]);
  const hasTargets = figures.some((f) => f.target !== undefined);
  const previous = data.previous;
  const headers = [
    t('exports.workbook.figure'),
    t('exports.workbook.total'),
    t('exports.workbook.measure'),
    t('exports.workbook.units_answered'),
    ...(hasTargets ? [t('exports.workbook.target'), t('exports.workbook.percent_of_target')] : []),
    ...(previous
      ? [
          t('exports.workbook.previous', { period: titleIn(previous.period.title, data.lang) }),
          t('exports.workbook.change'),
          t('exports.workbook.change_percent'),
        ]
      : []),
  ];
  styleHeader(sheet.addRow(headers));
  for (const f of figures) {
    const row = sheet.addRow([
      f.label,
      f.total,
      f.measure,
      f.answered,
      ...(hasTargets ? [f.target ?? null, f.percentOfTarget ?? null] : []),
      ...(previous ? [f.previous ?? null, f.change ?? null, f.changePercent ?? null] : []),
    ]);
    const numberFormat = f.question.type === 'integer' ? INTEGER_FORMAT : DECIMAL_FORMAT;
    row.getCell(2).numFmt = numberFormat;
    let col = 5;
    if (hasTargets) {
      row.getCell(col).numFmt = numberFormat;
      row.getCell(col + 1).numFmt = PERCENT_FORMAT;
      col += 2;
    }
    if (previous) {
      row.getCell(col).numFmt = numberFormat;
      row.getCell(col + 1).numFmt = numberFormat;
      row.getCell(col + 2).numFmt = PERCENT_FORMAT;
    }
  }
  sheet.getColumn(1).width = 48;
  for (let i = 2; i <= headers.length; i++) sheet.getColumn(i).width = 18;
}

function unitsSheet(workbook: ExcelJS.Workbook, data: ReportData, figures: FigureRow[], t: TextFn): void {
  const sheet = workbook.addWorksheet(t('exports.workbook.sheet_units'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const fixed = [
    t('exports.workbook.unit_code'),
    t('exports.workbook.unit_name'),
    t('exports.workbook.parent'),
    t('exports.workbook.state'),
    t('exports.workbook.submitted_at'),
    t('exports.workbook.submitted_by'),
    t('exports.workbook.revision'),
  ];
  const others = data.form.questions.filter((q) => !isNumeric(q) && q.type !== 'text');
  const headers = [...fixed, ...figures.map((f) => (f.measure ? `${f.label} (${f.measure})` : f.label)), ...others.map((q) => label(q, t))];
  styleHeader(sheet.addRow(headers));
  for (const report of data.units) {
    const rev = report.latest;
    const row = sheet.addRow([
      report.unit.code,
      report.unit.name,
      report.parentName,
      t(`exports.state.${unitState(report)}`),
      rev ? spreadsheetDate(rev.submittedAt, data.zone) : null,
      rev?.submittedBy.name ?? null,
      rev?.revision ?? null,
      ...figures.map((f) => numberAnswer(rev, f.question.id)),
      ...others.map((q) => (rev ? answerText(q, answerOf(rev, q.id), t) : null)),
    ]);
    row.getCell(5).numFmt = DATE_FORMAT;
    figures.forEach((f, i) => (row.getCell(fixed.length + 1 + i).numFmt = f.question.type === 'integer' ? INTEGER_FORMAT : DECIMAL_FORMAT));
  }
  const first = 2;
  const last = data.units.length + 1;
  const totals = sheet.addRow([t('exports.workbook.totals_row')]);
  totals.font = { bold: true };
  figures.forEach((f, i) => {
    const column = sheet.getColumn(fixed.length + 1 + i).letter;
    const cell = totals.getCell(fixed.length + 1 + i);
    const fn = f.question.aggregate === 'mean' ? 'AVERAGE' : 'SUM';
    cell.value = { formula: `${fn}(${column}${first}:${column}${Math.max(first, last)})`, result: f.total };
    cell.numFmt = f.question.type === 'integer' ? INTEGER_FORMAT : DECIMAL_FORMAT;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, last), column: headers.length } };
  sheet.getColumn(2).width = 34;
  sheet.getColumn(3).width = 24;
  for (let i = 4; i <= headers.length; i++) sheet.getColumn(i).width = i === 5 ? 17 : 16;
}

function opinionsSheet(workbook: ExcelJS.Workbook, data: ReportData, t: TextFn): void {
  const sheet = workbook.addWorksheet(t('exports.workbook.sheet_opinions'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = textQuestions(data, t);
  styleHeader(sheet.addRow([t('exports.workbook.unit_code'), t('exports.workbook.unit_name'), ...columns.map((c) => c.label)]));
  for (const report of data.units) {
    const rev = report.latest;
    if (!rev) continue;
    const texts = columns.map((c) => {
      const value = answerOf(rev, c.question.id);
      return typeof value === 'string' && value.trim() ? value.trim() : null;
    });
    if (texts.every((x) => x === null)) continue;
    const row = sheet.addRow([report.unit.code, report.unit.name, ...texts]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.getColumn(2).width = 30;
  columns.forEach((_, i) => (sheet.getColumn(3 + i).width = 60));
}

function historySheet(workbook: ExcelJS.Workbook, data: ReportData, t: TextFn): void {
  const sheet = workbook.addWorksheet(t('exports.workbook.sheet_history'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const questions = data.form.questions;
  styleHeader(
    sheet.addRow([
      t('exports.workbook.unit_code'),
      t('exports.workbook.unit_name'),
      t('exports.workbook.revision'),
      t('exports.workbook.submitted_at'),
      t('exports.workbook.submitted_by'),
      t('exports.workbook.channel'),
      t('exports.workbook.late_flag'),
      ...questions.map((q) => label(q, t)),
    ]),
  );
  for (const report of data.units) {
    for (const rev of report.revisions) {
      const row = sheet.addRow([
        report.unit.code,
        report.unit.name,
        rev.revision,
        spreadsheetDate(rev.submittedAt, data.zone),
        rev.submittedBy.name,
        rev.submittedBy.channel,
        t(rev.late ? 'exports.workbook.yes' : 'exports.workbook.no'),
        ...questions.map((q) => (isNumeric(q) ? numberAnswer(rev, q.id) : answerText(q, answerOf(rev, q.id), t))),
      ]);
      row.getCell(4).numFmt = DATE_FORMAT;
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 + questions.length } };
  sheet.getColumn(2).width = 30;
  sheet.getColumn(4).width = 17;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

function label(question: QuestionSpec, t: TextFn): string {
  return sayText(question.label ?? question.prompt, t);
}

function answerOf(rev: ReportRevision, id: string): AnswerValue | undefined {
  return Object.hasOwn(rev.answers, id) ? rev.answers[id] : undefined;
}

function numberAnswer(rev: ReportRevision | null, id: string): number | null {
  const value = rev ? answerOf(rev, id) : undefined;
  return typeof value === 'number' ? value : null;
}

/** Choices and yes/no as the words people read; text as typed (a leading "=" stays text: exceljs writes strings as strings). */
function answerText(question: QuestionSpec, value: AnswerValue | undefined, t: TextFn): string | null {
  if (value === undefined || value === null) return null;
  if (question.type === 'text') return String(value);
  return formatAnswer(question, value, t);
}
