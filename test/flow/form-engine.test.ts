import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/messages.ts';
import type { AnswerValue } from '../../src/flow/form-spec.ts';
import {
  formatAnswers,
  numericTotals,
  promptFor,
  relevantQuestions,
  restoreState,
  startForm,
  step,
  type FormInput,
  type FormState,
  type StepResult,
} from '../../src/flow/form-engine.ts';
import { testForm, testTranslator, textFn } from './fixtures.ts';

const translator = testTranslator();
const t = textFn(translator);
const spec = testForm(translator);

/** A typed text, or `{ choice }` for a pressed button. */
type Input = string | { choice: string };

interface Case {
  name: string;
  previous?: Record<string, AnswerValue>;
  inputs: Input[];
  expect: {
    phase: FormState['phase'];
    current?: string | null;
    answers?: Record<string, AnswerValue>;
    outcome?: StepResult['outcome'];
    /** Substrings of the text of the last step's messages, in order of appearance. */
    says?: string[];
    /** Choice ids of the last message. */
    choices?: string[];
  };
}

const FULL = ['3', '40', '2', 'có', '1,5', 'bỏ qua'];
const FULL_ANSWERS = { sessions: 3, participants: 40, region: 'cambodia', officer: true, money: 1.5, notes: null };

const cases: Case[] = [
  {
    name: 'asks the first question with progress, unit hint and no buttons',
    inputs: [],
    expect: { phase: 'asking', current: 'sessions', says: ['Câu 1/7', 'Số buổi?', 'từ 0 đến 100', 'buổi'] },
  },
  {
    name: 'a full pass reaches the review',
    inputs: FULL,
    expect: {
      phase: 'review',
      answers: FULL_ANSWERS,
      says: ['Báo cáo thử', '1. Số buổi?: 3 buổi', '5. Kinh phí?: 1,5 triệu đồng', '6. Ghi chú?: (bỏ qua)'],
      choices: ['submit', 'edit'],
    },
  },
  {
    name: 'typing "gửi" in the review submits',
    inputs: [...FULL, 'gửi'],
    expect: { phase: 'review', outcome: 'submit', answers: FULL_ANSWERS },
  },
  { name: 'the submit button submits', inputs: [...FULL, { choice: 'submit' }], expect: { phase: 'review', outcome: 'submit' } },
  {
    name: 'a number that is not a number is refused',
    inputs: ['abc'],
    expect: { phase: 'asking', current: 'sessions', answers: {}, says: ['«abc» không phải là một số', 'Số buổi?'] },
  },
  {
    name: 'above max is refused with the max',
    inputs: ['200'],
    expect: { phase: 'asking', current: 'sessions', answers: {}, says: ['không được lớn hơn 100'] },
  },
  { name: 'below min is refused', inputs: ['-1'], expect: { phase: 'asking', current: 'sessions', says: ['từ 0 trở lên'] } },
  { name: 'a fraction is refused for an integer', inputs: ['2,5'], expect: { phase: 'asking', current: 'sessions', says: ['số nguyên'] } },
  { name: 'two numbers are refused', inputs: ['12 hoặc 13'], expect: { phase: 'asking', current: 'sessions', says: ['nhiều hơn một số'] } },
  {
    name: 'a required question cannot be skipped',
    inputs: ['bỏ qua'],
    expect: { phase: 'asking', current: 'sessions', says: ['bắt buộc'] },
  },
  {
    name: 'an earlier answer survives an invalid one',
    inputs: ['3', 'nhiều lắm'],
    expect: { phase: 'asking', current: 'participants', answers: { sessions: 3 } },
  },
  {
    name: 'Vietnamese number words are read',
    inputs: ['mười hai', 'một trăm lẻ năm'],
    expect: { phase: 'asking', current: 'region', answers: { sessions: 12, participants: 105 } },
  },
  {
    name: 'zero sessions skips the participants question',
    inputs: ['0'],
    expect: {
      phase: 'asking',
      current: 'region',
      answers: { sessions: 0 },
      says: ['Câu 2/6'],
      choices: ['opt:laos', 'opt:cambodia', 'opt:other'],
    },
  },
  {
    name: 'a single choice takes its label without diacritics',
    inputs: ['0', 'campuchia'],
    expect: { phase: 'asking', current: 'officer', answers: { sessions: 0, region: 'cambodia' }, choices: ['yes', 'no'] },
  },
  {
    name: 'a single choice takes its button',
    inputs: ['0', { choice: 'opt:laos' }],
    expect: { phase: 'asking', current: 'officer', answers: { sessions: 0, region: 'laos' } },
  },
  {
    name: 'an unknown option is refused',
    inputs: ['0', '7'],
    expect: { phase: 'asking', current: 'region', says: ['Không có lựa chọn «7»', '1 đến 3'] },
  },
  {
    name: 'a stale button is refused',
    inputs: [{ choice: 'yes' }],
    expect: { phase: 'asking', current: 'sessions', says: ['không còn dùng được'] },
  },
  {
    name: 'a condition with any asks the multi choice',
    inputs: ['0', 'khác'],
    expect: { phase: 'asking', current: 'partners', choices: ['opt:a', 'opt:b', 'opt:c', 'done'] },
  },
  {
    name: 'multi choice typed as numbers',
    inputs: ['0', '3', '1, 3'],
    expect: { phase: 'asking', current: 'officer', answers: { sessions: 0, region: 'other', partners: ['a', 'c'] } },
  },
  {
    name: 'multi choice typed as labels',
    inputs: ['0', '3', 'đối tác c; Đối tác B'],
    expect: { phase: 'asking', current: 'officer', answers: { sessions: 0, region: 'other', partners: ['b', 'c'] } },
  },
  {
    name: 'multi choice buttons toggle until done',
    inputs: ['0', '3', { choice: 'opt:c' }, { choice: 'opt:a' }, { choice: 'opt:b' }, { choice: 'opt:b' }],
    expect: { phase: 'asking', current: 'partners', says: ['Đã chọn: Đối tác A, Đối tác C'], choices: ['opt:a', 'opt:b', 'opt:c', 'done'] },
  },
  {
    name: 'done commits the toggled options in form order',
    inputs: ['0', '3', { choice: 'opt:c' }, { choice: 'opt:a' }, { choice: 'done' }],
    expect: { phase: 'asking', current: 'officer', answers: { sessions: 0, region: 'other', partners: ['a', 'c'] } },
  },
  {
    name: 'done with nothing ticked is refused',
    inputs: ['0', '3', { choice: 'done' }],
    expect: { phase: 'asking', current: 'partners', says: ['ít nhất một mục'] },
  },
  {
    name: 'yes/no takes "khong" and a number picks the button',
    inputs: ['0', '1', 'khong'],
    expect: { phase: 'asking', current: 'money', answers: { sessions: 0, region: 'laos', officer: false } },
  },
  {
    name: 'yes/no number 2 is "no"',
    inputs: ['0', '1', '2'],
    expect: { phase: 'asking', current: 'money', answers: { sessions: 0, region: 'laos', officer: false } },
  },
  {
    name: 'the optional question says how to skip',
    inputs: ['0', '1', 'có', '2'],
    expect: { phase: 'asking', current: 'notes', says: ['Câu 5/5', 'không bắt buộc'] },
  },
  {
    name: 'too long text is refused',
    inputs: ['0', '1', 'có', '2', 'x'.repeat(21)],
    expect: { phase: 'asking', current: 'notes', says: ['21/20'] },
  },
  {
    name: 'edit from review: pick and change one answer',
    inputs: [...FULL, 'sửa', { choice: 'edit:money' }, '2'],
    expect: { phase: 'review', answers: { ...FULL_ANSWERS, money: 2 } },
  },
  {
    name: 'the pick list has one button per asked question and back',
    inputs: [...FULL, { choice: 'edit' }],
    expect: {
      phase: 'pick_edit',
      choices: ['edit:sessions', 'edit:participants', 'edit:region', 'edit:officer', 'edit:money', 'edit:notes', 'back'],
    },
  },
  {
    name: 'the question number picks the question to edit, showing the current answer',
    inputs: [...FULL, 'sửa', '5'],
    expect: { phase: 'asking', current: 'money', says: ['Kinh phí?', 'Câu trả lời hiện tại: 1,5 triệu đồng', 'giữ nguyên'], choices: [] },
  },
  {
    name: 'under a typed question, «giữ nguyên» keeps the answer',
    inputs: [...FULL, 'sửa', '5', 'giữ nguyên'],
    expect: { phase: 'review', answers: FULL_ANSWERS },
  },
  {
    name: 'under a typed question, a number is the new answer',
    inputs: [...FULL, 'sửa', '5', '1'],
    expect: { phase: 'review', answers: { ...FULL_ANSWERS, money: 1 } },
  },
  { name: 'the words of the review buttons work as typed text', inputs: [...FULL, 'Sửa một câu'], expect: { phase: 'pick_edit' } },
  {
    name: 'keep returns to the review unchanged',
    inputs: [...FULL, 'sửa', '5', { choice: 'keep' }],
    expect: { phase: 'review', answers: FULL_ANSWERS },
  },
  { name: 'back returns to the review', inputs: [...FULL, 'sửa', 'quay lại'], expect: { phase: 'review' } },
  {
    name: 'an unknown question number is refused',
    inputs: [...FULL, 'sửa', '42'],
    expect: { phase: 'pick_edit', says: ['Không có câu này'] },
  },
  {
    name: 'unknown text in the review offers the two choices again, briefly',
    inputs: [...FULL, 'hả?'],
    expect: { phase: 'review', says: ['Mình chưa hiểu'], choices: ['submit', 'edit'] },
  },
  {
    name: 'an edit that makes a question irrelevant drops its answer',
    inputs: [...FULL, 'sửa', '1', '0'],
    expect: { phase: 'review', answers: { sessions: 0, region: 'cambodia', officer: true, money: 1.5, notes: null } },
  },
  {
    name: 'an edit that makes new questions relevant asks them first',
    inputs: [...FULL, 'sửa', '1', '12'],
    expect: { phase: 'asking', current: 'partners', answers: { ...FULL_ANSWERS, sessions: 12 } },
  },
  {
    name: '… and then returns to the review',
    inputs: [...FULL, 'sửa', '1', '12', '2'],
    expect: { phase: 'review', answers: { ...FULL_ANSWERS, sessions: 12, partners: ['b'] } },
  },
  {
    name: 'previous answers pre-fill and the form starts at the first gap',
    previous: { sessions: 0, region: 'laos', money: 3 },
    inputs: [],
    expect: { phase: 'asking', current: 'officer', answers: { sessions: 0, region: 'laos', money: 3 } },
  },
  {
    name: 'complete previous answers start at the review',
    previous: FULL_ANSWERS,
    inputs: [],
    expect: { phase: 'review', answers: FULL_ANSWERS },
  },
  {
    name: 'previous answers that no longer fit are dropped',
    previous: { sessions: 500, participants: 4, region: 'mars', officer: true, gone: 1 },
    inputs: [],
    expect: { phase: 'asking', current: 'sessions', answers: { officer: true } },
  },
];

