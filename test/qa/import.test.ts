import { describe, expect, it } from 'vitest';
import { proposePeriods, readPlanDocument, summarizeImport } from '../../src/qa/index.ts';
import { isCorrect } from '../../src/qa/eval-check.ts';
import { SEED_2013, SEED_2021, readSeed, textFn } from './helpers.ts';

describe('proposePeriods', () => {
  it('proposes one period per report, units before the province', () => {
    const periods = proposePeriods(readSeed(SEED_2013));
    expect(periods.map((p) => [p.title.vi, p.unitDeadline, p.provinceDeadline, p.section])).toEqual([
      ['Báo cáo công tác quốc tế thanh niên 06 tháng đầu năm 2013', '2013-06-10', '2013-06-15', 'III.2'],
      ['Báo cáo công tác quốc tế thanh niên năm 2013', '2013-11-10', '2013-11-15', 'III.2'],
    ]);
    expect(new Set(periods.map((p) => p.id)).size).toBe(2);
  });

  it('proposes nothing for a plan without deadlines', () => {
    expect(proposePeriods(readSeed(SEED_2021))).toEqual([]);
  });

  it('keeps one period for what is due on one day', () => {
    const text = [
      'KẾ HOẠCH',
      'Thu quà Tết',
      '-----',
      'I. NỘI DUNG',
      '- Thời gian hội thu: Trước ngày 07/02/2026.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Các chi đoàn',
      '- Các chi đoàn gửi đăng ký số suất quà về Văn phòng Đoàn xã trước ngày 07/02/2026.',
    ].join('\n');
    const periods = proposePeriods(readPlanDocument(text));
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ unitDeadline: '2026-02-07', section: 'II.1' });
    expect(periods[0]?.title.vi).toBe('Các chi đoàn gửi đăng ký số suất quà');
  });
});

describe('summarizeImport', () => {
  it('tells the title, sections, deadlines and contacts, leaving the proposed periods to the caller', () => {
    const summary = summarizeImport(readSeed(SEED_2013), 'vi', textFn('vi'));
    expect(summary).toContain('Triển khai thực hiện Công tác quốc tế thanh niên năm 2013');
    expect(summary).toContain('13 mục');
    expect(summary).toContain('4 hạn nộp');
    expect(summary).toContain('bandoankettinhdoan@gmail.com');
    expect(summary).toContain('- 10/06/2013: ');
    expect(summary).toContain('- 15/06/2013: ');
    expect(summary).not.toContain('Đề xuất');
    expect(summary.length).toBeLessThanOrEqual(3500);
  });

  it('speaks English to English readers', () => {
    expect(summarizeImport(readSeed(SEED_2021), 'en', textFn('en'))).toContain('No deadline found.');
  });
});

describe('evaluation check', () => {
  it('compares after NFC, case folding and white space, any string of a list item', () => {
    expect(isCorrect('Hạn:  10/6/2013 — Mục III.2', [['10/06/2013', '10/6/2013'], 'mục iii.2'])).toBe(true);
    expect(isCorrect('Hạn: 10/6/2013', ['15/6/2013'])).toBe(false);
    expect(isCorrect(`${'x'.repeat(501)} 10/6/2013`, ['10/6/2013'])).toBe(false);
  });
});
