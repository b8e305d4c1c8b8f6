import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { exportCsv } from '../report/export-csv.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { loadReportData } from '../exports/load-report-data.ts';
import type { ReportData } from '../exports/report-data.ts';
import { statusFromArgs } from './status.ts';
import { formOf } from '../plans/plan-of.ts';
import { titleIn } from '../text/dates.ts';

const LEADERS = ['leader', 'admin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Builds a file from the period's data; tells the leader politely when it could not be made. */
async function buildOrApologize(ctx: BotContext, data: ReportData, build: () => Promise<Buffer>): Promise<Buffer | null> {
  try {
    return await build();
  } catch (error) {
    ctx.services.logger.error({ err: error, period: data.period.id }, 'export could not be built');
    await ctx.replyText('exports.errors.build_failed');
    return null;
  }
}

/** `/xuat [kỳ]`: the period workbook (.xlsx); `/xuat [kỳ] csv`: the CSV file as before. */
export const exportCommand: Command = {
  names: ['xuat', 'export'],
  words: ['xuất', 'xuat file'],
  access: LEADERS,
  descriptionKey: 'commands.export',
  menu: true,
  async run(ctx, args) {
    const words = args.split(/\s+/).filter(Boolean);
    const csv = words.some((w) => fold(w) === 'csv');
    const status = await statusFromArgs(ctx, words.filter((w) => fold(w) !== 'csv').join(' '), {
      command: 'xuat',
      keep: csv ? 'csv' : '',
    });
    if (!status) return;
    const { timezone } = ctx.services;
    const period = status.period;
    const form = await formOf(ctx.services, period);
    if (csv) {
      return ctx.reply({
        type: 'file',
        fileName: `doanbot-${period.id}.csv`,
        mimeType: 'text/csv',
        content: exportCsv(status, form, ctx.t, timezone),
        caption: ctx.t('export.caption', { period: period.id, reported: status.reported.length, total: status.units.length }),
      });
    }
    const data = await loadReportData(ctx.services, status, ctx.lang);
    const content = await buildOrApologize(ctx, data, () => ctx.services.exports.renderers.workbook(data, ctx.t));
    if (!content) return;
    await ctx.reply({
      type: 'file',
      fileName: `doanbot-${period.id}.xlsx`,
      mimeType: XLSX,
      content,
      caption: ctx.t('exports.caption.workbook', {
        period: titleIn(period.title, ctx.lang),
        reported: status.reported.length,
        total: status.units.length,
      }),
    });
  },
};

/** `/baocaotinh [kỳ]`: the draft of the province's report for the period (.docx). */
export const provinceReportCommand: Command = {
  names: ['baocaotinh', 'provincereport'],
  words: ['báo cáo tỉnh', 'bao cao tinh'],
  access: LEADERS,
  descriptionKey: 'exports.commands.province_report',
  menu: true,
  async run(ctx, args) {
    const status = await statusFromArgs(ctx, args, { command: 'baocaotinh' });
    if (!status) return;
    const data = await loadReportData(ctx.services, status, ctx.lang);
    const content = await buildOrApologize(ctx, data, () => ctx.services.exports.renderers.provinceReport(data, ctx.t));
    if (!content) return;
    await ctx.reply({
      type: 'file',
      fileName: `bao-cao-${status.period.id}.docx`,
      mimeType: DOCX,
      content,
      caption: ctx.t('exports.caption.report', { period: titleIn(status.period.title, ctx.lang) }),
    });
  },
};
