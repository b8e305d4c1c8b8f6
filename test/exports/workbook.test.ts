import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { workbookBytes } from '../../src/exports/workbook.ts';
import { bundle, sampleData, tr } from './fixtures.ts';
import type { FormSpec } from '../../src/flow/form-spec.ts';

const SESSIONS = 'Buổi tuyên truyền, sinh hoạt chuyên đề về đối ngoại, hội nhập';

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const result: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => result.push((row.values as unknown[]).slice(1)));
  return result;
}

describe('the period workbook', () => {
  it('has the four sheets, named in Vietnamese', async () => {
    const workbook = await readBack(await workbookBytes(sampleData(), tr()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Ý kiến', 'Lịch sử']);
  });

  it('"Theo đơn vị": one typed row per unit, unit of measure in the header, SUM totals, frozen header and autofilter', async () => {
    const workbook = await readBack(await workbookBytes(sampleData(), tr()));
    const sheet = workbook.getWorksheet('Theo đơn vị')!;
    const header = rows(sheet)[0] as string[];
    const sessionsCol = header.indexOf('Buổi tuyên truyền, sinh hoạt chuyên đề về đối ngoại, hội nhập (buổi)') + 1;
    expect(sessionsCol).toBeGreaterThan(0);
    expect(sheet.getCell(2, 1).value).toBe('HD01');
    expect(sheet.getCell(2, 4).value).toBe('đúng hạn');
    expect(sheet.getCell(3, 4).value).toBe('trễ hạn');
    expect(sheet.getCell(4, 4).value).toBe('chưa báo cáo');
    expect(sheet.getCell(2, sessionsCol).value).toBe(12);
    expect(sheet.getCell(3, sessionsCol).value).toBe(5);
    expect(sheet.getCell(4, sessionsCol).value).toBeNull();
    const total = sheet.getCell(5, sessionsCol).value as { formula: string; result: number };
    const letter = sheet.getColumn(sessionsCol).letter;
    expect(total.formula).toBe(`SUM(${letter}2:${letter}4)`);
    expect(total.result).toBe(17);
    const money = header.findIndex((h) => h.startsWith('Nguồn lực')) + 1;
    expect(sheet.getCell(2, money).value).toBe(12.5);
    expect((sheet.getCell(5, money).value as { result: number }).result).toBe(15.75);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    // The submission time is a real date showing Vietnam's wall-clock time (09:30 for 02:30 UTC).
    const sentAt = sheet.getCell(2, 5).value as Date;
    expect(sentAt).toBeInstanceOf(Date);
    expect(sentAt.getUTCHours()).toBe(9);
    expect(sheet.getCell(3, 6).value).toBe('Nguyễn Thị Ỷ');
  });

  it('"Tổng hợp": completeness, and per figure total, measure and change on the previous period', async () => {
    const workbook = await readBack(await workbookBytes(sampleData(), tr()));
    const all = rows(workbook.getWorksheet('Tổng hợp')!);
    expect(all.find((r) => r[0] === 'Đã báo cáo')?.[1]).toBe('2/3 đơn vị (67%)');
    expect(all.find((r) => r[0] === 'Chưa báo cáo')?.[1]).toBe(1);
    const header = all.find((r) => r[0] === 'Chỉ tiêu') as string[];
    expect(header).toContain('Tăng/giảm so với kỳ trước');
    expect(header).not.toContain('Chỉ tiêu giao');
    const sessions = all.find((r) => r[0] === SESSIONS)!;
    // total 12 + 5, "buổi", 2 units, previous 8 + 4, change +5, +41.7%
    expect(sessions.slice(0, 7)).toEqual([SESSIONS, 17, 'buổi', 2, 12, 5, 41.7]);
  });

  it('targets and % of target appear when the form has them', async () => {
    const form: FormSpec = {
      ...bundle.form,
      questions: bundle.form.questions.map((q) => (q.id === 'propaganda_sessions' ? { ...q, target: 10 } : q)),
    } as FormSpec;
    const workbook = await readBack(await workbookBytes(sampleData(form), tr()));
    const all = rows(workbook.getWorksheet('Tổng hợp')!);
    const header = all.find((r) => r[0] === 'Chỉ tiêu') as string[];
    const sessions = all.find((r) => r[0] === SESSIONS)!;
    // 3 units × 10 per unit = 30; 17 / 30 = 56.7 %
    expect(sessions[header.indexOf('Chỉ tiêu giao')]).toBe(30);
    expect(sessions[header.indexOf('% so với chỉ tiêu')]).toBe(56.7);
  });

  it("a province-wide target of the form wins over the units' targets", async () => {
    const form = {
      ...bundle.form,
      questions: bundle.form.questions.map((q) => (q.id === 'propaganda_sessions' ? { ...q, target: 10, provinceTarget: 20 } : q)),
    } as FormSpec;
    const all = rows((await readBack(await workbookBytes(sampleData(form), tr()))).getWorksheet('Tổng hợp')!);
    const header = all.find((r) => r[0] === 'Chỉ tiêu') as string[];
    const sessions = all.find((r) => r[0] === SESSIONS)!;
    expect(sessions[header.indexOf('Chỉ tiêu giao')]).toBe(20);
    expect(sessions[header.indexOf('% so với chỉ tiêu')]).toBe(85);
  });

  it('"Ý kiến" holds the text answers per unit, a formula-looking text staying text', async () => {
    const workbook = await readBack(await workbookBytes(sampleData(), tr()));
    const all = rows(workbook.getWorksheet('Ý kiến')!);
    expect(all).toHaveLength(3);
    const proposals = (all[0] as string[]).findIndex((h) => h.startsWith('Đề xuất'));
    expect(all[1]![proposals]).toBe('=Đề nghị Tỉnh Đoàn hỗ trợ tài liệu');
    expect(all[2]![proposals]).toBe('Mở lớp tiếng Anh cho cán bộ Đoàn');
  });

  it('"Lịch sử" lists every revision of every unit', async () => {
    const workbook = await readBack(await workbookBytes(sampleData(), tr()));
    const all = rows(workbook.getWorksheet('Lịch sử')!).slice(1);
    expect(all.map((r) => [r[0], r[2]])).toEqual([
      ['HD01', 1],
      ['HD01', 2],
      ['HD02', 1],
    ]);
    expect(all[2]![6]).toBe('có');
  });

  it('reads in English for an English-speaking leader', async () => {
    const workbook = await readBack(await workbookBytes(sampleData(bundle.form, 'en'), tr('en')));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'By unit', 'Comments', 'Revisions']);
  });
});
