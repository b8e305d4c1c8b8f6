import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/qa/question.ts';

describe('what a question asks for', () => {
  it.each([
    ['Kế hoạch này gửi những cơ quan nào?', 'recipients'],
    ['Kế hoạch đêm nhạc gửi tới đâu?', 'recipients'],
    ['Những ai nhận được kế hoạch này?', 'recipients'],
    ['Kế hoạch gồm những phần nào?', 'outline'],
    ['ke hoach co may muc', 'outline'],
    ['Mục III.2 nói về gì?', 'section'],
    ['Liên hệ Ban Quốc tế qua số nào?', 'phone'],
    ['đêm nhạc tổ chức ở đâu', 'place'],
    ['chi thi 04-CT/TW ban hanh ngay nao', 'reference'],
  ])('%s → %s', (question, kind) => {
    expect(readQuestion(question).kinds[0]).toBe(kind);
  });

  it.each(['Báo cáo của Đoàn trực thuộc gửi cho ai?', 'gửi báo cáo về đâu', 'Các đơn vị gửi đăng ký suất quà về đâu?'])(
    'a report or a registration is not the plan: %s',
    (question) => {
      expect(readQuestion(question).kinds).not.toContain('recipients');
    },
  );

  it('does not take "mục tiêu" for a question about the parts of the plan', () => {
    expect(readQuestion('Kế hoạch có mấy mục tiêu?').kinds).not.toContain('outline');
  });

  it('reads section numbers, document numbers, the hour and the start of a period', () => {
    expect(readQuestion('phan ii.1 noi gi').sectionId).toBe('II.1');
    expect(readQuestion('Kế hoạch số 332/KH-UBND nói về gì?').codes).toEqual(['332/kh-ubnd']);
    expect(readQuestion('dot 1 bat dau luc may gio')).toMatchObject({ asksTime: true, datePart: 'start' });
    expect(readQuestion('Đợt 3 kết thúc ngày nào?').datePart).toBe('end');
  });
});
