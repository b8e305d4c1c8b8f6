import { Translator, type Lang } from '../../src/i18n/translator.ts';
import { parseFormSpec, type FormSpec } from '../../src/flow/form-spec.ts';
import type { TextFn } from '../../src/flow/text-fn.ts';

/** The real locale files plus a small `formtest` namespace for the test form. */
export function testTranslator(): Translator {
  const translator = Translator.fromDirectory('locales');
  translator.add('vi', 'formtest', {
    title: 'Báo cáo thử',
    sessions: 'Số buổi?',
    participants: 'Số người?',
    region: 'Khu vực?',
    partners: 'Đối tác?',
    officer: 'Có cán bộ phụ trách?',
    money: 'Kinh phí?',
    notes: 'Ghi chú?',
    opt: { laos: 'Lào', cambodia: 'Campuchia', other: 'Khác', a: 'Đối tác A', b: 'Đối tác B', c: 'Đối tác C' },
  });
  return translator;
}

export function textFn(translator: Translator, lang: Lang = 'vi'): TextFn {
  return (key, params) => translator.t(lang, key, params);
}

/** A raw form with every question type and nested conditions. */
export function rawTestForm(): Record<string, unknown> {
  return {
    id: 'test-form',
    version: 1,
    title: 'formtest.title',
    questions: [
      { id: 'sessions', type: 'integer', prompt: 'formtest.sessions', unit: 'form.units.session', min: 0, max: 100 },
      { id: 'participants', type: 'integer', prompt: 'formtest.participants', min: 0, when: { field: 'sessions', op: 'gt', value: 0 } },
      {
        id: 'region',
        type: 'single_choice',
        prompt: 'formtest.region',
        options: [
          { id: 'laos', label: 'formtest.opt.laos' },
          { id: 'cambodia', label: 'formtest.opt.cambodia' },
          { id: 'other', label: 'formtest.opt.other' },
        ],
      },
      {
        id: 'partners',
        type: 'multi_choice',
        prompt: 'formtest.partners',
        when: {
          any: [
            { field: 'region', op: 'eq', value: 'other' },
            { field: 'sessions', op: 'gte', value: 10 },
          ],
        },
        options: [
          { id: 'a', label: 'formtest.opt.a' },
          { id: 'b', label: 'formtest.opt.b' },
          { id: 'c', label: 'formtest.opt.c' },
        ],
      },
      { id: 'officer', type: 'yes_no', prompt: 'formtest.officer' },
      { id: 'money', type: 'decimal', prompt: 'formtest.money', unit: 'form.units.million_vnd', min: 0 },
      { id: 'notes', type: 'text', prompt: 'formtest.notes', required: false, maxLength: 20 },
    ],
  };
}

export function testForm(translator: Translator): FormSpec {
  return parseFormSpec(rawTestForm(), 'test-form.yaml', (key) => translator.has(key));
}
