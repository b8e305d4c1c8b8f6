import type { DeliveryError } from '../core/delivery-errors.ts';

/**
 * How one message ended. `attempts` counts every call to the adapter, 429s included.
 * `permanent` is true when trying again cannot help (the person blocked the bot, the chat is gone,
 * no adapter for the channel); otherwise the outbound path gave up after its retries or was closed.
 */
export type DeliveryResult =
  { status: 'sent'; attempts: number } | { status: 'failed'; attempts: number; error: DeliveryError | Error; permanent: boolean };
