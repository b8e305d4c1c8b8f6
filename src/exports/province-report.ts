import type { TextFn } from '../flow/text-fn.ts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { DateTime } from 'luxon';
import { formatDate, titleIn } from '../core/text/dates.ts';
import { completeness, unitState, type ReportData } from '../core/exports/report-data.ts';
import { figureRows, type FigureRow } from '../core/exports/figures.ts';
import { opinions, type Opinion, type OpinionKind } from '../core/exports/opinions.ts';
import { provinceParts, reportSubject } from '../core/exports/province-name.ts';
import { numberFormatter } from '../core/exports/number-format.ts';

/** Half-points: 13 pt body, 14 pt title and headings, 12 pt "Nơi nhận" (as Vietnamese official documents use). */
const BODY = 26;
const TITLE = 28;
const SMALL = 24;
const FONT = 'Times New Roman';
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/**
 * The province's report for the period as a Word draft, in the Youth Union's administrative format:
 * header block, title, I. completeness, II. results (prose and a table), III. highlights,
 * IV. difficulties, V. proposals (the units' own words, each attributed), recipients and signature.
 */
export function buildProvinceReport(data: ReportData, t: TextFn): Document {
  const figures = figureRows(data, t);
  const said = opinions(data, t);
  return new Document({
    creator: 'doanbot',
    title: `${t('exports.report.title')} ${titleIn(data.period.title, data.lang)}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children: [
          headerBlock(data, t),
          ...titleBlock(data, t),
          heading(t('exports.report.section_completeness')),
          ...completenessBlock(data, t),
          heading(t('exports.report.section_results')),
          ...resultsBlock(data, figures, t),
          ...opinionSection('highlights', 'exports.report.section_highlights', said, t),
          ...opinionSection('difficulties', 'exports.report.section_difficulties', said, t),
          ...opinionSection('proposals', 'exports.report.section_proposals', said, t),
          signatureBlock(data, t),
        ],
      },
    ],
  });
}

/** The draft as .docx bytes. */
export async function provinceReportBytes(data: ReportData, t: TextFn): Promise<Buffer> {
  return Packer.toBuffer(buildProvinceReport(data, t));
}

function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  const { underline, ...rest } = options;
  return new TextRun({ text, font: FONT, ...rest, ...(underline ? { underline: {} } : {}) });
}

function para(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ spacing: { after: 60, line: 300 }, ...options, children });
}

function centered(text: string, options: Parameters<typeof run>[1] = {}): Paragraph {
  return para([run(text, options)], { alignment: AlignmentType.CENTER, spacing: { after: 0 } });
}

function body(text: string): Paragraph {
  return para([run(text, { size: BODY })], { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 } });
}

function heading(text: string): Paragraph {
  return para([run(text, { bold: true, size: BODY })], { spacing: { before: 160, after: 80 }, indent: { firstLine: 567 } });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function cell(children: Paragraph[], width: number, borders = true): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    // Header and signature blocks line up at the top; figures are centred in their row.
    verticalAlign: borders ? VerticalAlign.CENTER : VerticalAlign.TOP,
    ...(borders ? {} : { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } }),
  });
}

function headerBlock(data: ReportData, t: TextFn): Table {
  const { committee, place } = provinceParts(data.province.name);
  const date = DateTime.fromISO(data.generatedAt, { setZone: true }).setZone(data.zone);
  const left = [
    centered(t('exports.report.committee', { province: committee }), { size: BODY }),
    centered(t('exports.report.stars'), { bold: true, size: BODY }),
    centered(t('exports.report.number'), { size: BODY }),
  ];
  const right = [
    centered(t('exports.report.union'), { bold: true, underline: true, size: TITLE }),
    centered(''),
    centered(
      t('exports.report.place_date', {
        place,
        day: String(date.day).padStart(2, '0'),
        month: String(date.month).padStart(2, '0'),
        year: date.year,
      }),
      { italics: true, size: BODY },
    ),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 45, false), cell(right, 55, false)] })],
  });
}

function titleBlock(data: ReportData, t: TextFn): Paragraph[] {
  return [
    para([], { spacing: { after: 120 } }),
    centered(t('exports.report.title'), { bold: true, size: TITLE }),
    centered(t('exports.report.subject', { subject: reportSubject(titleIn(data.period.title, data.lang)) }), { bold: true, size: TITLE }),
    centered('-----', { size: BODY }),
    para([], { spacing: { after: 120 } }),
  ];
}

function completenessBlock(data: ReportData, t: TextFn): Paragraph[] {
  const c = completeness(data.units);
  const names = (state: 'on_time' | 'late' | 'missing') =>
    data.units
      .filter((u) => unitState(u) === state)
      .map((u) => u.unit.name)
      .join(', ');
  const result = [
    body(
      t('exports.report.completeness', {
        ...c,
        date: formatDate(data.generatedAt, data.zone),
        period: lowerFirst(reportSubject(titleIn(data.period.title, data.lang))),
      }),
    ),
  ];
  if (c.onTime) result.push(body(t('exports.report.list_on_time', { units: names('on_time') })));
  if (c.late) result.push(body(t('exports.report.list_late', { units: names('late') })));
  if (c.missing) result.push(body(t('exports.report.list_missing', { units: names('missing') })));
  return result;
}

function resultsBlock(data: ReportData, figures: FigureRow[], t: TextFn): (Paragraph | Table)[] {
  const c = completeness(data.units);
  if (c.reported === 0 || figures.length === 0) return [body(t('exports.report.no_results'))];
  const n = numberFormatter(data.lang);
  const result: (Paragraph | Table)[] = [body(t('exports.report.results_intro', { reported: c.reported }))];
  for (const f of figures) {
    const measure = f.measure ? ` ${f.measure}` : '';
    const parts = [t('exports.report.result_line', { label: f.label, total: n(f.total), measure })];
    if (f.target !== undefined && f.percentOfTarget !== undefined) {
      parts.push(t('exports.report.result_target', { percent: n(f.percentOfTarget), target: n(f.target), measure }));
    }
    if (f.change !== undefined) parts.push(changeText(f, measure, n, t));
    result.push(body(`- ${parts.join('; ')}.`));
  }
  result.push(para([run(t('exports.report.table_caption'), { bold: true, italics: true })], { alignment: AlignmentType.CENTER }));
  result.push(figureTable(data, figures, n, t));
  return result;
}

function changeText(f: FigureRow, measure: string, n: (x: number) => string, t: TextFn): string {
  const change = f.change ?? 0;
  if (change === 0) return t('exports.report.result_change_same');
  const amount =
    f.changePercent === undefined
      ? `${n(Math.abs(change))}`
      : t('exports.report.result_change_percent', { change: n(Math.abs(change)), measure: '', percent: n(Math.abs(f.changePercent)) });
  const key = change > 0 ? 'exports.report.result_change_up' : 'exports.report.result_change_down';
  return t(key, { change: amount, measure: f.changePercent === undefined ? measure : '' });
}

function figureTable(data: ReportData, figures: FigureRow[], n: (x: number) => string, t: TextFn): Table {
  const hasTargets = figures.some((f) => f.target !== undefined);
  const hasPrevious = data.previous !== undefined;
  const columns: { title: string; width: number; value: (f: FigureRow, i: number) => string; left?: boolean }[] = [
    { title: t('exports.report.col_index'), width: 6, value: (_f, i) => String(i + 1) },
    { title: t('exports.report.col_figure'), width: 40, value: (f) => f.label, left: true },
    { title: t('exports.report.col_measure'), width: 12, value: (f) => f.measure },
    { title: t('exports.report.col_total'), width: 12, value: (f) => n(f.total) },
    ...(hasTargets
      ? [
          { title: t('exports.report.col_target'), width: 10, value: (f: FigureRow) => (f.target === undefined ? '' : n(f.target)) },
          {
            title: t('exports.report.col_percent'),
            width: 10,
            value: (f: FigureRow) => (f.percentOfTarget === undefined ? '' : n(f.percentOfTarget)),
          },
        ]
      : []),
    ...(hasPrevious ? [{ title: t('exports.report.col_previous'), width: 10, value: (f: FigureRow) => n(f.previous ?? 0) }] : []),
  ];
  const cellText = (text: string, bold: boolean, left = false) =>
    para([run(text, { bold, size: BODY })], { alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER, spacing: { after: 0 } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((col) => cell([cellText(col.title, true)], col.width)) }),
      ...figures.map(
        (f, i) =>
          new TableRow({ cantSplit: true, children: columns.map((col) => cell([cellText(col.value(f, i), false, col.left)], col.width)) }),
      ),
    ],
  });
}

function opinionSection(kind: OpinionKind, headingKey: string, said: Opinion[], t: TextFn): Paragraph[] {
  // Text answers of no known section are read as highlights (what the unit chose to tell).
  const items = said.filter((o) => o.kind === kind || (kind === 'highlights' && o.kind === 'other'));
  return [
    heading(t(headingKey)),
    ...(items.length
      ? items.map((o) => body(`- ${t('exports.report.opinion', { text: o.text.replace(/[.;\s]+$/u, ''), unit: o.unitName })}`))
      : [body(t('exports.report.none'))]),
  ];
}

function signatureBlock(data: ReportData, t: TextFn): Table {
  const left = [
    para([run(t('exports.report.recipients'), { bold: true, italics: true, size: SMALL })], { spacing: { after: 0 } }),
    ...['recipient_centre', 'recipient_standing', 'recipient_archive'].map((key) =>
      para([run(t(`exports.report.${key}`), { size: 22 })], { spacing: { after: 0 } }),
    ),
  ];
  const name = data.signer?.name?.trim();
  const right = [
    centered(t('exports.report.on_behalf'), { bold: true, size: BODY }),
    centered(data.signer?.title?.trim().toLocaleUpperCase('vi') || t('exports.report.signer_title'), { bold: true, size: BODY }),
    centered(name ? '' : t('exports.report.signer_blank'), { italics: true, size: BODY }),
    centered(''),
    centered(''),
    centered(name ?? '', { bold: true, size: BODY }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 50, false), cell(right, 50, false)] })],
  });
}
