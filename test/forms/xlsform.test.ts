import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { printExpression } from '../../src/flow/expression/print-expression.ts';
import { startForm, step, type FormState } from '../../src/flow/form-engine.ts';
import { parseFormSpec, type FormSpec, type QuestionSpec } from '../../src/flow/form-spec.ts';
import { sayText } from '../../src/flow/form-text.ts';
import { xlsIssueText } from '../../src/flow/xlsform/issue-text.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { formFromXlsx, formToXlsx } from '../../src/xlsform/form-xlsx.ts';
import { UnreadableWorkbookError } from '../../src/xlsform/read-xlsx.ts';
import { buildXlsx, type Sheets } from './workbook.ts';

const translator = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const en = (key: string, params?: Record<string, string | number>) => translator.t('en', key, params);

async function load(sheets: Sheets): Promise<FormSpec> {
  const result = await formFromXlsx(await buildXlsx(sheets));
  if (!result.ok) throw new Error(result.issues.map((i) => xlsIssueText(i, vi)).join('\n'));
  return result.spec;
}

async function errors(sheets: Sheets): Promise<string[]> {
  const result = await formFromXlsx(await buildXlsx(sheets));
  if (result.ok) throw new Error('the workbook was accepted');
  return result.issues.map((i) => xlsIssueText(i, vi));
}

/** What a person sees of a question in both languages, and what the engine does with it. */
function view(spec: FormSpec, q: QuestionSpec) {
  const kindOf = (name: string) => spec.questions.find((x) => x.id === name)?.type;
  const both = (text: Parameters<typeof sayText>[0] | undefined) => text && [sayText(text, vi), sayText(text, en)];
  return {
    id: q.id,
    type: q.type,
    required: q.required,
    prompt: both(q.prompt),
    label: both(q.label),
    help: both(q.help),
    when: q.when && printExpression(q.when, kindOf),
    constraint: q.constraint && printExpression(q.constraint, kindOf),
    constraintMessage: both(q.constraintMessage),
    ...(q.type === 'integer' || q.type === 'decimal'
      ? { unit: both(q.unit), min: q.min, max: q.max, target: q.target, provinceTarget: q.provinceTarget }
      : {}),
    ...(q.type === 'text' ? { maxLength: q.maxLength } : {}),
    ...(q.type === 'single_choice' || q.type === 'multi_choice' ? { options: q.options.map((o) => [o.id, ...both(o.label)!]) } : {}),
  };
}

function run(spec: FormSpec, inputs: string[], lang: 'vi' | 'en' = 'vi'): { state: FormState; said: string[] } {
  const t = lang === 'vi' ? vi : en;
  let state = startForm(spec);
  const said: string[] = [];
  for (const text of inputs) {
    const result = step(spec, state, { kind: 'text', text }, t);
    state = result.state;
    said.push(result.messages.map((m) => ('text' in m ? m.text : '')).join('\n'));
  }
  return { state, said };
}

const yamlForm = parseFormSpec(parse(readFileSync('flows/_forms/qttn-report.yaml', 'utf8')), 'qttn-report.yaml', (k) => translator.has(k));

describe('the shipped form as a workbook', () => {
  it('flows/_forms/qttn-report.xlsx loads to the same questions as the YAML form', async () => {
    const result = await formFromXlsx(readFileSync('flows/_forms/qttn-report.xlsx'));
    if (!result.ok) throw new Error(result.issues.map((i) => xlsIssueText(i, vi)).join('\n'));
    expect(result.spec.questions.map((q) => view(result.spec, q))).toEqual(yamlForm.questions.map((q) => view(yamlForm, q)));
    expect([result.spec.id, result.spec.revision, sayText(result.spec.title, vi)]).toEqual([
      yamlForm.id,
      yamlForm.revision,
      vi(String(yamlForm.title)),
    ]);
  });

  it('is what the script writes today (regenerate with npm run -s form:xlsx -- flows/_forms/qttn-report.yaml)', async () => {
    const fresh = await formFromXlsx(await formToXlsx(yamlForm, vi, en));
    const shipped = await formFromXlsx(readFileSync('flows/_forms/qttn-report.xlsx'));
    expect(fresh).toEqual(shipped);
  });
});

