import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, text, type ConsoleSession } from './console-session.ts';

describe('a person who chose English in the terminal', () => {
  let chat: ConsoleSession;
  beforeAll(async () => {
    chat = await openConsoleSession('e2e-lang');
    await chat.type('/donvi them HD01 Huyện Đoàn Ninh Hải');
    await chat.type('/moi HD01');
    await chat.type('/as an');
    await chat.type('/join');
  }, 60_000);
  afterAll(async () => {
    await chat?.close();
  });

  it('gets the choice list, and the console’s own hint under it, in English', async () => {
    await chat.type('/lang en');
    chat.clear();
    await chat.type('/report');
    const out = chat.output();
    expect(out).toContain(text('report.pick_period', {}, 'en'));
    expect(out).toContain(text('console.choices.hint', {}, 'en'));
    expect(out).not.toContain(text('console.choices.hint', {}, 'vi'));
  });

  it('while someone who kept Vietnamese still gets it in Vietnamese', async () => {
    await chat.type('/as admin');
    await chat.type('/moi HD01');
    await chat.type('/as binh');
    await chat.type('/join');
    chat.clear();
    await chat.type('/baocao');
    expect(chat.output()).toContain(text('console.choices.hint', {}, 'vi'));
  });
});
