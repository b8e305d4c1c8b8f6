import type { InboundDocument } from '../messages.ts';
import type { BotContext } from './bot-context.ts';
import { importUnits } from '../commands/units.ts';
import { offerPlanImport } from '../report/plan-import.ts';
import { offerFormUpload } from '../forms/form-upload.ts';

const UNIT_LIST = /\.(csv|ya?ml)$/i;
const PLAN_DOCUMENT = /\.(txt|md|docx|pdf)$/i;
const FORM_WORKBOOK = /\.xlsx$/i;
const MAX_BYTES = 10 * 1024 * 1024;

/** A file sent to the bot: a unit list from an admin, a plan document or a report form (.xlsx) from a leader. */
export async function handleDocument(ctx: BotContext, doc: InboundDocument): Promise<void> {
  if (ctx.isGroup) return;
  const role = ctx.person?.role;
  const isUnitList = UNIT_LIST.test(doc.fileName);
  const isPlan = PLAN_DOCUMENT.test(doc.fileName);
  const isForm = FORM_WORKBOOK.test(doc.fileName);
  if (isForm && role !== 'admin' && role !== 'leader') return ctx.replyText('forms.upload.only_admins');
  if (!isUnitList && !isPlan && !isForm) return ctx.replyText('documents.unknown_type', { name: doc.fileName });
  if (isUnitList && role !== 'admin') return ctx.replyText('core.errors.admin_only', { command: 'donvi nhap' });
  if (isPlan && role !== 'admin' && role !== 'leader') return ctx.replyText('core.errors.not_allowed', { command: 'import' });

  let content: Buffer;
  try {
    content = await doc.download();
  } catch (error) {
    ctx.services.logger.warn({ err: error, file: doc.fileName }, 'document download failed');
    return ctx.replyText('documents.download_failed');
  }
  if (content.length > MAX_BYTES) return ctx.replyText('documents.too_large');
  if (isUnitList) return importUnits(ctx, content.toString('utf8'), doc.fileName);
  // A workbook without a "survey" sheet, from an admin, is a unit list (code, name, parent).
  const unitRows = isForm && role === 'admin' ? await ctx.services.unitWorkbook?.(content) : null;
  if (unitRows) return importUnits(ctx, unitRows, 'units.csv');
  if (isForm) return offerFormUpload(ctx, content, doc.fileName);
  return offerPlanImport(ctx, content, doc.fileName);
}
