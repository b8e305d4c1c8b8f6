import { describe, expect, it } from 'vitest';
import { PlanIndex, readPlanDocument } from '../../src/qa/index.ts';
import { norm, textFn } from './helpers.ts';

// Small documents written for these tests; the corpus under test/qa/corpus has whole ones.
const DECISION = `TỈNH ĐOÀN A\tĐOÀN TNCS HỒ CHÍ MINH
Số: 12-QĐ/TĐTN\tA, ngày 02 tháng 3 năm 2030

QUYẾT ĐỊNH
Ban hành Quy định về sổ đoàn viên
-----
Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định về sổ đoàn viên.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.

QUY ĐỊNH
Về sổ đoàn viên
Chương I. QUY ĐỊNH CHUNG
Điều 1. Phạm vi áp dụng
Quy định này áp dụng đối với đoàn viên trong tỉnh.
Chương II. CẤP SỔ
Điều 2. Thời hạn cấp sổ
1. Sổ được cấp trong vòng 15 ngày kể từ ngày kết nạp.
2. Sổ bị mất được cấp lại trong vòng 30 ngày.
`;

const LETTER = `TỈNH ĐOÀN A\tĐOÀN TNCS HỒ CHÍ MINH
Số: 99-CV/TĐTN\tA, ngày 12 tháng 5 năm 2030
V/v tổ chức ngày hội đọc sách

Kính gửi: Các huyện, thị, thành Đoàn.

Ban Thường vụ Tỉnh Đoàn đề nghị các đơn vị tổ chức ngày hội đọc sách trước ngày 30/5/2030.

Nơi nhận:
- Như kính gửi;
- Lưu VP.
`;

describe('documents of other genres than the kế hoạch', () => {
  it('reads a decision\'s articles ("Điều 2 Quyết định") apart from those of the regulation it issues ("Chương II", "Điều 2", "Điều 2.1")', () => {
    const doc = readPlanDocument(DECISION, 'qd.txt');
    const ids = doc.sections.map((s) => s.id);
    expect(ids).toEqual([
      'Điều 1 Quyết định',
      'Điều 2 Quyết định',
      'Quy định',
      'Chương I',
      'Điều 1',
      'Chương II',
      'Điều 2',
      'Điều 2.1',
      'Điều 2.2',
    ]);
    expect(doc.sections.find((s) => s.id === 'Điều 2.1')?.parentId).toBe('Điều 2');
    expect(doc.sections.find((s) => s.id === 'Quy định')?.heading).toBe('QUY ĐỊNH Về sổ đoàn viên');
  });

  it('answers "Điều 2 quy định gì" from the regulation\'s article and cites it as "Điều 2", not "Mục Điều 2"', () => {
    const answer = PlanIndex.build(readPlanDocument(DECISION, 'qd.txt')).answer('Điều 2 quy định gì?', 'vi', textFn('vi'));
    expect(norm(answer.text)).toContain('trong vòng 15 ngày');
    expect(answer.text).toMatch(/— Điều 2$/u);
  });

  it('reads a công văn: its subject line ("V/v …") is its title and "Kính gửi" its addressees', () => {
    const doc = readPlanDocument(LETTER, 'cv.txt');
    expect(doc.header.docType).toBe('CÔNG VĂN');
    expect(doc.header.title).toBe('tổ chức ngày hội đọc sách');
    expect(doc.header.addressees).toEqual(['Các huyện, thị, thành Đoàn']);
    const index = PlanIndex.build(doc);
    expect(norm(index.answer('Công văn về việc gì?', 'vi', textFn('vi')).text)).toContain('ngày hội đọc sách');
    const to = index.answer('Công văn gửi cho ai?', 'vi', textFn('vi')).text;
    expect(to).toContain('Kính gửi: Các huyện, thị, thành Đoàn');
    expect(to).not.toContain('Như kính gửi');
  });
});
