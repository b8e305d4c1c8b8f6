import { describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { parseFormSpec, type AnswerValue } from '../../src/flow/form-spec.ts';
import { targetFor, targetProgress } from '../../src/flow/targets.ts';
import { renderSummary } from '../../src/core/report/render-status.ts';
import type { PeriodStatus, UnitStatus } from '../../src/core/report/period-status.ts';
import type { Period, Unit } from '../../src/core/domain/types.ts';

const translator = Translator.fromDirectory('locales');
translator.add('vi', 'tt', { title: 'Thử', sessions: 'Số buổi?', blood: 'Đơn vị máu?', notes: 'Ghi chú?' });
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const form = parseFormSpec(
  {
    id: 'tt',
    version: 1,
    title: 'tt.title',
    questions: [
      { id: 'sessions', type: 'integer', prompt: 'tt.sessions', unit: 'form.units.session', min: 0, target: 500 },
      { id: 'blood', type: 'decimal', prompt: 'tt.blood', min: 0, target: 10, provinceTarget: 1500 },
      { id: 'notes', type: 'text', prompt: 'tt.notes', required: false },
    ],
  },
  'tt.yaml',
  (k) => translator.has(k),
);
const period: Period = {
  id: 'p',
  title: { vi: 'Kỳ thử', en: 'Test period' },
  unitDeadline: '2027-06-10T23:59:59+07:00',
  deadlineIsDateOnly: true,
  closes: '2027-07-10T23:59:59+07:00',
  reminders: [],
  summaries: [],
  version: 1,
  planId: 'test-plan',
};
const unit = (code: string): Unit => ({ code, name: `Đơn vị ${code}`, parentCode: 'TINH', createdAt: '2027-01-01T00:00:00Z' });
const reported = (code: string, answers: Record<string, AnswerValue>): UnitStatus => ({
  unit: unit(code),
  officers: [],
  latest: {
    periodId: 'p',
    unitCode: code,
    revision: 1,
    answers,
    submittedBy: { personId: 'x', name: 'x', channel: 'console' },
    submittedAt: '2027-06-01T08:00:00Z',
    late: false,
  },
});

describe('targets', () => {
  it('a province target is the sum of the units’ targets unless the form sets one', () => {
    const [sessions, blood] = form.questions;
    if (sessions?.type !== 'integer' || blood?.type !== 'decimal') throw new Error('form shape');
    expect(targetFor(sessions, 3)).toBe(1500);
    expect(targetFor(blood, 3)).toBe(1500);
    expect(targetFor(blood, 3, false)).toBe(30);
    expect(targetProgress(form, [{ questionId: 'sessions', total: 750 }], 3)).toEqual([
      { questionId: 'sessions', total: 750, target: 1500, percent: 50 },
    ]);
  });

  it('refuses a negative target', () => {
    expect(() =>
      parseFormSpec(
        { id: 'x', version: 1, title: 'tt.title', questions: [{ id: 'a', type: 'integer', prompt: 'tt.sessions', target: -1 }] },
        'x.yaml',
        (k) => translator.has(k),
      ),
    ).toThrow(/questions\[0\]\.target/);
  });

  it('/tonghop shows progress towards each target: "1.250/1.000 buổi, 125%"', () => {
    const units = [reported('A', { sessions: 1000, blood: 700.5 }), reported('B', { sessions: 250, blood: 100 })];
    const status: PeriodStatus = { period, plan: null, units, reported: units, missing: [], onTime: 2, late: 0 };
    const summary = renderSummary(status, form, vi, 'vi', 'Asia/Ho_Chi_Minh');
    expect(summary).toContain(`${vi('tt.sessions')}: 1.250/1.000 ${vi('form.units.session')}, 125%`);
    expect(summary).toContain(`${vi('tt.blood')}: 800,5/1.500, 53%`);
  });
});
