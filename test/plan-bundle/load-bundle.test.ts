import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SpecError } from '../../src/flow/spec-error.ts';
import { loadBundle, loadBundles } from '../../src/plan-bundle/load-bundle.ts';
import { startForm, step, promptFor } from '../../src/flow/form-engine.ts';
import { Translator } from '../../src/i18n/translator.ts';

const translator = Translator.fromDirectory('locales');
const opts = { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (key: string) => translator.has(key) };
const work = mkdtempSync(join(tmpdir(), 'doanbot-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shipped bundles', () => {
  const bundles = loadBundles('flows', opts);

  it('all load, sorted by id, shared form folders skipped', () => {
    expect(bundles.map((b) => b.id)).toEqual(['demo-2027', 'kien-giang-2021', 'ninh-thuan-2013']);
    for (const bundle of bundles) {
      expect(bundle.form.id).toBe('qttn-report');
      expect(bundle.documentText.length).toBeGreaterThan(1000);
      expect(bundle.documentText).toBe(bundle.documentText.normalize('NFC'));
    }
  });

  it('resolves the Ninh Thuận 2013 deadlines at the end of the day in Vietnam', () => {
    const ninhThuan = bundles.find((b) => b.id === 'ninh-thuan-2013');
    expect(ninhThuan?.periods).toEqual([
      expect.objectContaining({
        id: '6thang-2013',
        unitDeadline: '2013-06-10T23:59:59+07:00',
        provinceDeadline: '2013-06-15T23:59:59+07:00',
        deadlineIsDateOnly: true,
        closes: '2013-07-10T23:59:59+07:00',
        reminders: ['-P7D', '-P3D', '-P1D', 'PT0S', 'P1D'],
        summaries: ['PT0S'],
      }),
      expect.objectContaining({ id: 'canam-2013', unitDeadline: '2013-11-10T23:59:59+07:00' }),
    ]);
    expect(ninhThuan?.documentText).toContain('gửi trước ngày 10/6/2013');
  });

  it('the demo plan states the deadlines its periods use', () => {
    const demo = bundles.find((b) => b.id === 'demo-2027');
    expect(demo?.periods.map((p) => [p.id, p.unitDeadline, p.provinceDeadline, p.opens])).toEqual([
      ['6thang-2027', '2027-06-10T23:59:59+07:00', '2027-06-15T23:59:59+07:00', undefined],
      ['canam-2027', '2027-11-10T23:59:59+07:00', '2027-11-15T23:59:59+07:00', undefined],
    ]);
    for (const date of ['10/6/2027', '15/6/2027', '10/11/2027', '15/11/2027']) expect(demo?.documentText).toContain(date);
  });

  it('the shared form can be answered end to end in both languages without a missing text', () => {
    const form = bundles[0]?.form;
    if (!form) throw new Error('no bundle');
    for (const lang of ['vi', 'en'] as const) {
      const t = (key: string, params?: Record<string, string | number>) => translator.t(lang, key, params);
      let state = startForm(form);
      const texts = [promptFor(form, state, t)];
      const answers = [
        '4',
        '120',
        '2',
        '35',
        '1',
        '12',
        '1, 2',
        '3',
        '5',
        '2',
        '1,5',
        'có',
        'Giao lưu với lưu học sinh Lào',
        'bỏ qua',
        'skip',
      ];
      let outcome = 'continue';
      for (const text of [...answers, 'gửi']) {
        const result = step(form, state, { kind: 'text', text }, t);
        state = result.state;
        outcome = result.outcome;
        texts.push(result.messages);
      }
      expect(outcome).toBe('submit');
      expect(state.answers).toMatchObject({
        exchange_countries: ['laos', 'cambodia'],
        international_resources: 1.5,
        officer_assigned: true,
        proposals: null,
      });
      expect(JSON.stringify(texts)).not.toMatch(/"form\.[a-z_.]+/);
    }
  });
});

/** Writes a bundle folder with a plan (object, serialized to YAML) and, unless given, a small valid form. */
function writeBundle(id: string, plan: Record<string, unknown>, form?: string): string {
  const dir = join(work, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.yaml'), stringify(plan));
  writeFileSync(join(dir, 'plan.txt'), 'KẾ HOẠCH thử');
  writeFileSync(
    join(dir, 'form.yaml'),
    form ?? 'id: f\nversion: 1\ntitle: form.qttn.title\nquestions:\n  - { id: a, type: integer, prompt: form.qttn.clubs.prompt }\n',
  );
  return dir;
}

function plan(id: string, change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    version: 1,
    title: { vi: 'Kế hoạch thử', en: 'Test plan' },
    document: 'plan.txt',
    form: 'form.yaml',
    periods: [{ id: 'p1', title: { vi: 'Kỳ 1', en: 'Period 1' }, deadlines: { unit: '2030-06-10' } }],
    ...change,
  };
}

function errorOf(load: () => unknown): SpecError {
  try {
    load();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}

describe('authoring errors name the file and the field', () => {
  const period = (change: Record<string, unknown>) => [
    { id: 'p1', title: { vi: 'Kỳ', en: 'P' }, deadlines: { unit: '2030-06-10' }, ...change },
  ];
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'a bad duration',
      { periods: period({ reminders: ['-P3D', '3 days'] }) },
      'plan.yaml: periods[0].reminders[1]: "3 days" is not a duration',
    ],
    ['a duplicate period id', { periods: [...period({}), ...period({})] }, 'plan.yaml: periods[1].id: duplicate period id "p1"'],
    [
      'a date that does not exist',
      { periods: period({ deadlines: { unit: '2030-02-30' } }) },
      'plan.yaml: periods[0].deadlines.unit: "2030-02-30" is not a valid date',
    ],
    [
      'a province deadline before the unit one',
      { periods: period({ deadlines: { unit: '2030-06-10', province: '2030-06-01' } }) },
      'periods[0].deadlines.province: is before the unit deadline',
    ],
    ['a bad time of day', { reminderTime: '8h' }, 'plan.yaml: reminderTime: Expected a time of day'],
    ['an unknown zone', { timezone: 'Mars/Olympus' }, 'plan.yaml: timezone: "Mars/Olympus" is not an IANA time zone'],
    ['a missing document', { document: 'nothing.txt' }, 'plan.yaml: document: file not found'],
    ['a future plan version', { version: 2 }, 'plan.yaml: version: version 2 is newer than this doanbot reads (1)'],
    ['an unknown field', { deadline: '2030-01-01' }, "plan.yaml: (root): Unrecognized key(s) in object: 'deadline'"],
  ];

  it.each(cases)('%s', (name, change, message) => {
    const id = `bad-${name.replace(/\W+/g, '-').toLowerCase()}`;
    const dir = writeBundle(id, plan(id, change));
    const error = errorOf(() => loadBundle(dir, opts));
    expect(error.message).toContain(join(dir, 'plan.yaml'));
    expect(error.message).toContain(message);
  });

  it('a bundle id that differs from its folder', () => {
    const dir = writeBundle('folder-name', plan('other-name'));
    expect(errorOf(() => loadBundle(dir, opts)).message).toContain('plan.yaml: id: "other-name" must be the folder\'s name');
  });

  const formCases: [string, string, string][] = [
    [
      'a condition on a later question',
      'id: f\nversion: 1\ntitle: form.qttn.title\nquestions:\n  - { id: a, type: integer, prompt: form.qttn.clubs.prompt, when: { field: b, op: gt, value: 0 } }\n  - { id: b, type: integer, prompt: form.qttn.clubs.prompt }\n',
      'form.yaml: questions[0].when.field: "b" is not asked before this question',
    ],
    [
      'a duplicate question id',
      'id: f\nversion: 1\ntitle: form.qttn.title\nquestions:\n  - { id: a, type: integer, prompt: form.qttn.clubs.prompt }\n  - { id: a, type: text, prompt: form.qttn.clubs.prompt }\n',
      'form.yaml: questions[1].id: duplicate question id "a"',
    ],
    [
      'an unknown locale key',
      'id: f\nversion: 1\ntitle: form.qttn.title\nquestions:\n  - { id: a, type: integer, prompt: form.qttn.nope }\n',
      'form.yaml: questions[0].prompt: unknown locale key "form.qttn.nope"',
    ],
    ['a future form version', 'id: f\nversion: 9\ntitle: form.qttn.title\nquestions: []\n', 'form.yaml: version: version 9 is newer'],
    ['invalid YAML', 'id: f\n  version: [1\n', 'form.yaml: (root): not valid YAML'],
  ];

  it.each(formCases)('%s in the form', (name, form, message) => {
    const id = `badform-${name.replace(/\W+/g, '-').toLowerCase()}`;
    const dir = writeBundle(id, plan(id), form);
    const error = errorOf(() => loadBundle(dir, opts));
    expect(error.message).toContain(join(dir, 'form.yaml'));
    expect(error.message).toContain(message);
  });

  it('loads a bundle whose form is shared from a "_" folder, and skips that folder', () => {
    const root = mkdtempSync(join(work, 'flows-'));
    mkdirSync(join(root, '_forms'));
    writeFileSync(
      join(root, '_forms', 'shared.yaml'),
      'id: shared\nversion: 1\ntitle: form.qttn.title\nquestions:\n  - { id: a, type: yes_no, prompt: form.qttn.officer_assigned.prompt }\n',
    );
    mkdirSync(join(root, 'one'));
    writeFileSync(
      join(root, 'one', 'plan.yaml'),
      stringify(
        plan('one', {
          form: '../_forms/shared.yaml',
          timezone: 'Asia/Bangkok',
          periods: [
            { id: 'p', title: { vi: 'K', en: 'P' }, deadlines: { unit: '2030-06-10T17:00' }, opens: '2030-05-01', closes: '2030-06-20' },
          ],
        }),
      ),
    );
    writeFileSync(join(root, 'one', 'plan.txt'), 'x');
    const [bundle, ...rest] = loadBundles(root, opts);
    expect(rest).toEqual([]);
    expect(bundle?.form.id).toBe('shared');
    expect(bundle?.reminderTime).toBe('08:00');
    expect(bundle?.periods[0]).toEqual({
      id: 'p',
      title: { vi: 'K', en: 'P' },
      unitDeadline: '2030-06-10T17:00:00+07:00',
      deadlineIsDateOnly: false,
      opens: '2030-05-01T00:00:00+07:00',
      closes: '2030-06-20T23:59:59+07:00',
      reminders: ['-P7D', '-P3D', '-P1D', 'PT0S', 'P1D'],
      summaries: ['PT0S'],
    });
  });
});
