import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/qa/date-mentions.ts';
import { readPlanDocument } from '../../src/qa/index.ts';
import { SEED_2013, SEED_2021, readSeed } from './helpers.ts';

describe('dates', () => {
  it('finds numeric, written-out and ranged dates', () => {
    const found = findDates('từ ngày 15/01 - 24/01/2026, họp ngày 24 tháng 01 năm 2026 và 10-6-2013');
    expect(found.map((d) => [d.date, d.rangeWith])).toEqual([
      ['2026-01-15', 'next'],
      ['2026-01-24', 'previous'],
      ['2026-01-24', undefined],
      ['2013-06-10', undefined],
    ]);
  });

  it('skips days that do not exist and phone numbers', () => {
    expect(findDates('ngày 31/2/2026, điện thoại 04.6263 1934')).toEqual([]);
  });

  it('turns "gửi trước ngày" into a deadline with what is due, who sends and where to', () => {
    const doc = readSeed(SEED_2013);
    const deadline = doc.facts.dates.find((d) => d.date === '2013-06-10');
    expect(deadline).toMatchObject({
      role: 'deadline',
      what: 'báo cáo công tác quốc tế thanh niên 06 tháng đầu năm 2013 gửi trước ngày 10/6/2013',
      section: 'III.2',
      who: 'Huyện thành Đoàn, Đoàn trực thuộc',
      whoLevels: ['district', 'affiliated'],
    });
    expect(deadline?.to).toContain('Tỉnh Đoàn');
    expect(doc.facts.dates.find((d) => d.date === '2013-06-15')).toMatchObject({ role: 'deadline', whoLevels: ['province'] });
  });

  it('marks the issue date of a cited document', () => {
    const doc = readSeed(SEED_2021);
    expect(doc.facts.dates).toEqual([expect.objectContaining({ date: '2021-04-19', role: 'issued' })]);
  });
});

describe('contacts', () => {
  const doc = readSeed(SEED_2013);

  it('finds e-mail addresses with their owner', () => {
    const emails = doc.facts.contacts.filter((c) => c.kind === 'email').map((c) => [c.value, c.owner]);
    expect(emails).toEqual([
      ['qttntwd@googlegroups.com', 'Ban Quốc tế'],
      ['bandoankettinhdoan@gmail.com', 'Ban Đoàn kết Tỉnh Đoàn'],
    ]);
  });

  it('finds the phone number and the postal address as written', () => {
    expect(doc.facts.contacts.find((c) => c.kind === 'phone')?.value).toBe('04.6263 1934');
    expect(doc.facts.contacts.find((c) => c.kind === 'address')).toMatchObject({
      value: 'số 62 Bà Triệu, Hoàn Kiếm, Hà Nội',
      owner: 'Ban Quốc tế',
    });
  });

  it('finds a bracketed address after the office it belongs to', () => {
    const text =
      'KẾ HOẠCH\nThu quà\n-----\nI. TỔ CHỨC\n- Các đơn vị gửi quà về Văn phòng Đoàn xã (tầng 2, nhà văn hóa thôn Đông, xã An Bình) trước ngày 07/02/2026.';
    const address = readPlanDocument(text).facts.contacts.find((c) => c.kind === 'address');
    expect(address).toMatchObject({ value: 'tầng 2, nhà văn hóa thôn Đông, xã An Bình', owner: 'Văn phòng Đoàn xã' });
  });
});

describe('references to other documents', () => {
  it('reads type, number and subject, once per document', () => {
    const refs = readSeed(SEED_2013).facts.references;
    expect(refs.map((r) => [r.type, r.code])).toEqual([
      ['Hướng dẫn', '01-HD/QTTN'],
      ['Chỉ thị', '04-CT/TW'],
      ['Kế hoạch', '379-KH/TWĐTN'],
    ]);
    expect(refs[0]?.text).toBe('Hướng dẫn số 01-HD/QTTN ngày 04/3/2013 của Ban Quốc tế Thanh niên Trung ương Đoàn');
    expect(refs[2]?.text).toContain('về thực hiện Chỉ thị 04-CT/TW');
  });

  it('reads codes with spaces and a type known only from the code', () => {
    const doc = readPlanDocument('KẾ HOẠCH\nX\n-----\nThực hiện các văn bản: số 330/KH-UBND ngày 07/12/2025; Quyết định số 01 - QĐ/ĐTN.');
    expect(doc.facts.references.map((r) => [r.type, r.code])).toEqual([
      ['Kế hoạch', '330/KH-UBND'],
      ['Quyết định', '01-QĐ/ĐTN'],
    ]);
  });
});

describe('duties of each level', () => {
  it('reads what each level must do under "TỔ CHỨC THỰC HIỆN"', () => {
    const duties = readSeed(SEED_2021).facts.duties;
    expect(duties.map((d) => [d.unit, d.levels, d.section])).toEqual([
      ['Tỉnh đoàn', ['province'], 'III.1'],
      ['Đoàn cấp huyện', ['district'], 'III.2'],
    ]);
    expect(duties[1]?.tasks).toHaveLength(2);
  });
});
