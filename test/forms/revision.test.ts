import { describe, expect, it } from 'vitest';
import { restoreState, startForm, step, type FormState } from '../../src/flow/form-engine.ts';
import type { FormSpec } from '../../src/flow/form-spec.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { revisionChanges } from '../../src/core/forms/form-preview.ts';
import { formFromXlsx } from '../../src/xlsform/form-xlsx.ts';
import { buildXlsx } from './workbook.ts';

const translator = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);

async function workbook(version: number, rows: (string | undefined)[][]): Promise<FormSpec> {
  const result = await formFromXlsx(
    await buildXlsx({
      survey: [['type', 'name', 'label', 'required', 'relevant'], ...rows],
      settings: [
        ['form_title', 'form_id', 'version'],
        ['Báo cáo tháng', 'bao-cao-thang', String(version)],
      ],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

describe('a form revised while a period is open', () => {
  it('keeps the answers of questions whose name did not change, and asks the new ones', async () => {
    const first = await workbook(1, [
      ['integer', 'so_buoi', 'Số buổi?', 'yes'],
      ['integer', 'so_nguoi', 'Số người?', 'yes', '${so_buoi} > 0'],
      ['text', 'ghi_chu', 'Ghi chú?', 'yes'],
    ]);
    let state: FormState = startForm(first);
    for (const text of ['4', '120']) state = step(first, state, { kind: 'text', text }, vi).state;
    expect(state.answers).toEqual({ so_buoi: 4, so_nguoi: 120 });

    const second = await workbook(2, [
      ['integer', 'so_buoi', 'Số buổi sinh hoạt chuyên đề?', 'yes'],
      ['integer', 'so_luot', 'Số lượt người?', 'yes', '${so_buoi} > 0'],
      ['integer', 'so_clb', 'Số câu lạc bộ?', 'yes'],
      ['text', 'ghi_chu', 'Ghi chú?', 'no'],
    ]);
    expect(revisionChanges(first, second)).toEqual({ kept: ['so_buoi', 'ghi_chu'], dropped: ['so_nguoi'], added: ['so_luot', 'so_clb'] });
    // The state was written for revision 1: it is not restored as is, the answers whose names stay are kept.
    expect(restoreState(second, state)).toBeNull();
    const resumed = startForm(second, state.answers);
    expect(resumed.answers).toEqual({ so_buoi: 4 });
    expect(resumed.current).toBe('so_luot');
    const done = ['130', '2', 'bỏ qua'].reduce((s, text) => step(second, s, { kind: 'text', text }, vi).state, resumed);
    expect(done.phase).toBe('review');
    expect(done.answers).toEqual({ so_buoi: 4, so_luot: 130, so_clb: 2, ghi_chu: null });
  });

  it('drops a kept name’s answer that no longer fits its new type', async () => {
    const first = await workbook(1, [['text', 'muc_do', 'Mức độ?', 'yes']]);
    const second = await workbook(2, [['integer', 'muc_do', 'Mức độ (điểm)?', 'yes']]);
    const state = step(first, startForm(first), { kind: 'text', text: 'tốt' }, vi).state;
    expect(startForm(second, state.answers).answers).toEqual({});
  });
});
