import { describe, expect, it } from 'vitest';
import { PlanIndex, readPlanDocument } from '../../src/qa/index.ts';
import { textFn } from './helpers.ts';

/** A small plan written for this test: an organizing committee with three sub-committees. */
const PLAN = `KẾ HOẠCH
Tổ chức hội trại thanh niên năm 2030

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tạo sân chơi lành mạnh cho đoàn viên.
2. Yêu cầu
- Tổ chức an toàn, tiết kiệm.
II. BAN TỔ CHỨC
1. Tiểu ban nội dung
- Ông: Nguyễn Văn A – Trưởng ban
2. Tiểu ban hậu cần
- Bà: Trần Thị B – Trưởng ban
3. Tiểu ban truyền thông
- Ông: Lê Văn C – Trưởng ban
`;

const index = PlanIndex.build(readPlanDocument(PLAN, 'hoi-trai.txt'));
const ask = (q: string): string => index.answer(q, 'vi', textFn('vi')).text;

describe('sections named by their heading', () => {
  it('counts sibling sections named alike', () => {
    const text = ask('Có mấy tiểu ban?');
    expect(text).toContain('Có 3 mục');
    for (const name of ['Tiểu ban nội dung', 'Tiểu ban hậu cần', 'Tiểu ban truyền thông']) expect(text).toContain(name);
  });

  it('gives the n-th of them', () => {
    expect(ask('tiểu ban thứ hai gồm ai')).toContain('Trần Thị B');
  });

  it('prefers the heading named whole over a longer one', () => {
    const text = ask('Yêu cầu là gì?');
    expect(text).toContain('an toàn, tiết kiệm');
    expect(text).not.toContain('sân chơi');
  });
});
