import type { InlineKeyboardMarkup } from 'telegraf/types';
import { PermanentDeliveryError } from '../../core/delivery-errors.ts';
import type { Choice } from '../../core/messages.ts';

/** Telegram's limit for callback_data, in bytes of UTF-8. */
export const CALLBACK_DATA_LIMIT_BYTES = 64;

/**
 * Lays choices out as inline buttons, `columns` per row (default 1). The choice id travels as
 * callback_data and comes back as the inbound choice, so it must be 1–64 bytes of UTF-8;
 * a longer id is a programming error and fails as a permanent 'invalid' delivery.
 */
export function toInlineKeyboard(choices: readonly Choice[], columns = 1): InlineKeyboardMarkup {
  const perRow = Math.max(1, Math.floor(columns));
  const buttons = choices.map((choice) => {
    const bytes = Buffer.byteLength(choice.id, 'utf8');
    if (bytes === 0 || bytes > CALLBACK_DATA_LIMIT_BYTES) {
      throw new PermanentDeliveryError(
        `Choice id "${choice.id}" is ${bytes} bytes; Telegram callback data must be 1-${CALLBACK_DATA_LIMIT_BYTES} bytes`,
        undefined,
        'invalid',
      );
    }
    return { text: choice.label, callback_data: choice.id };
  });
  const rows: (typeof buttons)[] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}
