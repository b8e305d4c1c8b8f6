import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';
import { IdentityJsonStore } from './identity-json-store.ts';

/** Offered choices are answered within this time; later a number is ordinary text again. */
const OFFER_TTL_SECONDS = 24 * 3600;

/**
 * The last choices offered to one identity outside a conversation (units to open under /tinhhinh,
 * accept / return under a report notification), so that "3" typed on Zalo or in the terminal means
 * the third of them. Opaque JSON; the core validates what it reads.
 */
export class OfferStore extends IdentityJsonStore {
  constructor(redis: Redis, keys: Keys) {
    super(redis, (channel, userId) => keys.offered(channel, userId), OFFER_TTL_SECONDS);
  }
}
