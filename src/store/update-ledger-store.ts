import type { Redis } from 'ioredis';
import type { Claim, ClaimRequest, Completion, UpdateLedger } from '../core/bot/update-ledger.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { personSchema } from './schemas.ts';
import { SESSION_TTL_SECONDS } from './session-store.ts';

const DONE_TTL_SECONDS = 60 * 60 * 24 * 2;

// KEYS: done, lease, inflight, waiting (zset: arrival order), waiting-alive (hash: until when each
// waiter keeps its place), arrivals counter, identity, langs, session, inbound counter.
// ARGV: owner, leaseMs, updateKey, message, person key prefix, langs field, waitingMs, inbound window (s).
// The person's key is built here from the identity read first: doanbot runs on one Redis, not a cluster.
const CLAIM_SCRIPT = `
local waiting, alive = KEYS[4], KEYS[5]
local function leaveLine() redis.call('ZREM', waiting, ARGV[3]) redis.call('HDEL', alive, ARGV[3]) end
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local head = redis.call('ZRANGE', waiting, 0, 0)[1]
if redis.call('EXISTS', KEYS[1]) == 1 then
  if head then leaveLine() end
  return {'duplicate'}
end
if head then
  local ms = now()
  while head and tonumber(redis.call('HGET', alive, head) or '0') < ms do
    redis.call('ZREM', waiting, head) redis.call('HDEL', alive, head)
    head = redis.call('ZRANGE', waiting, 0, 0)[1]
  end
end
local holder = redis.call('GET', KEYS[2])
if holder ~= ARGV[1] and (holder or (head and head ~= ARGV[3])) then
  if not redis.call('ZSCORE', waiting, ARGV[3]) then redis.call('ZADD', waiting, redis.call('INCR', KEYS[6]), ARGV[3]) end
  redis.call('HSET', alive, ARGV[3], now() + tonumber(ARGV[7]))
  redis.call('PEXPIRE', waiting, 86400000) redis.call('PEXPIRE', alive, 86400000)
  return {'busy'}
end
if head then leaveLine() end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
local left = redis.call('HGET', KEYS[3], 'key')
if left and left ~= ARGV[3] then return {'recover', left, redis.call('HGET', KEYS[3], 'message') or 'null'} end
redis.call('HSET', KEYS[3], 'key', ARGV[3], 'message', ARGV[4])
local id = redis.call('GET', KEYS[7])
local person = id and redis.call('GET', ARGV[5] .. id)
local counted = -1
if tonumber(ARGV[8]) > 0 then
  counted = redis.call('INCR', KEYS[10])
  if counted == 1 then redis.call('EXPIRE', KEYS[10], ARGV[8]) end
end
return {'claimed', person or '', redis.call('HGET', KEYS[8], ARGV[6]) or '', redis.call('GET', KEYS[9]) or '', counted}
`;

// KEYS: done, lease, inflight, session. ARGV: owner, updateKey, session op, session JSON, session
// TTL, mark done, keep claim, done TTL.
const COMPLETE_SCRIPT = `
if ARGV[3] == 'set' then redis.call('SET', KEYS[4], ARGV[4], 'EX', ARGV[5])
elseif ARGV[3] == 'clear' then redis.call('DEL', KEYS[4]) end
if ARGV[6] == '1' then redis.call('SET', KEYS[1], '1', 'EX', ARGV[8]) end
if redis.call('HGET', KEYS[3], 'key') == ARGV[2] then redis.call('DEL', KEYS[3]) end
if ARGV[7] ~= '1' and redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`;

const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

type Script = (...args: (string | number)[]) => Promise<unknown>;

/**
 * The {@link UpdateLedger} on Redis: one Lua script to claim (reading the sender too), one to complete.
 * The scripts are sent by their SHA (EVALSHA, ioredis `defineCommand`), not as text with every update.
 */
export class UpdateLedgerStore implements UpdateLedger {
  private readonly claimScript: Script;
  private readonly completeScript: Script;
  private readonly renewScript: Script;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    redis.defineCommand('doanbotClaimUpdate', { numberOfKeys: 10, lua: CLAIM_SCRIPT });
    redis.defineCommand('doanbotCompleteUpdate', { numberOfKeys: 4, lua: COMPLETE_SCRIPT });
    redis.defineCommand('doanbotRenewClaim', { numberOfKeys: 1, lua: RENEW_SCRIPT });
    const commands = redis as unknown as Record<string, Script>;
    this.claimScript = commands.doanbotClaimUpdate!.bind(redis);
    this.completeScript = commands.doanbotCompleteUpdate!.bind(redis);
    this.renewScript = commands.doanbotRenewClaim!.bind(redis);
  }

  async claim(r: ClaimRequest): Promise<Claim> {
    const k = this.keys;
    const person = `${r.channel}:${r.userId}`;
    const reply = (await this.claimScript(
      k.seen(r.updateKey),
      k.personLease(person),
      k.inflight(person),
      k.waiting(person),
      k.waitingAlive(person),
      k.arrivals(),
      k.identity(r.channel, r.userId),
      k.langs(),
      k.session(r.channel, r.userId),
      k.inboundCount(person),
      r.owner,
      r.leaseMs,
      r.updateKey,
      r.message,
      k.person(''),
      person,
      r.waitingMs,
      r.inboundWindowSeconds ?? 0,
    )) as (string | number)[];
    switch (reply[0]) {
      case 'duplicate':
      case 'busy':
        return { kind: reply[0] };
      case 'recover':
        return { kind: 'recover', updateKey: String(reply[1] ?? ''), message: String(reply[2] ?? 'null') };
      default: {
        const lang = reply[2];
        const counted = Number(reply[4] ?? -1);
        return {
          kind: 'claimed',
          sender: {
            person: parseStored(String(reply[1] ?? '') || null, personSchema),
            lang: lang === 'vi' || lang === 'en' ? lang : null,
            session: String(reply[3] ?? '') || null,
            inboundCount: counted >= 0 ? counted : null,
          },
        };
      }
    }
  }

  async renew(channel: string, userId: string, owner: string, leaseMs: number): Promise<boolean> {
    return (await this.renewScript(this.keys.personLease(`${channel}:${userId}`), owner, leaseMs)) === 1;
  }

  async complete(c: Completion): Promise<void> {
    const person = `${c.channel}:${c.userId}`;
    await this.completeScript(
      this.keys.seen(c.updateKey),
      this.keys.personLease(person),
      this.keys.inflight(person),
      this.keys.session(c.channel, c.userId),
      c.owner,
      c.updateKey,
      c.session?.op ?? 'keep',
      c.session?.op === 'set' ? c.session.json : '',
      SESSION_TTL_SECONDS,
      c.markDone ? '1' : '0',
      c.keepClaim ? '1' : '0',
      DONE_TTL_SECONDS,
    );
  }
}
