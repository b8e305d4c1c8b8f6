import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/flow/question-types/index.ts';
import type { QuestionSpec } from '../../src/flow/form-spec.ts';
import { Translator } from '../../src/i18n/translator.ts';

const translator = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const en = (key: string, params?: Record<string, string | number>) => translator.t('en', key, params);

const yesNo = { id: 'q', type: 'yes_no', prompt: 'form.qttn.officer_assigned.prompt', required: true } as QuestionSpec;
const countries = {
  id: 'c',
  type: 'multi_choice',
  prompt: 'form.qttn.exchange_countries.prompt',
  required: true,
  options: [
    { id: 'laos', label: 'form.qttn.options.laos' },
    { id: 'cambodia', label: 'form.qttn.options.cambodia' },
    { id: 'japan', label: 'form.qttn.options.japan' },
  ],
} as QuestionSpec;
const money = { id: 'm', type: 'decimal', prompt: 'form.qttn.international_resources.prompt', required: true, min: 0 } as QuestionSpec;
const people = { id: 'p', type: 'integer', prompt: 'form.qttn.youth_abroad.prompt', required: true, min: 0 } as QuestionSpec;

describe('answers in everyday words', () => {
  it.each([
    ['rồi', true],
    ['đã có', true],
    ['Chưa', false],
    ['chưa có', false],
  ])('yes/no: «%s» → %s', (text, value) => {
    expect(parseAnswer(yesNo, text, vi)).toEqual({ ok: true, value });
  });

  it.each([
    ['Lào và Campuchia', ['laos', 'cambodia']],
    ['Nhật Bản, Lào', ['laos', 'japan']],
    ['1 và 3', ['laos', 'japan']],
  ])('multi choice: «%s»', (text, value) => {
    expect(parseAnswer(countries, text, vi)).toEqual({ ok: true, value });
  });

  it.each([
    [money, '1.5', 1.5],
    [people, '1,200', 1200],
    [money, '1,200.5', 1200.5],
  ])('reads numbers as written in English when the person uses English: %#', (question, text, value) => {
    expect(parseAnswer(question, text, en)).toEqual({ ok: true, value });
  });

  it('reads numbers the Vietnamese way in Vietnamese', () => {
    expect(parseAnswer(people, '1.200', vi)).toEqual({ ok: true, value: 1200 });
    expect(parseAnswer(money, '1,5', vi)).toEqual({ ok: true, value: 1.5 });
  });
});
