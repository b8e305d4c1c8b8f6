import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { provinceReportBytes } from '../../src/exports/province-report.ts';
import { bundle, sampleData, tr } from './fixtures.ts';
import type { FormSpec } from '../../src/flow/form-spec.ts';

async function text(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value.normalize('NFC');
}

describe('the province report draft', () => {
  it('has the administrative header, the title and the five sections in order, then recipients and signature', async () => {
    const doc = await text(await provinceReportBytes(sampleData(), tr()));
    const order = [
      'BCH ĐOÀN TỈNH NINH THUẬN',
      'Số: …-BC/TĐTN',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Ninh Thuận, ngày 14 tháng 11 năm 2027',
      'BÁO CÁO',
      'Công tác quốc tế thanh niên năm 2027',
      'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. KẾT QUẢ NỔI BẬT',
      'IV. KHÓ KHĂN, VƯỚNG MẮC',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      'TM. BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Văn A',
    ];
    const positions = order.map((s) => doc.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(order.filter((_, i) => positions[i]! < 0)),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('states completeness and the totals with the change on the previous period, in prose and in the table', async () => {
    const doc = await text(await provinceReportBytes(sampleData(), tr()));
    expect(doc).toContain('có 2/3 đơn vị đã gửi báo cáo');
    expect(doc).toContain('1 đơn vị gửi đúng hạn, 1 đơn vị gửi trễ hạn; 1 đơn vị chưa báo cáo');
    expect(doc).toContain('Đơn vị chưa báo cáo: Huyện Đoàn Quỳnh Lưu.');
    // 12 + 5 sessions, previous 8 + 4: up 5 (41,7 %)
    expect(doc).toContain('Buổi tuyên truyền, sinh hoạt chuyên đề về đối ngoại, hội nhập: 17 buổi; tăng 5 (41,7%) so với kỳ trước.');
    // 12,5 + 3,25 million VND, in Vietnamese number writing
    expect(doc).toMatch(/Nguồn lực quốc tế vận động được: 15,75 /);
    const table = doc.slice(doc.indexOf('Bảng tổng hợp số liệu'));
    expect(table).toMatch(/Kết quả\s+Kỳ trước/);
    expect(table).toMatch(/Buổi tuyên truyền[^\n]*\n+buổi\n+17\n+12/);
  });

  it('gathers highlights, difficulties and proposals from the units, each attributed', async () => {
    const doc = await text(await provinceReportBytes(sampleData(), tr()));
    const section = (from: string, to: string) => doc.slice(doc.indexOf(from), doc.indexOf(to));
    expect(section('III.', 'IV.')).toContain('Giao lưu với thanh niên Lào tại cửa khẩu (Huyện Đoàn Ninh Hải).');
    expect(section('IV.', 'V. ĐỀ')).toContain('Thiếu kinh phí (Huyện Đoàn Ninh Hải).');
    const proposals = section('V. ĐỀ', 'Nơi nhận');
    expect(proposals).toContain('=Đề nghị Tỉnh Đoàn hỗ trợ tài liệu (Huyện Đoàn Ninh Hải).');
    expect(proposals).toContain('Mở lớp tiếng Anh cho cán bộ Đoàn (Đoàn phường Ỷ La).');
  });

  it('adds target and % of target when the form has targets', async () => {
    const form = {
      ...bundle.form,
      questions: bundle.form.questions.map((q) => (q.id === 'clubs' ? { ...q, target: 2 } : q)),
    } as FormSpec;
    const doc = await text(await provinceReportBytes(sampleData(form), tr()));
    // 3 + 1 clubs of a target of 3 units × 2
    expect(doc).toMatch(/: 4 câu lạc bộ; đạt 66,7% chỉ tiêu \(6 câu lạc bộ\)/);
    expect(doc).toContain('Tỷ lệ (%)');
  });

  it('is set in Times New Roman, 13 pt body and 14 pt title', async () => {
    const zip = await JSZip.loadAsync(await provinceReportBytes(sampleData(), tr()));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:sz w:val="28"\/>[\s\S]*BÁO CÁO/);
  });

  it('says so when nobody has reported yet', async () => {
    const data = sampleData();
    const doc = await text(
      await provinceReportBytes({ ...data, units: data.units.map((u) => ({ ...u, latest: null, revisions: [] })) }, tr()),
    );
    expect(doc).toContain('Chưa có đơn vị nào báo cáo nên chưa có số liệu tổng hợp.');
    expect(doc).toContain('Các đơn vị chưa nêu nội dung này.');
  });
});
