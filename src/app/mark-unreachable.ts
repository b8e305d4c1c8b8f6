import type { Logger } from 'pino';
import type { PermanentDeliveryError } from '../core/delivery-errors.ts';
import type { ChatRef } from '../core/messages.ts';
import type { Stores } from '../store/stores.ts';

/**
 * The platform said a private chat cannot be reached (blocked, gone): mark the person, so that
 * leaders see it in /tinhhinh and /nguoi.
 */
export async function markUnreachable(stores: Stores, to: ChatRef, error: PermanentDeliveryError, logger: Logger): Promise<void> {
  if (to.kind !== 'private' || (error.reason !== 'blocked' && error.reason !== 'not_found')) return;
  const people = await stores.people.list();
  const person = people.find((p) => p.identities.some((i) => i.channel === to.channel && i.chatId === to.chatId));
  if (!person) return;
  await stores.people.save({ ...person, unreachable: { channel: to.channel, reason: error.reason, at: new Date().toISOString() } }, person);
  logger.warn({ personId: person.id, channel: to.channel, reason: error.reason }, 'person marked unreachable');
}
