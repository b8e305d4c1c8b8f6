import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/flow/condition.ts';
import { compileExpression } from '../../src/flow/expression/compile-expression.ts';
import { printExpression } from '../../src/flow/expression/print-expression.ts';
import { parseFormSpec, type AnswerValue, type QuestionKind } from '../../src/flow/form-spec.ts';
import { startForm, step, type FormState } from '../../src/flow/form-engine.ts';
import { testTranslator, textFn } from './fixtures.ts';

const KINDS: Record<string, QuestionKind> = {
  sessions: 'integer',
  participants: 'integer',
  money: 'decimal',
  region: 'single_choice',
  countries: 'multi_choice',
  officer: 'yes_no',
  notes: 'text',
};
const kindOf = (name: string) => (Object.hasOwn(KINDS, name) ? KINDS[name] : undefined);
const compile = (expression: string, allowSelf = true) => compileExpression(expression, { kindOf, allowSelf });

function truth(expression: string, answers: Record<string, AnswerValue>, self?: AnswerValue) {
  const result = compile(expression);
  if (!result.ok) throw new Error(`${expression}: ${result.error.code}`);
  return evaluateCondition(result.condition, answers, self);
}

describe('XLSForm expressions (jsep) → conditions', () => {
  it.each<[string, Record<string, AnswerValue>, AnswerValue | undefined, boolean | 'unknown']>([
    ['${sessions} > 0', { sessions: 2 }, undefined, true],
    ['${sessions} > 0', { sessions: 0 }, undefined, false],
    ['${sessions} > 0', {}, undefined, 'unknown'],
    ['${sessions} > 0', { sessions: null }, undefined, false],
    ['0 < ${sessions}', { sessions: 1 }, undefined, true],
    ['. >= ${sessions}', { sessions: 12 }, 40, true],
    ['. >= ${sessions}', { sessions: 12 }, 5, false],
    ['. <= ${sessions} * 100', { sessions: 2 }, 250, false],
    ['. >= ${sessions} + ${participants}', { sessions: 2, participants: 3 }, 5, true],
    ['${sessions} mod 2 = 0 and ${sessions} div 2 = 2', { sessions: 4 }, undefined, true],
    ['${sessions} > 0 and ${money} >= 1.5', { sessions: 1, money: 1 }, undefined, false],
    ['${sessions} > 0 or ${money} >= 1.5', { sessions: 0, money: 2 }, undefined, true],
    ['not(${sessions} = 0)', { sessions: 3 }, undefined, true],
    ["selected(${countries}, 'laos')", { countries: ['laos', 'cambodia'] }, undefined, true],
    ["selected(${countries}, 'laos')", { countries: ['cambodia'] }, undefined, false],
    ["selected(${region}, 'laos')", { region: 'laos' }, undefined, true],
    ["${region} = 'laos'", { region: 'other' }, undefined, false],
    ["${region} != 'laos'", { region: 'other' }, undefined, true],
    ['count-selected(${countries}) >= 2', { countries: ['laos', 'cambodia'] }, undefined, true],
    ['count-selected(.) <= 1', {}, ['laos', 'cambodia'], false],
    ["${officer} = 'yes'", { officer: true }, undefined, true],
    ["selected(${officer}, 'no')", { officer: true }, undefined, false],
    ["${notes} != ''", { notes: 'x' }, undefined, true],
    ['(${sessions} > 0 or ${money} > 0) and not(${officer} = "no")', { sessions: 0, money: 3, officer: true }, undefined, true],
  ])('%s with %j (. = %j) is %s', (expression, answers, self, expected) => {
    expect(truth(expression, answers, self)).toBe(expected);
  });

  it.each<[string, string, Record<string, string | number>]>([
    ['${sessions} >', 'syntax', {}],
    ['${so_doan_vien} > 0', 'unknown_field', { name: 'so_doan_vien' }],
    ['today() > 0', 'unknown_function', { name: 'today' }],
    ['${sessions}', 'not_condition', {}],
    ['${sessions} + 1', 'not_condition', {}],
    ['selected(${countries})', 'arguments', { name: 'selected', count: 2 }],
    ['(${sessions} > 1) + 2 > 0', 'not_value', {}],
    ['${sessions} > 0 ? 1 : 2', 'not_condition', {}],
  ])('refuses %s (%s)', (expression, code, params) => {
    const result = compile(expression);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.params).toMatchObject(params);
    }
  });

  it('refuses "." in a relevant expression', () => {
    const result = compile('. > 0', false);
    expect(!result.ok && result.error.code).toBe('self_not_allowed');
  });

  it.each([
    '${sessions} > 0',
    '. >= ${sessions}',
    "selected(${countries}, 'laos') and not(${region} = 'other')",
    "${officer} = 'yes' or count-selected(${countries}) >= 2",
    '. <= (${sessions} + ${participants}) * 2',
  ])('prints %s back to an expression that reads the same', (expression) => {
    const first = compile(expression);
    if (!first.ok) throw new Error(first.error.code);
    const again = compile(printExpression(first.condition, kindOf));
    expect(again).toEqual(first);
  });
});

