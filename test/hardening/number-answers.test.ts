import { describe, expect, it } from 'vitest';
import { startForm, step, type FormState } from '../../src/flow/form-engine.ts';
import type { AnswerValue } from '../../src/flow/form-spec.ts';
import { rawTestForm, testForm, testTranslator, textFn } from '../flow/fixtures.ts';
import { parseFormSpec } from '../../src/flow/form-spec.ts';

const translator = testTranslator();
const t = textFn(translator);
const spec = testForm(translator);

/** Answers that lead to each question of the test form, so that it is the one being asked. */
const LEAD_TO: Record<string, Record<string, AnswerValue>> = {
  sessions: {},
  participants: { sessions: 12 },
  region: { sessions: 12, participants: 30 },
  partners: { sessions: 12, participants: 30, region: 'other' },
  officer: { sessions: 12, participants: 30, region: 'other', partners: ['a'] },
  money: { sessions: 12, participants: 30, region: 'other', partners: ['a'], officer: true },
  notes: { sessions: 12, participants: 30, region: 'other', partners: ['a'], officer: true, money: 1 },
};

function askedAt(id: string): FormState {
  const state = startForm(spec, LEAD_TO[id]);
  expect(state.current).toBe(id);
  return state;
}

const textOf = (messages: { type: string; text?: string }[]): string => messages.map((m) => m.text ?? '').join('\n');

describe('a number answer with words after it', () => {
  it.each(['không rõ', 'không biết', 'khong ro', 'một ít', 'năm ngoái', 'ba tháng trước', 'hơn 10', '5 buổi trong năm'])(
    '%j is refused with the reason and the same question, losing nothing',
    (answer) => {
      const before = askedAt('participants');
      const after = step(spec, before, { kind: 'text', text: answer }, t);
      expect(after.state).toEqual(before);
      const said = textOf(after.messages);
      expect(said).toContain(`«${answer}»`);
      // The same question, with the same counter (2 of 7: nothing skipped).
      expect(said).toContain(t('form.engine.progress', { index: 2, total: 7 }));
      expect(said).toContain(t('formtest.participants'));
    },
  );

  it.each<[string, string, number]>([
    ['không alone is 0', 'không', 0],
    ['the question unit', '12 buổi', 12],
    ['an estimate', 'khoảng 30', 30],
    ['a known unit', '30 người', 30],
  ])('accepts %s: %j', (_name, answer, value) => {
    const after = step(spec, askedAt('sessions'), { kind: 'text', text: answer }, t);
    expect(after.state.answers.sessions).toBe(value);
  });

  it('reads "1,5 triệu" as 1.5 on a question counted in million VND', () => {
    for (const answer of ['1,5 triệu', '1,5 triệu đồng', '1,5']) {
      const after = step(spec, askedAt('money'), { kind: 'text', text: answer }, t);
      expect(after.state.answers.money).toBe(1.5);
    }
  });
});

describe('answers and button ids that name Object.prototype members', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  const asked = ['sessions', 'participants', 'region', 'partners', 'officer', 'money'];

  it.each(asked.flatMap((id) => NAMES.map((name) => [id, name] as const)))('question %s refuses %j typed or pressed', (id, name) => {
    for (const input of [
      { kind: 'text', text: name },
      { kind: 'choice', id: name },
      { kind: 'choice', id: `opt:${name}` },
    ] as const) {
      const before = askedAt(id);
      const after = step(spec, before, input, t);
      expect(after.state.answers).toEqual(before.answers);
      expect(after.state.current).toBe(id);
      expect(after.outcome).toBe('continue');
    }
  });

  it('takes such a word as it is in a text answer', () => {
    const after = step(spec, askedAt('notes'), { kind: 'text', text: 'constructor' }, t);
    expect(after.state.answers.notes).toBe('constructor');
  });
});

describe('form files', () => {
  it('refuse a question or option id that every object already has ("constructor")', () => {
    const form = rawTestForm();
    (form.questions as { id: string }[])[0]!.id = 'constructor';
    expect(() => parseFormSpec(form, 'flows/x/form.yaml', (key) => translator.has(key))).toThrow(/"constructor" is a reserved name/);
  });
});
