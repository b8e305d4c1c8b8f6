import type { InboundDocument } from '../messages.ts';
import type { BotContext } from './bot-context.ts';
import { importUnits } from '../commands/units.ts';
import { offerPlanImport } from '../report/plan-import.ts';

const UNIT_LIST = /\.(csv|ya?ml)$/i;
const PLAN_DOCUMENT = /\.(txt|md|docx|pdf)$/i;
const MAX_BYTES = 10 * 1024 * 1024;

/** A file sent to the bot: a unit list from an admin, or a plan document from a leader. */
export async function handleDocument(ctx: BotContext, doc: InboundDocument): Promise<void> {
  if (ctx.isGroup) return;
  const role = ctx.person?.role;
  const isUnitList = UNIT_LIST.test(doc.fileName);
  const isPlan = PLAN_DOCUMENT.test(doc.fileName);
  if (!isUnitList && !isPlan) return ctx.replyText('documents.unknown_type', { name: doc.fileName });
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
  return offerPlanImport(ctx, content, doc.fileName);
}