describe('cross-field rules in a YAML form (participants ≥ sessions)', () => {
  const translator = testTranslator();
  translator.add('vi', 'xf', {
    title: 'Thử',
    sessions: 'Số buổi?',
    participants: 'Số người?',
    clubs: 'Số CLB?',
    members: 'Số hội viên?',
    msg: 'Số hội viên không thể ít hơn số câu lạc bộ.',
  });
  const t = textFn(translator);
  const spec = parseFormSpec(
    {
      id: 'xf',
      revision: 1,
      title: 'xf.title',
      questions: [
        { id: 'sessions', type: 'integer', prompt: 'xf.sessions', label: 'xf.sessions', min: 0 },
        { id: 'participants', type: 'integer', prompt: 'xf.participants', min: 0, when: '${sessions} > 0', constraint: '. >= ${sessions}' },
        { id: 'clubs', type: 'integer', prompt: 'xf.clubs', min: 0 },
        {
          id: 'members',
          type: 'integer',
          prompt: 'xf.members',
          constraint: { compare: { left: { self: true }, op: 'gte', right: { field: 'clubs' } } },
          constraintMessage: 'xf.msg',
        },
      ],
    },
    'xf.yaml',
    (k) => translator.has(k),
  );
  const run = (inputs: string[]): { state: FormState; texts: string[] } => {
    let state = startForm(spec);
    const texts: string[] = [];
    for (const text of inputs) {
      const result = step(spec, state, { kind: 'text', text }, t);
      state = result.state;
      texts.push(result.messages.map((m) => ('text' in m ? m.text : '')).join('\n'));
    }
    return { state, texts };
  };

  it('refuses participants below sessions, saying the rule with the other answer, and keeps the question', () => {
    const { state, texts } = run(['12', '5']);
    expect(texts[1]).toContain('Số này phải lớn hơn hoặc bằng «Số buổi?» (12)');
    expect(state.current).toBe('participants');
    expect(state.answers).toEqual({ sessions: 12 });
  });

  it('tells the form’s own constraint message', () => {
    const { state, texts } = run(['2', '30', '4', '3']);
    expect(texts[3]).toContain('Số hội viên không thể ít hơn số câu lạc bộ.');
    expect(state.current).toBe('members');
    expect(run(['2', '30', '4', '4']).state.phase).toBe('review');
  });

  it('asks again an answer that an edit of another answer has broken, and says why', () => {
    let { state } = run(['2', '30', '4', '10']);
    const edit = (input: { kind: 'text'; text: string } | { kind: 'choice'; id: string }) => {
      const result = step(spec, state, input, t);
      state = result.state;
      return result.messages.map((m) => ('text' in m ? m.text : '')).join('\n');
    };
    edit({ kind: 'choice', id: 'edit' });
    edit({ kind: 'choice', id: 'edit:sessions' });
    const said = edit({ kind: 'text', text: '50' });
    expect(said).toContain('«Số người?» cần trả lời lại');
    expect(state.current).toBe('participants');
    expect(state.answers).not.toHaveProperty('participants');
  });

  it('refuses a YAML expression naming no question, with the field at fault', () => {
    expect(() =>
      parseFormSpec(
        { id: 'x', title: 'xf.title', questions: [{ id: 'a', type: 'integer', prompt: 'xf.sessions', constraint: '. >= ${nope}' }] },
        'x.yaml',
        (k) => translator.has(k),
      ),
    ).toThrow('x.yaml: questions[0].constraint: no question named ${nope}');
  });

  it('refuses comparing a number with a choice, and an option that does not exist', () => {
    const bad = (constraint: string) => () =>
      parseFormSpec(
        {
          id: 'x',
          title: 'xf.title',
          questions: [
            {
              id: 'r',
              type: 'single_choice',
              prompt: 'xf.sessions',
              options: [
                { id: 'a', label: 'xf.sessions' },
                { id: 'b', label: 'xf.sessions' },
              ],
            },
            { id: 'n', type: 'integer', prompt: 'xf.sessions', constraint },
          ],
        },
        'x.yaml',
        (k) => translator.has(k),
      );
    expect(bad('. > ${r}')).toThrow(/questions\[1\]\.constraint\.compare: cannot compare n with r/);
    expect(bad("selected(${r}, 'z')")).toThrow(/"z" is not an option of "r"/);
  });
});
