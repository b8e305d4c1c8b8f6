import { describe, expect, it } from 'vitest';
import { parseFormSpec } from '../../src/flow/form-spec.ts';
import { SpecError } from '../../src/flow/spec-error.ts';
import { rawTestForm, testTranslator } from './fixtures.ts';

const translator = testTranslator();
const hasKey = (key: string) => translator.has(key);

type Raw = ReturnType<typeof rawTestForm>;
type Question = Record<string, unknown>;

/** Changes the test form's questions and returns the error message. */
function messageFor(change: (questions: Question[], form: Raw) => void): string {
  const form = rawTestForm();
  change(form.questions as Question[], form);
  try {
    parseFormSpec(form, 'flows/x/form.yaml', hasKey);
  } catch (error) {
    if (error instanceof SpecError) return error.message;
    throw error;
  }
  return '(no error)';
}

describe('parseFormSpec', () => {
  it('reads the test form with defaults filled in', () => {
    const spec = parseFormSpec(rawTestForm(), 'flows/x/form.yaml', hasKey);
    expect(spec.questions.map((q) => [q.id, q.required])).toContainEqual(['sessions', true]);
    expect(spec.questions.find((q) => q.id === 'notes')).toMatchObject({ required: false, maxLength: 20 });
  });

  it('reads an old file whose one `version` meant both the schema and the revision', () => {
    const spec = parseFormSpec(rawTestForm(), 'flows/x/form.yaml', hasKey);
    expect([spec.specVersion, spec.revision]).toEqual([1, 1]);
    expect(spec).not.toHaveProperty('version');
  });

  it('lets an author revise a form: any revision, with the schema version this doanbot reads', () => {
    const { version: _old, ...form } = rawTestForm();
    const spec = parseFormSpec({ ...form, specVersion: 1, revision: 7 }, 'flows/x/form.yaml', hasKey);
    expect([spec.specVersion, spec.revision]).toEqual([1, 7]);
    expect(parseFormSpec(form, 'flows/x/form.yaml', hasKey)).toMatchObject({ specVersion: 1, revision: 1 });
  });

  it.each<[string, (q: Question[], f: Raw) => void, string]>([
    [
      'a wrong field type',
      (q) => {
        q[3] = { ...q[3], min: 'zero', type: 'integer', options: undefined, when: undefined };
      },
      'flows/x/form.yaml: questions[3].min: Expected number, received string',
    ],
    [
      'min above max',
      (q) => {
        q[0] = { ...q[0], min: 5, max: 1 };
      },
      'flows/x/form.yaml: questions[0].max: max (1) is less than min (5)',
    ],
    [
      'a duplicate option id',
      (q) => {
        (q[2]?.options as Question[]).push({ id: 'laos', label: 'formtest.opt.a' });
      },
      'questions[2].options[3].id: duplicate option id "laos"',
    ],
    [
      'a condition on itself',
      (q) => {
        q[0] = { ...q[0], when: { field: 'sessions', op: 'gt', value: 0 } };
      },
      'questions[0].when.field: "sessions" is not asked before this question',
    ],
    [
      'a condition on an unknown question',
      (q) => {
        q[1] = { ...q[1], when: { all: [{ field: 'nope', op: 'eq', value: 1 }] } };
      },
      'questions[1].when.all[0].field: unknown question "nope"',
    ],
    [
      'an unknown option in a condition',
      (q) => {
        q[3] = { ...q[3], when: { field: 'region', op: 'in', value: ['laos', 'mars'] } };
      },
      'questions[3].when.value: "mars" is not an option of "region"',
    ],
    [
      'a number compared with text',
      (q) => {
        q[1] = { ...q[1], when: { field: 'sessions', op: 'eq', value: 'many' } };
      },
      'questions[1].when.value: "sessions" is a number',
    ],
    [
      'gt on a yes/no',
      (q) => {
        q[5] = { ...q[5], when: { field: 'officer', op: 'gt', value: 1 } };
      },
      'questions[5].when.op: "officer" is yes/no; use eq or ne',
    ],
    [
      'in without a list',
      (q) => {
        q[3] = { ...q[3], when: { field: 'region', op: 'in', value: 'laos' } };
      },
      'questions[3].when.value: op "in" needs a list of values',
    ],
    [
      'an unknown unit key',
      (q) => {
        q[0] = { ...q[0], unit: 'form.units.parsec' };
      },
      'questions[0].unit: unknown locale key "form.units.parsec"',
    ],
    [
      'an unknown title key',
      (_q, f) => {
        f.title = 'formtest.nope';
      },
      'flows/x/form.yaml: title: unknown locale key "formtest.nope"',
    ],
    [
      'an unknown question type',
      (q) => {
        q[0] = { ...q[0], type: 'date' };
      },
      'questions[0].type: Invalid discriminator value',
    ],
    [
      'a misspelt field',
      (q) => {
        q[6] = { ...q[6], requried: false };
      },
      "questions[6]: Unrecognized key(s) in object: 'requried'",
    ],
    [
      'a newer version',
      (_q, f) => {
        f.version = 2;
      },
      'flows/x/form.yaml: version: version 2 is newer than this doanbot reads (1)',
    ],
    [
      'a newer specVersion',
      (_q, f) => {
        delete f.version;
        f.specVersion = 2;
        f.revision = 1;
      },
      'flows/x/form.yaml: specVersion: specVersion 2 is newer than this doanbot reads (1)',
    ],
    [
      'version next to specVersion',
      (_q, f) => {
        f.specVersion = 1;
      },
      'version: use specVersion and revision instead of version, not both',
    ],
    [
      'no questions',
      (q) => {
        q.length = 0;
      },
      'questions: Array must contain at least 1 element(s)',
    ],
  ])('names the field for %s', (_name, change, message) => {
    expect(messageFor(change)).toContain(message);
  });
});