const BILINGUAL: Sheets = {
  survey: [
    [
      'type',
      'name',
      'label::Tiếng Việt (vi)',
      'label::English (en)',
      'hint::Tiếng Việt (vi)',
      'required',
      'relevant',
      'constraint',
      'constraint_message::Tiếng Việt (vi)',
      'constraint_message::English (en)',
      'target',
      'province_target',
    ],
    ['start', 'start'],
    ['note', 'intro', 'Báo cáo công tác Đoàn quý', 'Quarterly report'],
    [
      'integer',
      'so_buoi',
      'Số buổi sinh hoạt chuyên đề?',
      'Thematic sessions held?',
      'Chưa tổ chức thì gõ 0.',
      'yes',
      undefined,
      '. >= 0',
      undefined,
      undefined,
      2,
    ],
    [
      'integer',
      'so_nguoi',
      'Số lượt đoàn viên tham dự?',
      'Attendances?',
      undefined,
      'yes',
      '${so_buoi} > 0',
      '. >= ${so_buoi}',
      'Số người dự phải ít nhất bằng số buổi.',
      'Attendances must be at least the sessions.',
    ],
    [
      'decimal',
      'don_vi_mau',
      'Số đơn vị máu vận động được?',
      'Blood units collected?',
      undefined,
      'yes',
      undefined,
      undefined,
      undefined,
      undefined,
      5,
      1500,
    ],
    ['select_one yes_no', 'co_can_bo', 'Có cán bộ phụ trách không?', 'An officer in charge?', undefined, 'yes'],
    ['begin_group', 'giao_luu', 'Giao lưu', 'Exchanges', undefined, undefined, "${co_can_bo} = 'yes'"],
    ['select_multiple nuoc', 'nuoc', 'Giao lưu với nước nào?', 'With which countries?', undefined, 'yes'],
    [
      'integer',
      'so_nuoc_khac',
      'Bao nhiêu nước khác?',
      'How many other countries?',
      undefined,
      'no',
      "selected(${nuoc}, 'khac') and count-selected(${nuoc}) >= 1",
    ],
    ['end_group'],
    ['select_one muc', 'muc_do', 'Mức độ hoàn thành?', 'Completion?', undefined, 'yes', 'not(${don_vi_mau} = 0)'],
    ['text', 'ghi_chu', 'Ghi chú', 'Notes', undefined, 'no'],
  ],
  choices: [
    ['list_name', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)'],
    ['yes_no', 'yes', 'Có', 'Yes'],
    ['yes_no', 'no', 'Không', 'No'],
    ['nuoc', 'lao', 'Lào', 'Laos'],
    ['nuoc', 'campuchia', 'Campuchia', 'Cambodia'],
    ['nuoc', 'khac', 'Nước khác', 'Other'],
    ['muc', '1', 'Tốt', 'Good'],
    ['muc', '2', 'Chưa tốt', 'Not good'],
  ],
  settings: [
    ['form_title::Tiếng Việt (vi)', 'form_title::English (en)', 'form_id', 'version', 'default_language'],
    ['Báo cáo quý', 'Quarterly report', 'bao_cao_quy', 2024031501, 'Tiếng Việt (vi)'],
  ],
};