function toInput(input: Input): FormInput {
  return typeof input === 'string' ? { kind: 'text', text: input } : { kind: 'choice', id: input.choice };
}

function run(previous: Record<string, AnswerValue> | undefined, inputs: Input[]): StepResult {
  let result: StepResult = { state: startForm(spec, previous), messages: [], outcome: 'continue' };
  result.messages = promptFor(spec, result.state, t);
  for (const input of inputs) result = step(spec, result.state, toInput(input), t);
  return result;
}

function textOf(messages: OutboundMessage[]): string {
  return messages.map((m) => ('text' in m ? m.text : '')).join('\n');
}

describe('form engine', () => {
  it.each(cases)('$name', ({ previous, inputs, expect: want }) => {
    const result = run(previous, inputs);
    expect(result.state.phase).toBe(want.phase);
    if (want.current !== undefined) expect(result.state.current).toBe(want.current);
    if (want.answers) expect(result.state.answers).toEqual(want.answers);
    expect(result.outcome).toBe(want.outcome ?? 'continue');
    const text = textOf(result.messages);
    let from = 0;
    for (const part of want.says ?? []) {
      const at = text.indexOf(part, from);
      expect(at, `"${part}" after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
    if (want.choices) {
      const last = result.messages.at(-1);
      expect(last?.type === 'choices' ? last.choices.map((c) => c.id) : []).toEqual(want.choices);
    }
    expect(text).not.toMatch(/\b(form|formtest)\.[a-z_.]+/);
  });

  it('resumes from a stored state exactly where it was', () => {
    const before = run(undefined, ['0', '3', { choice: 'opt:b' }]);
    const stored: unknown = JSON.parse(JSON.stringify(before.state));
    const restored = restoreState(spec, stored);
    expect(restored).toEqual(before.state);
    if (!restored) return;
    expect(promptFor(spec, restored, t)).toEqual(before.messages);
    const after = step(spec, restored, { kind: 'choice', id: 'done' }, t);
    expect(after.state.answers.partners).toEqual(['b']);
  });

  it.each([
    ['another form', { formId: 'other' }],
    ['an older form revision', { formRevision: 0 }],
    ['an older form revision, stored before the specVersion/revision split', { formRevision: undefined, formVersion: 0 }],
    ['an answer that no longer fits', { answers: { sessions: 'many' } }],
    ['a current question that is not asked', { current: 'participants', answers: { sessions: 0 } }],
    ['an unknown phase', { phase: 'dreaming' }],
  ])('refuses to restore a state for %s', (_name, change) => {
    const state = { ...startForm(spec), ...change };
    expect(restoreState(spec, JSON.parse(JSON.stringify(state)))).toBeNull();
  });

  it('restores a state stored before the split, whose revision was called formVersion', () => {
    const { formRevision, ...rest } = run(undefined, ['0']).state;
    const restored = restoreState(spec, JSON.parse(JSON.stringify({ ...rest, formVersion: formRevision })));
    expect(restored?.formRevision).toBe(spec.revision);
    expect(restored?.answers).toEqual({ sessions: 0 });
  });

  it('does not restore a state written for an earlier revision of the form', () => {
    const state = JSON.parse(JSON.stringify(run(undefined, ['0']).state));
    expect(restoreState({ ...spec, revision: spec.revision + 1 }, state)).toBeNull();
    expect(restoreState(spec, state)).not.toBeNull();
  });

  it('refuses to restore something that is not a state', () => {
    expect(restoreState(spec, null)).toBeNull();
    expect(restoreState(spec, 'asking')).toBeNull();
  });

  it('lists only the relevant questions', () => {
    expect(relevantQuestions(spec, { sessions: 0, region: 'laos' }).map((q) => q.id)).toEqual([
      'sessions',
      'region',
      'officer',
      'money',
      'notes',
    ]);
  });

  it('formats answers as numbered lines in English too', () => {
    const en = textFn(translator, 'en');
    expect(formatAnswers(spec, { sessions: 1200, region: 'laos', officer: false, money: 2.5 }, en).split('\n')).toEqual([
      '1. Số buổi?: 1,200 sessions',
      '2. Số người?: (not answered)',
      '3. Khu vực?: Lào',
      '4. Đối tác?: (not answered)',
      '5. Có cán bộ phụ trách?: No',
      '6. Kinh phí?: 2.5 million VND',
      '7. Ghi chú?: (not answered)',
    ]);
  });

  it('totals numeric answers over several reports', () => {
    const totals = numericTotals(spec, [
      { sessions: 3, participants: 40, money: 0.1 },
      { sessions: 0, money: 0.2, notes: null },
      { sessions: 12, participants: 100, money: null },
    ]);
    expect(totals).toEqual([
      { questionId: 'sessions', total: 15 },
      { questionId: 'participants', total: 140 },
      { questionId: 'money', total: 0.3 },
    ]);
  });
});
