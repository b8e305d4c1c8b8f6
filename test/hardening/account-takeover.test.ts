import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';
import { restoreConfiguredAdmins } from '../../src/core/org/configured-admins.ts';
import { PeopleStore } from '../../src/store/people-store.ts';
import { Keys } from '../../src/store/keys.ts';
import type { Person } from '../../src/core/domain/types.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';

/** The code in "… /start CODE" or "🔗 … CODE." printed by the console. */
function lastCode(out: string): string {
  const codes = [...out.matchAll(/\/start ([A-Z0-9]{4,})/g)].map((m) => m[1] ?? '');
  const code = codes.at(-1);
  if (!code) throw new Error(`no code in:\n${out}`);
  return code;
}

describe('link codes and invites never take an account over', () => {
  let chat: ConsoleSession;
  const person = (user: string) => chat.bot.app.stores.people.findByIdentity('console', user);

  beforeAll(async () => {
    chat = await openConsoleSession('hardening-takeover');
    await chat.type('/donvi them HD01 Huyện Đoàn Ninh Hải');
    await chat.type('/donvi them HD02 Huyện Đoàn Ninh Phước');
    await chat.type('/moi HD01');
    await chat.type('/as an');
    await chat.type('/join');
  }, 60_000);

  afterAll(async () => {
    await chat?.close();
  });

  it("refuses an officer's /lienket code tapped by an admin: the admin stays admin, the officer keeps their account", async () => {
    await chat.type('/as an');
    chat.clear();
    await chat.type('/lienket');
    const code = lastCode(chat.output());
    const [adminBefore, anBefore] = [await person('admin'), await person('an')];

    await chat.type('/as admin');
    chat.clear();
    await chat.type(`/start ${code}`);
    const out = chat.output();
    expect(out).toContain(
      text('invite.link_taken', {
        channel: text('channels.console'),
        name: adminBefore?.name ?? '',
        unit: 'TINH',
        role: text('roles.admin'),
        owner: anBefore?.name ?? '',
      }),
    );
    expect(await person('admin')).toEqual(adminBefore);
    expect(await person('an')).toEqual(anBefore);
    // Refused, so not used up.
    expect(await chat.bot.app.stores.invites.peek(code)).not.toBeNull();
  });

  it('refuses a link code on a channel where its owner already has an account (a stranger holding the code)', async () => {
    await chat.type('/as an');
    chat.clear();
    await chat.type('/lienket');
    const code = lastCode(chat.output());
    await chat.type('/as stranger');
    chat.clear();
    await chat.type(`/start ${code}`);
    expect(chat.output()).toContain(
      text('invite.link_channel_taken', { channel: text('channels.console'), name: (await person('an'))?.name ?? '' }),
    );
    expect(await person('stranger')).toBeNull();
    expect((await person('an'))?.identities.map((i) => i.userId)).toEqual(['an']);
  });

  it('asks a member before an invite changes their unit or role, and changes it only on "dongy"', async () => {
    await chat.type('/as admin');
    chat.clear();
    await chat.type('/moi HD02 lanhdao');
    const code = lastCode(chat.output());
    await chat.type('/as an');
    chat.clear();
    await chat.type(`/start ${code}`);
    expect(chat.output()).toContain(
      text('invite.confirm_change', {
        name: (await person('an'))?.name ?? '',
        fromRole: text('roles.officer'),
        fromUnit: 'Huyện Đoàn Ninh Hải',
        toRole: text('roles.leader'),
        toUnit: 'Huyện Đoàn Ninh Phước',
        code,
      }).split('\n')[0],
    );
    expect(await person('an')).toMatchObject({ unitCode: 'HD01', role: 'officer' });

    chat.clear();
    await chat.type(`/start ${code} dongy`);
    expect(await person('an')).toMatchObject({ unitCode: 'HD02', role: 'leader' });
    expect(await chat.bot.app.stores.invites.peek(code)).toBeNull();
  });

  it('does not demote an admin who opens an officer invite without confirming', async () => {
    await chat.type('/as admin');
    chat.clear();
    await chat.type('/moi HD01');
    const code = lastCode(chat.output());
    chat.clear();
    await chat.type(`/start ${code}`);
    expect(await person('admin')).toMatchObject({ role: 'admin', unitCode: 'TINH' });
  });
});

describe('configured admins', () => {
  it('are admins of the province again after a start, whatever happened in chat', async () => {
    const first = await openConsoleSession('hardening-admins', { keepData: true });
    await first.type('/donvi them HD01 Huyện Đoàn Ninh Hải');
    await first.type('/moi HD01');
    first.clear();
    await first.type('/moi HD01');
    const code = lastCode(first.output());
    await first.type(`/start ${code} dongy`);
    expect(await first.bot.app.stores.people.findByIdentity('console', 'admin')).toMatchObject({ role: 'officer', unitCode: 'HD01' });
    await first.close();

    const again = await openConsoleSession('hardening-admins', { prefix: first.prefix });
    try {
      expect(await again.bot.app.stores.people.findByIdentity('console', 'admin')).toMatchObject({ role: 'admin', unitCode: 'TINH' });
    } finally {
      await again.close();
    }
  }, 60_000);

  it("split an admin's account off a person it was merged into, leaving that person's role alone", async () => {
    const redis = connectTestRedis();
    const prefix = uniquePrefix('hardening-admins-split');
    const people = new PeopleStore(redis, new Keys(prefix));
    const officer: Person = {
      id: 'p1',
      name: 'Cán bộ A',
      role: 'officer',
      unitCode: 'HD01',
      identities: [
        { channel: 'zalo', userId: 'z-officer', chatId: 'z-officer' },
        { channel: 'telegram', userId: '42', chatId: '42' },
      ],
      createdAt: new Date(0).toISOString(),
    };
    try {
      await people.save(officer);
      const restored = await restoreConfiguredAdmins(people, { telegram: ['42'] }, 'TINH', new Date());
      expect(restored).toHaveLength(1);
      expect(await people.findByIdentity('telegram', '42')).toMatchObject({ role: 'admin', unitCode: 'TINH' });
      expect(await people.findByIdentity('zalo', 'z-officer')).toMatchObject({ id: 'p1', role: 'officer', unitCode: 'HD01' });
      expect((await people.get('p1'))?.identities.map((i) => i.channel)).toEqual(['zalo']);
      // Nothing to do the second time.
      expect(await restoreConfiguredAdmins(people, { telegram: ['42'] }, 'TINH', new Date())).toEqual([]);
    } finally {
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    }
  });
});
