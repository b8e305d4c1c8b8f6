import { describe, expect, it } from 'vitest';
import { draftForm } from '../../src/core/forms/draft-form.ts';
import { numericTotals } from '../../src/flow/form-engine.ts';
import { sayText } from '../../src/flow/form-text.ts';
import { targetProgress } from '../../src/flow/targets.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { readPlanDocument } from '../../src/qa/index.ts';
import { extractPlanTargets } from '../../src/qa/plan-targets.ts';
import { readXlsx } from '../../src/xlsform/read-xlsx.ts';
import { formFromXlsx, formToXlsx } from '../../src/xlsform/form-xlsx.ts';

const translator = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const en = (key: string, params?: Record<string, string | number>) => translator.t('en', key, params);

const PLAN = `TỈNH ĐOÀN THỬ
KẾ HOẠCH
Tổ chức Tháng Thanh niên năm 2027
I. MỤC ĐÍCH, YÊU CẦU
1. Mỗi cơ sở Đoàn tổ chức ít nhất 02 buổi sinh hoạt chuyên đề về lý tưởng cách mạng.
2. Phấn đấu toàn tỉnh vận động ít nhất 1.500 đơn vị máu tình nguyện.
3. Bảo đảm 100% chi đoàn học tập nghị quyết Đại hội Đoàn các cấp.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả trước ngày 15/6/2027 theo Hướng dẫn số 12-HD/TĐTN; toàn tỉnh hiện có 150 cơ sở Đoàn.
Tổ chức ít nhất 3 đợt ra quân.`;

describe('a draft form from the plan’s own targets', () => {
  const targets = extractPlanTargets(readPlanDocument(PLAN, 'ke-hoach.txt'));

  it('reads per-unit, province-wide and share targets, and no dates or document numbers', () => {
    expect(targets.map((t) => [t.scope, t.value, t.measure, t.unsure ?? null])).toEqual([
      ['unit', 2, 'buổi', null],
      ['province', 1500, 'đơn vị máu', null],
      ['share', 100, '%', null],
      ['province', 3, 'đợt', 'scope'],
    ]);
    expect(targets[0]).toMatchObject({ who: 'cơ sở Đoàn', verb: 'tổ chức' });
  });

  it('drafts one question per target with its target, marking what the leader must check', () => {
    const { spec, notes } = draftForm('thang-thanh-nien-2027', 'Tổ chức Tháng Thanh niên năm 2027', targets);
    const [sessions, blood, share, rounds] = spec.questions;
    expect(sessions).toMatchObject({ type: 'integer', target: 2, unit: { vi: 'buổi' } });
    expect(sayText(sessions!.prompt, vi)).toBe(
      'Trong kỳ báo cáo, đơn vị đã tổ chức được bao nhiêu buổi sinh hoạt chuyên đề về lý tưởng cách mạng?',
    );
    expect(blood).toMatchObject({ type: 'integer', provinceTarget: 1500, unit: { vi: 'đơn vị máu' } });
    expect(blood).not.toHaveProperty('target');
    expect(share).toMatchObject({ type: 'decimal', target: 100, aggregate: 'mean', min: 0, max: 100 });
    expect(notes.get(rounds!.id)).toMatch(/^CẦN XEM LẠI: không rõ là chỉ tiêu của mỗi đơn vị hay của toàn tỉnh/);
    expect(notes.get(sessions!.id)).toBe('Mục I.1: «Mỗi cơ sở Đoàn tổ chức ít nhất 02 buổi sinh hoạt chuyên đề về lý tưởng cách mạng.»');
    expect(spec.questions.slice(-2).map((q) => [q.type, q.required])).toEqual([
      ['text', false],
      ['text', false],
    ]);
    // Progress over 3 units: 2 sessions each → 6; blood against the province's 1,500; the share averaged.
    const totals = numericTotals(spec, [
      { [sessions!.id]: 3, [blood!.id]: 700, [share!.id]: 100 },
      { [sessions!.id]: 2, [blood!.id]: 500, [share!.id]: 80 },
      { [sessions!.id]: 1, [blood!.id]: 300, [share!.id]: 90 },
    ]);
    expect(targetProgress(spec, totals, 3).map((p) => [p.total, p.target, p.percent])).toEqual([
      [6, 6, 100],
      [1500, 1500, 100],
      [90, 100, 90],
      [0, 3, 0],
    ]);
  });

  it('is sent as a workbook with a draft_note column, which reads back as the same form', async () => {
    const { spec, notes } = draftForm('thang-thanh-nien-2027', 'Tháng Thanh niên', targets);
    const bytes = await formToXlsx(spec, vi, en, notes);
    const book = await readXlsx(bytes);
    const survey = book.sheets.find((s) => s.name === 'survey')!;
    expect(survey.headers).toContain('draft_note');
    expect(survey.rows.some((r) => String(r.cells.get('draft_note')).startsWith('CẦN XEM LẠI'))).toBe(true);
    const back = await formFromXlsx(bytes);
    expect(back.ok && back.spec.questions).toEqual(spec.questions);
  });
});
