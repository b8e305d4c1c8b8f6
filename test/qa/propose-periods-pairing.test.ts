import { describe, expect, it } from 'vitest';
import { proposePeriods, readPlanDocument } from '../../src/qa/index.ts';

const plan = (provinceLine: string, unitLine: string) => `KẾ HOẠCH
Tổ chức hoạt động năm 2028

I. TỔ CHỨC THỰC HIỆN
1. Tỉnh Đoàn
- ${provinceLine}
2. Huyện, thành Đoàn và Đoàn trực thuộc
- ${unitLine}
`;

describe('proposePeriods pairs what the province sends upward with the units’ report', () => {
  it('makes a province-only deadline the province deadline of the units’ report due before it', () => {
    const periods = proposePeriods(
      readPlanDocument(
        plan('Tổng hợp kết quả, báo cáo Trung ương Đoàn trước ngày 20/4/2028.', 'Báo cáo kết quả gửi về Tỉnh Đoàn trước ngày 15/4/2028.'),
      ),
    );
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ unitDeadline: '2028-04-15', provinceDeadline: '2028-04-20' });
  });

  it('keeps a province-only deadline as a period when no units’ report comes before it', () => {
    const periods = proposePeriods(
      readPlanDocument(plan('Báo cáo Trung ương Đoàn trước ngày 10/3/2028.', 'Báo cáo kết quả gửi về Tỉnh Đoàn trước ngày 15/4/2028.')),
    );
    expect(periods.map((p) => p.unitDeadline)).toEqual(['2028-03-10', '2028-04-15']);
  });
});
