import { describe, expect, it } from 'vitest';
import { DEMO_2027, SEED_2013, SEED_2021, seedIndex, textFn } from './helpers.ts';

/** A date, an e-mail address or a phone number: what a wrong guess would put in an answer. */
const SPECIFIC = /\d{1,2}\/\d{1,2}\/\d{4}|@|\d{2,4}[.\s]\d{3,4}[.\s]?\d{3,4}/u;

/** Questions the plan does not answer: the bot says it is not sure rather than giving a fact of something else. */
const GAPS: [string, string][] = [
  [SEED_2021, 'Hạn nộp báo cáo năm là ngày nào?'],
  [SEED_2021, 'Email nhận báo cáo là gì?'],
  [SEED_2021, 'Ngày hội giao lưu tổ chức ngày nào?'],
  [SEED_2013, 'Kinh phí thực hiện kế hoạch lấy từ đâu?'],
  [SEED_2013, 'Đợt 2 diễn ra khi nào?'],
  [SEED_2013, 'Kế hoạch 999 ban hành ngày nào?'],
  [DEMO_2027, 'Số điện thoại liên hệ?'],
  [DEMO_2027, 'Ai ký kế hoạch mẫu?'],
];

describe('questions the plan does not answer', () => {
  it.each(GAPS)('%s: %s', (plan, question) => {
    const answer = seedIndex(plan).answer(question, 'vi', textFn('vi'));
    expect(answer.kind, answer.text).toBe('uncertain');
    expect(answer.text).not.toMatch(SPECIFIC);
  });
});