describe('reading XLSForm workbooks', () => {
  it('reads every supported type, expression, group, note and target of a bilingual workbook', async () => {
    const spec = await load(BILINGUAL);
    expect(spec.id).toBe('bao-cao-quy');
    expect(spec.revision).toBe(2024031501);
    expect(sayText(spec.title, en)).toBe('Quarterly report');
    expect(spec.questions.map((q) => [q.id, q.type, q.required])).toEqual([
      ['so_buoi', 'integer', true],
      ['so_nguoi', 'integer', true],
      ['don_vi_mau', 'decimal', true],
      ['co_can_bo', 'yes_no', true],
      ['nuoc', 'multi_choice', true],
      ['so_nuoc_khac', 'integer', false],
      ['muc_do', 'single_choice', true],
      ['ghi_chu', 'text', false],
    ]);
    const byId = (id: string) => spec.questions.find((q) => q.id === id)!;
    expect(byId('so_buoi')).toMatchObject({ target: 2, intro: { vi: 'Báo cáo công tác Đoàn quý', en: 'Quarterly report' } });
    expect(byId('don_vi_mau')).toMatchObject({ target: 5, provinceTarget: 1500 });
    expect(byId('nuoc').when).toEqual({ field: 'co_can_bo', op: 'eq', value: true });
    expect(byId('so_nuoc_khac').when).toEqual({
      all: [
        { field: 'co_can_bo', op: 'eq', value: true },
        { selected: { of: { field: 'nuoc' }, option: 'khac' } },
        { compare: { left: { countSelected: { field: 'nuoc' } }, op: 'gte', right: { value: 1 } } },
      ],
    });
    expect(byId('muc_do')).toMatchObject({ options: [{ id: '1' }, { id: '2' }] });
  });

  it('asks the workbook’s questions in the officer’s language, with its rules and messages', async () => {
    const spec = await load(BILINGUAL);
    const viRun = run(spec, ['3', '2', '3', '10', 'có', '1, 3', '2', '1', 'bỏ qua']);
    expect(viRun.said[0]).toContain('Số lượt đoàn viên tham dự?');
    expect(viRun.said[1]).toContain('Số người dự phải ít nhất bằng số buổi.');
    expect(viRun.state.phase).toBe('review');
    expect(viRun.state.answers).toEqual({
      so_buoi: 3,
      so_nguoi: 3,
      don_vi_mau: 10,
      co_can_bo: true,
      nuoc: ['lao', 'khac'],
      so_nuoc_khac: 2,
      muc_do: '1',
      ghi_chu: null,
    });
    const enRun = run(spec, ['0', '10', 'no', '2'], 'en');
    expect(enRun.said[0]).toContain('Blood units collected?');
    expect(enRun.said[2]).toContain('Completion?');
    expect(enRun.state.answers).toEqual({ so_buoi: 0, don_vi_mau: 10, co_can_bo: false, muc_do: '2' });
  });

  it('reads a Vietnamese-only workbook (plain label column); English readers see the Vietnamese', async () => {
    const spec = await load({
      survey: [
        ['type', 'name', 'label', 'required'],
        ['integer', 'so_chi_doan', 'Số chi đoàn đã học tập nghị quyết?', 'yes'],
        ['select_one yn', 'xong', 'Đã hoàn thành chưa?', 'yes'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Rồi'],
        ['yn', 'no', 'Chưa'],
      ],
    });
    expect(spec.questions[0]?.prompt).toEqual({ vi: 'Số chi đoàn đã học tập nghị quyết?' });
    expect(spec.questions[1]?.type).toBe('yes_no');
    expect(run(spec, [], 'en').said).toEqual([]);
    const first = step(spec, startForm(spec), { kind: 'text', text: '4' }, en);
    expect(first.messages.map((m) => ('text' in m ? m.text : '')).join('\n')).toContain('Đã hoàn thành chưa?');
  });

  it('refuses a bad workbook whole, each mistake naming sheet, row and column in Vietnamese', async () => {
    const found = await errors({
      survey: [
        ['type', 'name', 'label', 'required', 'relevant', 'constraint', 'target'],
        ['integer', 'so_buoi', 'Số buổi?', 'yes'],
        ['integer', 'so_buoi', 'Lặp tên', 'yes'],
        ['text', 'Ten Sai', 'Tên sai'],
        ['date', 'ngay', 'Ngày?'],
        ['select_one khong_co', 'x', 'Chọn?'],
        ['integer', 'b', 'B?', 'maybe'],
        ['integer', 'c', 'C?', 'yes', undefined, '. >= ${so_buoi', 'nhiều'],
        ['text', 'd', 'D?', 'no', undefined, undefined, 5],
        ['integer', 'e', undefined, 'yes', '${e} > 1'],
        ['select_one ds', 'f', 'F?', 'yes', "${so_buoi} = 'abc'"],
        ['integer', 'g', 'G?', 'yes', '${so_doan_vien} > 0'],
        ['integer', 'h', 'H?', 'yes', "selected(${f}, 'z')"],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['ds', 'a', 'A'],
        ['ds', 'a', 'A lặp'],
        ['ds', 'b', undefined],
      ],
      settings: [
        ['form_title', 'form_id', 'version'],
        ['Thử', 'Mẫu Sai!', 'v2'],
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'survey, dòng 3, cột name: tên «so_buoi» đã dùng ở dòng 2',
        'survey, dòng 4, cột name: tên «Ten Sai» không dùng được: chỉ gồm chữ thường không dấu, chữ số và dấu _, bắt đầu bằng chữ cái',
        expect.stringMatching(/^survey, dòng 5, cột type: loại «date» không dùng được/),
        'survey, dòng 6, cột type: không có danh sách lựa chọn «khong_co» trong trang choices',
        'survey, dòng 7, cột required: «maybe» không phải có/không (ghi yes hoặc no)',
        expect.stringMatching(/^survey, dòng 8, cột constraint: biểu thức sai cú pháp/),
        'survey, dòng 8, cột target: «nhiều» không phải là một số',
        'survey, dòng 9, cột target: chỉ câu hỏi kiểu số (integer, decimal) mới có chỉ tiêu',
        'survey, dòng 10, cột label: thiếu nội dung câu hỏi',
        'survey, dòng 12, cột relevant: không có câu hỏi tên ${so_doan_vien}',
        'choices, dòng 3, cột name: lựa chọn «a» đã có trong danh sách «ds» ở dòng 2',
        'choices, dòng 4, cột label: lựa chọn «b» thiếu nhãn',
        'settings, dòng 2, cột form_id: «Mẫu Sai!» không dùng được làm mã biểu mẫu: chỉ gồm chữ thường không dấu, chữ số và dấu -',
        'settings, dòng 2, cột version: «v2» không phải là số phiên bản (một số nguyên dương)',
      ]),
    );
    for (const line of found) expect(line).toMatch(/^(survey|choices|settings), dòng \d+, cột [a-z_:]+/);
  });

  it('checks types and order of the conditions of an otherwise good workbook, at their cells', async () => {
    const found = await errors({
      survey: [
        ['type', 'name', 'label', 'relevant', 'constraint'],
        ['integer', 'a', 'A?', '${b} > 0'],
        ['select_one ds', 'b', 'B?', undefined, '. > 3'],
        ['integer', 'c', 'C?', "selected(${b}, 'z')", '. >= ${b}'],
        ['text', 'd', 'D?', '. > 1'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['ds', 'x', 'X'],
        ['ds', 'y', 'Y'],
      ],
    });
    expect(found).toEqual(['survey, dòng 5, cột relevant: dấu «.» (chính câu trả lời) chỉ dùng trong cột constraint']);
    const typed = await errors({
      survey: [
        ['type', 'name', 'label', 'relevant', 'constraint'],
        ['integer', 'a', 'A?', '${b} > 0'],
        ['select_one ds', 'b', 'B?', undefined, '. > 3'],
        ['integer', 'c', 'C?', "selected(${b}, 'z')", '. >= ${b}'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['ds', 'x', 'X'],
        ['ds', 'y', 'Y'],
      ],
    });
    expect(typed).toEqual([
      'survey, dòng 2, cột relevant: ${b} chưa được hỏi trước câu này; relevant chỉ dùng được câu trả lời của các câu phía trên',
      'survey, dòng 3, cột constraint: không so sánh được b với 3',
      'survey, dòng 4, cột relevant: «z» không phải là lựa chọn của ${b}',
      'survey, dòng 4, cột constraint: không so sánh được c với b',
    ]);
  });

  it('refuses a file that is not a workbook, and a workbook without a survey sheet', async () => {
    await expect(formFromXlsx(Buffer.from('not a zip'))).rejects.toBeInstanceOf(UnreadableWorkbookError);
    expect(await errors({ khac: [['a'], ['b']] })).toEqual(['survey: thiếu trang tính «survey»']);
  });

  it('offers a default answer, taken with «mặc định» or its button, and refuses a default that does not fit', async () => {
    const spec = await load({
      survey: [
        ['type', 'name', 'label', 'required', 'default'],
        ['integer', 'so_buoi', 'Số buổi?', 'yes', 0],
        ['select_one muc', 'muc_do', 'Mức độ?', 'yes', 'tot'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['muc', 'tot', 'Tốt'],
        ['muc', 'kha', 'Khá'],
      ],
    });
    const first = run(spec, []);
    expect(first.state.current).toBe('so_buoi');
    const asked = step(spec, first.state, { kind: 'text', text: 'mặc định' }, vi);
    expect(asked.state.answers).toEqual({ so_buoi: 0 });
    const question = asked.messages.find((m) => m.type === 'choices');
    expect(question && question.type === 'choices' && question.choices.map((c) => c.id)).toEqual(['opt:tot', 'opt:kha', 'default']);
    const done = step(spec, asked.state, { kind: 'choice', id: 'default' }, vi);
    expect(done.state.answers).toEqual({ so_buoi: 0, muc_do: 'tot' });
    expect(
      await errors({
        survey: [
          ['type', 'name', 'label', 'default'],
          ['select_one muc', 'muc_do', 'Mức độ?', 'xuat_sac'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['muc', 'tot', 'Tốt'],
          ['muc', 'kha', 'Khá'],
        ],
      }),
    ).toEqual(['survey, dòng 2, cột default: giá trị mặc định "xuat_sac" không phải là câu trả lời hợp lệ của câu này']);
  });

  it('writes a form read from a workbook back to the same form', async () => {
    const spec = await load(BILINGUAL);
    const again = await formFromXlsx(await formToXlsx(spec, vi, en));
    if (!again.ok) throw new Error('not read back');
    expect(again.spec.questions.map((q) => view(again.spec, q))).toEqual(spec.questions.map((q) => view(spec, q)));
  });
});
