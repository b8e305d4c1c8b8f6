import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createStores } from '../../src/store/stores.ts';
import { provinceAudience } from '../../src/core/report/province-audience.ts';
import type { Person } from '../../src/core/domain/types.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';

let redis: Redis;
const prefix = uniquePrefix('province-audience');

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

const person = (id: string, role: Person['role'], unitCode: string): Person => ({
  id,
  name: id,
  role,
  unitCode,
  identities: [
    { channel: 'zalo', userId: `z-${id}`, chatId: `z-${id}` },
    { channel: 'telegram', userId: `t-${id}`, chatId: `t-${id}` },
  ],
  createdAt: '2027-01-01T00:00:00.000Z',
});

/** The province's summaries (completeness, missing units, totals) go to the province, not to a district's leaders. */
describe('who receives the province’s summary', () => {
  it('without a bound group: the province’s own leaders only; with one: the group', async () => {
    const stores = createStores(redis, prefix, { plans: [], periods: [], defaultPlanId: 'p' });
    for (const p of [person('tinh', 'leader', 'TINH'), person('huyen', 'leader', 'HD01'), person('canbo', 'officer', 'TINH')]) {
      await stores.people.save(p);
    }
    await stores.settings.setProvinceGroup({ channel: 'telegram', chatId: '-100', kind: 'group' });
    const audience = await provinceAudience(stores, ['zalo', 'telegram'], 'TINH');
    expect(audience).toEqual([
      { channel: 'zalo', chatId: 'z-tinh', kind: 'private' },
      { channel: 'telegram', chatId: '-100', kind: 'group' },
    ]);
  });
});
