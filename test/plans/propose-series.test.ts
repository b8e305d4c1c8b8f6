import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../../src/qa/read-plan.ts';
import { proposeSeries } from '../../src/qa/propose-series.ts';
import { seriesToPeriods } from '../../src/app/series-periods.ts';

const plan = (items: string) =>
  readPlanDocument(`KẾ HOẠCH\nCông tác Đoàn năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n1. Huyện, thành Đoàn\n${items}`);

describe('recurring reports stated in a plan document', () => {
  it('"trước ngày 20 hằng tháng" and "trước ngày 15 của tháng cuối quý"', () => {
    const series = proposeSeries(
      plan('- Báo cáo tháng gửi về Tỉnh Đoàn trước ngày 20 hằng tháng.\n- Báo cáo quý gửi trước ngày 15 của tháng cuối quý.\n'),
    );
    expect(series.map((s) => [s.every, s.day, s.month, s.section])).toEqual([
      ['P1M', 20, 'last', 'I.1'],
      ['P3M', 15, 'last', 'I.1'],
    ]);
  });

  it('other wordings: "định kỳ hằng tháng … trước ngày 25", "chậm nhất ngày 5 tháng đầu quý sau", without diacritics', () => {
    const series = proposeSeries(
      plan(
        '- Thực hiện chế độ bao cao dinh ky hang thang, gửi về Văn phòng trước ngày 25.\n- Báo cáo quý gửi chậm nhất ngày 5 tháng đầu quý sau.\n',
      ),
    );
    expect(series.map((s) => [s.every, s.day, s.month])).toEqual([
      ['P1M', 25, 'last'],
      ['P3M', 5, 'next'],
    ]);
  });

  it('a one-off deadline is not a series ("báo cáo 6 tháng đầu năm … 10/6", "báo cáo tháng 3 … 25/3/2027")', () => {
    expect(proposeSeries(plan('- Báo cáo 6 tháng đầu năm gửi trước ngày 10/6/2027; báo cáo tháng 3 gửi trước ngày 25/3/2027.\n'))).toEqual(
      [],
    );
  });

  it('becomes one period a month to the end of the year, each opening on the first of its month', () => {
    const series = proposeSeries(plan('- Báo cáo tháng gửi về Tỉnh Đoàn trước ngày 20 hằng tháng.\n'));
    const periods = seriesToPeriods(series, '2027-09', 'Asia/Ho_Chi_Minh');
    expect(periods.map((p) => [p.id, p.title.vi, p.unitDeadline, p.opens, p.series])).toEqual([
      ['thang-2027-09', 'Báo cáo tháng 9/2027', '2027-09-20T23:59:59+07:00', '2027-09-01T00:00:00+07:00', 'Báo cáo tháng'],
      ['thang-2027-10', 'Báo cáo tháng 10/2027', '2027-10-20T23:59:59+07:00', '2027-10-01T00:00:00+07:00', 'Báo cáo tháng'],
      ['thang-2027-11', 'Báo cáo tháng 11/2027', '2027-11-20T23:59:59+07:00', '2027-11-01T00:00:00+07:00', 'Báo cáo tháng'],
      ['thang-2027-12', 'Báo cáo tháng 12/2027', '2027-12-20T23:59:59+07:00', '2027-12-01T00:00:00+07:00', 'Báo cáo tháng'],
    ]);
  });
});
