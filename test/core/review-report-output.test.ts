import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { parseFormSpec } from '../../src/flow/form-spec.ts';
import { exportCsv } from '../../src/core/report/export-csv.ts';
import { renderSummary } from '../../src/core/report/render-status.ts';
import { findPeriod } from '../../src/core/report/periods.ts';
import type { PeriodStatus, UnitStatus } from '../../src/core/report/period-status.ts';
import type { AnswerValue } from '../../src/flow/form-spec.ts';
import type { Period, Unit } from '../../src/core/domain/types.ts';

const translator = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const en = (key: string, params?: Record<string, string | number>) => translator.t('en', key, params);
const form = parseFormSpec(parse(readFileSync('flows/_forms/qttn-report.yaml', 'utf8')), 'qttn-report.yaml', (k) => translator.has(k));
const ZONE = 'Asia/Ho_Chi_Minh';

const period: Period = {
  id: '6thang-2027',
  title: { vi: 'Báo cáo 6 tháng đầu năm 2027', en: 'First-half 2027 report' },
  unitDeadline: '2027-06-10T23:59:59+07:00',
  deadlineIsDateOnly: true,
  closes: '2027-07-10T23:59:59+07:00',
  reminders: [],
  summaries: [],
  version: 1,
  planId: 'test-plan',
};

function unit(code: string, name: string): Unit {
  return { code, name, parentCode: 'TINH', createdAt: '2027-01-01T00:00:00Z' };
}

function reported(u: Unit, answers: Record<string, AnswerValue>): UnitStatus {
  return {
    unit: u,
    officers: [],
    latest: {
      periodId: period.id,
      unitCode: u.code,
      revision: 1,
      answers,
      submittedBy: { personId: 'p1', name: 'an', channel: 'console' },
      submittedAt: '2027-06-01T08:00:00Z',
      late: false,
    },
  };
}

function statusOf(units: UnitStatus[]): PeriodStatus {
  const done = units.filter((s) => s.latest);
  return { period, plan: null, units, reported: done, missing: units.filter((s) => !s.latest), onTime: done.length, late: 0 };
}

describe('CSV export', () => {
  const status = statusOf([
    reported(unit('HD01', 'Huyện Đoàn Ninh Hải'), {
      exchange_countries: ['laos', 'cambodia'],
      officer_assigned: true,
      international_resources: 12.5,
      highlights: null,
    }),
  ]);

  it('writes chosen options and yes/no as the words people read, in the reader’s language', () => {
    const viCsv = exportCsv(status, form, vi, ZONE).toString('utf8');
    expect(viCsv).toContain(`"${vi('form.qttn.options.laos')}, ${vi('form.qttn.options.cambodia')}"`);
    expect(viCsv).toContain(`,${vi('form.engine.choice.yes')},`);
    expect(viCsv).not.toContain('laos');
    const enCsv = exportCsv(status, form, en, ZONE).toString('utf8');
    expect(enCsv).toContain(`"${en('form.qttn.options.laos')}, ${en('form.qttn.options.cambodia')}"`);
    expect(enCsv).toContain(`,${en('form.engine.choice.yes')},`);
  });

  it('leaves a skipped answer empty rather than writing "(bỏ qua)"', () => {
    const csv = exportCsv(status, form, vi, ZONE).toString('utf8');
    expect(csv).not.toContain(vi('form.engine.skipped'));
  });
});

describe('/tonghop', () => {
  const hd01 = unit('HD01', 'Huyện Đoàn Ninh Hải');
  const hd02 = unit('HD02', 'Huyện Đoàn Ninh Phước');

  it('says no unit has reported yet instead of listing every figure as 0', () => {
    const summary = renderSummary(statusOf([{ unit: hd01, latest: null, officers: [] }]), form, vi, 'vi', ZONE);
    expect(summary).toContain(vi('status.no_reports'));
    expect(summary).not.toContain(vi('status.totals_heading', { count: 0 }));
    expect(summary).not.toContain(`${vi('form.qttn.propaganda_sessions.label')}: 0`);
  });

  it('gives each total with its unit, in Vietnamese number format', () => {
    const summary = renderSummary(
      statusOf([
        reported(hd01, { propaganda_sessions: 3, international_resources: 12.5 }),
        reported(hd02, { propaganda_sessions: 1200, international_resources: 8.25 }),
      ]),
      form,
      vi,
      'vi',
      ZONE,
    );
    expect(summary).toContain(`${vi('form.qttn.propaganda_sessions.label')}: 1.203 ${vi('form.units.session')}`);
    expect(summary).toContain(`${vi('form.qttn.international_resources.label')}: 20,75 ${vi('form.units.million_vnd')}`);
  });
});

describe('naming a period in /baocao, /tinhhinh, /tonghop, /xuat', () => {
  const half: Period = {
    ...period,
    id: '6thang-2027',
    title: { vi: 'Báo cáo công tác quốc tế thanh niên 6 tháng đầu năm 2027', en: 'International youth work report, first half of 2027' },
  };
  const year: Period = {
    ...period,
    id: 'canam-2027',
    title: { vi: 'Báo cáo công tác quốc tế thanh niên năm 2027', en: 'International youth work report for 2027' },
  };
  const periods = [half, year];

  it.each([
    ['6thang-2027', '6thang-2027'],
    ['6thang', '6thang-2027'],
    ['canam', 'canam-2027'],
    ['cả năm', 'canam-2027'],
    ['6 tháng', '6thang-2027'],
    ['năm 2027', 'canam-2027'],
    ['first half', '6thang-2027'],
  ])('"%s" → %s', (words, id) => {
    expect(findPeriod(periods, words)?.id).toBe(id);
  });

  it('finds nothing for words in no id or title', () => {
    expect(findPeriod(periods, 'quý 3')).toBeUndefined();
    expect(findPeriod(periods, '-')).toBeUndefined();
  });
});
