import { describe, expect, it } from 'vitest';
import { expandSeries, seriesSchema } from '../../src/plan-bundle/series.ts';

const series = (fields: Record<string, unknown>) =>
  seriesSchema.parse({ id: 'bc', title: { vi: 'Báo cáo kỳ {n}/{year}', en: 'Report {n}/{year}' }, ...fields });

describe('recurring periods declared once', () => {
  it('monthly, due on the 20th of each month ("trước ngày 20 hằng tháng")', () => {
    const periods = expandSeries(series({ every: 'P1M', day: 20, from: '2027-01', until: '2027-12' }));
    expect(periods).toHaveLength(12);
    expect(periods[0]).toMatchObject({
      id: 'bc-2027-01',
      title: { vi: 'Báo cáo kỳ 1/2027' },
      deadlines: { unit: '2027-01-20' },
      opens: '2027-01-01',
    });
    expect(periods[11]).toMatchObject({ id: 'bc-2027-12', deadlines: { unit: '2027-12-20' } });
  });

  it('quarterly, due on the 15th of the last month of the quarter, aligned to calendar quarters', () => {
    const periods = expandSeries(series({ every: 'P3M', day: 15, from: '2027-02', until: '2027-12' }));
    expect(periods.map((p) => [p.id, p.deadlines.unit, p.opens])).toEqual([
      ['bc-2027-q1', '2027-03-15', '2027-01-01'],
      ['bc-2027-q2', '2027-06-15', '2027-04-01'],
      ['bc-2027-q3', '2027-09-15', '2027-07-01'],
      ['bc-2027-q4', '2027-12-15', '2027-10-01'],
    ]);
  });

  it('half-yearly, with the province deadline, and a day past the month end falls on its last day', () => {
    const periods = expandSeries(series({ every: 'P6M', day: 31, provinceDay: 31, month: 'last', from: '2027-01', until: '2028-06' }));
    expect(periods.map((p) => [p.id, p.deadlines.unit, p.deadlines.province])).toEqual([
      ['bc-2027-h1', '2027-06-30', '2027-06-30'],
      ['bc-2027-h2', '2027-12-31', '2027-12-31'],
      ['bc-2028-h1', '2028-06-30', '2028-06-30'],
    ]);
  });

  it('monthly, due in the month after ("ngày 5 tháng sau")', () => {
    const periods = expandSeries(series({ every: 'P1M', day: 5, month: 'next', from: '2027-11', until: '2027-12' }));
    expect(periods.map((p) => p.deadlines.unit)).toEqual(['2027-12-05', '2028-01-05']);
  });
});
