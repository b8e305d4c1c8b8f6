import { describe, expect, it } from 'vitest';
import { startForm, step, type AnswerHistory, type FormState } from '../../src/flow/form-engine.ts';
import { unlikely } from '../../src/flow/history-check.ts';
import { testForm, testTranslator, textFn } from '../flow/fixtures.ts';

const translator = testTranslator();
const form = testForm(translator);
const t = textFn(translator);
const say = (state: FormState, text: string, history?: AnswerHistory) => step(form, state, { kind: 'text', text }, t, history);
const textOf = (messages: { type: string; text?: string }[]) => messages.map((m) => m.text ?? '').join('\n');

describe('figures checked against history (pure: the history comes in as data)', () => {
  it('flags more than 5× or less than a fifth of the previous figure, else the other units’ range', () => {
    expect(unlikely('q', 12000, { previous: { q: 1200 } })).toEqual({ kind: 'previous', previous: 1200 });
    expect(unlikely('q', 200, { previous: { q: 1200 } })).toEqual({ kind: 'previous', previous: 1200 });
    expect(unlikely('q', 6000, { previous: { q: 1200 } })).toBeNull();
    expect(unlikely('q', 240, { previous: { q: 1200 } })).toBeNull();
    expect(unlikely('q', 900, { others: { q: { min: 10, max: 150, count: 5 } } })).toEqual({ kind: 'others', min: 10, max: 150 });
    expect(unlikely('q', 1, { others: { q: { min: 10, max: 150, count: 5 } } })).toEqual({ kind: 'others', min: 10, max: 150 });
    expect(unlikely('q', 900, { others: { q: { min: 10, max: 150, count: 2 } } })).toBeNull();
    expect(unlikely('q', 900, {})).toBeNull();
    expect(unlikely('q', 5, { previous: { q: 0 } })).toBeNull();
  });

  it('asks "Kỳ trước đơn vị báo 12; bạn nhập 80 — đúng không?"; "Có" keeps it, "Sửa" asks again, losing nothing', () => {
    const history: AnswerHistory = { previous: { sessions: 12 } };
    const start = startForm(form);
    const asked = say(start, '80', history);
    expect(textOf(asked.messages)).toContain(t('history.confirm_previous', { previous: '12', value: '80' }));
    expect(asked.messages[0]).toMatchObject({ type: 'choices', choices: [{ label: 'Có' }, { label: 'Sửa' }] });
    expect(asked.state.answers.sessions).toBeUndefined();

    const kept = say(asked.state, 'có', history);
    expect(kept.state.answers.sessions).toBe(80);
    expect(kept.state.current).toBe('participants');

    const again = say(asked.state, 'sửa', history);
    expect(again.state.answers.sessions).toBeUndefined();
    expect(again.state.current).toBe('sessions');
    expect(again.state.confirm).toBeUndefined();
    const corrected = say(again.state, '13', history);
    expect(corrected.state.answers.sessions).toBe(13);

    // A new figure typed instead of an answer is checked like any answer.
    expect(say(asked.state, '14', history).state.answers.sessions).toBe(14);
    // Numbered lines where there are no buttons.
    expect(say(asked.state, '1', history).state.answers.sessions).toBe(80);
    // Without history nothing is asked.
    expect(say(start, '80').state.answers.sessions).toBe(80);
  });
});
