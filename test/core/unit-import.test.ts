import { describe, expect, it } from 'vitest';
import { parseUnitList } from '../../src/core/org/unit-import.ts';

describe('parseUnitList', () => {
  it.each([
    ['CSV with a header', 'code,name\nHD01,Huyện Đoàn A\nHD02,Huyện Đoàn B', 'list.csv', ['HD01', 'HD02']],
    ['semicolons and a parent', 'HD01; Huyện Đoàn A; TINH\n\n# comment\nHD02;Huyện Đoàn B', 'list.csv', ['HD01', 'HD02']],
    ['YAML list', '- code: HD01\n  name: Huyện Đoàn A\n- code: 7\n  name: Đoàn trường', 'units.yaml', ['HD01', '7']],
    ['YAML under "units"', 'units:\n  - { code: X1, name: Một }', 'units.yml', ['X1']],
  ])('reads %s', (_label, text, file, codes) => {
    const result = parseUnitList(text, file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.units.map((u) => u.code)).toEqual(codes);
  });

  it.each([
    ['a bad code', 'HD 01,Tên', 'units.problem_code', 2],
    ['a missing name', 'code,name\nHD01,Tên\nHD02', 'units.problem_name', 3],
    ['nothing', '\n# only a comment\n', 'units.problem_empty', 1],
  ])('names the line of %s', (_label, text, problemKey, line) => {
    const result = parseUnitList(text.startsWith('HD 01') ? `code,name\n${text}` : text, 'list.csv');
    expect(result).toEqual({ ok: false, line, problemKey });
  });

  it('refuses YAML that is not a list of units', () => {
    expect(parseUnitList('- name: no code', 'u.yaml')).toMatchObject({ ok: false, problemKey: 'units.problem_yaml' });
  });
});
