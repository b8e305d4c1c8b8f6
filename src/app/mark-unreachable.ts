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
  // A private chat's id is its user's id on every channel; the full scan is only a fallback.
  const owns = (p: { identities: { channel: string; chatId: string }[] }) =>
    p.identities.some((i) => i.channel === to.channel && i.chatId === to.chatId);
  const direct = await stores.people.findByIdentity(to.channel, to.chatId);
  const person = direct && owns(direct) ? direct : (await stores.people.list()).find(owns);
  if (!person) return;
  await stores.people.save({ ...person, unreachable: { channel: to.channel, reason: error.reason, at: new Date().toISOString() } }, person);
  logger.warn({ personId: person.id, channel: to.channel, reason: error.reason }, 'person marked unreachable');
}
