import { describe, expect, it } from 'vitest';
import { readPlanBuffer, readPlanDocument, UnsupportedDocumentError } from '../../src/qa/index.ts';
import { SEED_2013, SEED_2021, readSeed } from './helpers.ts';
import { documentText } from '../../src/qa/reading/document-text.ts';
import { docxOf, pdfOf } from './document-files.ts';

describe('reading the seed plans', () => {
  it('reads the title, the numbered sections and the recipients of the 2013 plan', () => {
    const doc = readSeed(SEED_2013);
    expect(doc.header.docType).toBe('KẾ HOẠCH');
    expect(doc.header.title).toBe('Triển khai thực hiện Công tác quốc tế thanh niên năm 2013');
    expect(doc.header.issuer).toEqual(['Ban Thường vụ Tỉnh Đoàn']);
    expect(doc.sections.filter((s) => s.depth === 1).map((s) => s.id)).toEqual(['I', 'II', 'III']);
    const district = doc.sections.find((s) => s.id === 'III.2');
    expect(district?.heading).toBe('Huyện thành Đoàn, Đoàn trực thuộc:');
    expect(district?.parentId).toBe('III');
    expect(doc.recipients).toContain('Phòng CTTN Sở Nội vụ');
    expect(doc.signer).toBeNull();
  });

  it('reads the signer and "I/"-style headings of the 2021 plan', () => {
    const doc = readSeed(SEED_2021);
    expect(doc.signer).toEqual({ name: 'Phan Đình Nhân', roles: ['TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', 'PHÓ BÍ THƯ'] });
    expect(doc.sections.map((s) => s.id)).toEqual(['I', 'II', 'II.1', 'II.2', 'III', 'III.1', 'III.2']);
    expect(doc.preamble[0]?.text.startsWith('Căn cứ Hướng dẫn số 61-HD/TWĐTN-BQT')).toBe(true);
    expect(doc.recipients).toEqual([
      'Ban Quốc tế TWD',
      'Ban Dân vận Tỉnh ủy',
      'Thường trực Tỉnh đoàn',
      'Sở Ngoại vụ tỉnh',
      'Đoàn cấp huyện',
      'Lưu VP, Ban ĐKTHTN',
    ]);
  });

  it('splits paragraphs into sentences', () => {
    const doc = readSeed(SEED_2013);
    const block = doc.sections.find((s) => s.id === 'III.1')?.blocks[2];
    expect(block?.sentences).toHaveLength(2);
  });
});

const HEADER_DOC = [
  'THÀNH ĐOÀN HÀ NỘI',
  'BCH ĐOÀN XÃ AN BÌNH',
  '***',
  'Số: 12-KH/ĐTN\tĐOÀN TNCS HỒ CHÍ MINH',
  'An Bình, ngày 3 tháng 2 năm 2026',
  '',
  'KẾ HOẠCH',
  'Tổ chức ngày hội đọc sách',
  '-----',
  'Căn cứ tình hình thực tế, Ban Thường vụ Đoàn xã xây dựng kế hoạch như sau:',
  'I. MỤC ĐÍCH',
  '1. Mục đích',
  'Khuyến khích đoàn viên đọc sách mỗi ngày, tìm hiểu lịch sử địa phương và rèn luyện kỹ năng',
  'thuyết trình trước tập thể.',
  'a) Chi đoàn thôn',
  '+ Đăng ký trước ngày 20/02/2026.',
  'Nơi nhận:',
  '- Thành đoàn;\tTM. BAN THƯỜNG VỤ',
  '- Lưu VP.\tBÍ THƯ',
  '',
  'Nguyễn Văn An',
].join('\n');

describe('reading a document header and closing', () => {
  const doc = readPlanDocument(HEADER_DOC, 'hoi-doc-sach.txt');

  it('reads the issuing body, number, place and date', () => {
    expect(doc.header).toEqual({
      docType: 'KẾ HOẠCH',
      issuer: ['THÀNH ĐOÀN HÀ NỘI', 'BCH ĐOÀN XÃ AN BÌNH'],
      number: '12-KH/ĐTN',
      place: 'An Bình',
      date: '2026-02-03',
      title: 'Tổ chức ngày hội đọc sách',
    });
  });

  it('joins a wrapped line back into its paragraph and nests "a)" under "1."', () => {
    const purpose = doc.sections.find((s) => s.id === 'I.1');
    expect(purpose?.blocks[0]?.text).toBe(
      'Khuyến khích đoàn viên đọc sách mỗi ngày, tìm hiểu lịch sử địa phương và rèn luyện kỹ năng thuyết trình trước tập thể.',
    );
    expect(doc.sections.find((s) => s.id === 'I.1.a')?.parentId).toBe('I.1');
  });

  it('reads recipients and signer from a two-column closing', () => {
    expect(doc.recipients).toEqual(['Thành đoàn', 'Lưu VP']);
    expect(doc.signer).toEqual({ name: 'Nguyễn Văn An', roles: ['TM. BAN THƯỜNG VỤ', 'BÍ THƯ'] });
  });
});

describe('file formats', () => {
  it('reads Markdown headings and bullets', async () => {
    const md = '# KẾ HOẠCH\n\nNgày hội thanh niên\n\n## I. NỘI DUNG\n\n* Tổ chức **giải bóng đá** trước ngày 30/4/2026.\n';
    const doc = await readPlanBuffer(Buffer.from(md), 'ke-hoach.md');
    expect(doc.header.title).toBe('Ngày hội thanh niên');
    expect(doc.sections[0]?.blocks[0]).toMatchObject({ kind: 'item', text: 'Tổ chức giải bóng đá trước ngày 30/4/2026.' });
  });

  it('reads a Word document (.docx) paragraph by paragraph', async () => {
    const docx = await docxOf(['KẾ HOẠCH', 'Ngày hội thanh niên', 'I. NỘI DUNG', '- Tổ chức giải bóng đá trước ngày 30/4/2026.']);
    const doc = await readPlanBuffer(docx, 'ke-hoach.docx');
    expect(doc.header.title).toBe('Ngày hội thanh niên');
    expect(doc.sections.map((s) => s.id)).toEqual(['I']);
    expect(doc.sections[0]?.blocks[0]).toMatchObject({ text: 'Tổ chức giải bóng đá trước ngày 30/4/2026.' });
  });

  it('reads the text of a PDF, line by line', async () => {
    const text = await documentText(pdfOf(['KE HOACH', 'Ngay hoi thanh nien', 'I. NOI DUNG']), 'ke-hoach.pdf');
    expect(text.split('\n').map((line) => line.trim())).toEqual(['KE HOACH', 'Ngay hoi thanh nien', 'I. NOI DUNG']);
  });

  it('refuses a format it cannot read', async () => {
    await expect(readPlanBuffer(Buffer.from('x'), 'plan.doc')).rejects.toBeInstanceOf(UnsupportedDocumentError);
  });
});
