import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, type ConsoleSession } from '../e2e/console-session.ts';
import { addTwoDistricts, joinAs, reportAnswers, typeAs } from './tree-console.ts';

const PERIOD = '6thang-2027';
const REPORT = reportAnswers();

/**
 * /lich for the province counts the units that report (the leaves of the tree), from the roll-ups:
 * TINH → HD01 → XA01, XA02; TINH → HD02 → XA03 (HD01 and HD02 gather, they do not report).
 */
describe('/lich for the province in a tree', () => {
  let chat: ConsoleSession;
  const as = (who: string, ...lines: string[]): Promise<string> => typeAs(chat, who, ...lines);

  beforeAll(async () => {
    chat = await openConsoleSession('tree-province-lich');
    await addTwoDistricts(chat);
    await joinAs(chat, 'XA01', 'canbo', 'an');
  }, 90_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('says how many reporting units have reported, before and after a commune reports', async () => {
    const line = (out: string) => out.split('\n').find((l) => l.includes(`(${PERIOD})`)) ?? '';
    expect(line(await as('admin', '/lich'))).toMatch(/: 0\/3 đơn vị đã báo cáo$/);
    await as('an', `/baocao ${PERIOD}`);
    for (const answer of REPORT) await chat.type(answer);
    expect(line(await as('admin', '/lich'))).toMatch(/: 1\/3 đơn vị đã báo cáo$/);
  }, 90_000);
});
