import { randomBytes } from 'node:crypto';

/** An unguessable invite code: 12 characters, letters and digits only (fits Telegram's start parameter). */
export function newInviteCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function newPersonId(): string {
  return `p${randomBytes(4).toString('hex')}`;
}
