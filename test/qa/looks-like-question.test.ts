import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from '../../src/qa/index.ts';

describe('looksLikeQuestion', () => {
  it.each([
    'Hạn nộp báo cáo 6 tháng là ngày nào?',
    'han nop bao cao 6 thang',
    'nộp báo cáo ở đâu',
    'email ban doan ket la gi',
    'ai ký kế hoạch',
    'huyện đoàn có phải nộp không',
    'bao nhieu don vi tham gia',
    'Cho hỏi địa chỉ Ban Quốc tế',
    'khi nao het han',
  ])('reads "%s" as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['xin chào', 'ok', '12', 'Đã nộp rồi nhé', '/baocao', '', 'Cảm ơn anh'])('does not read "%s" as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
