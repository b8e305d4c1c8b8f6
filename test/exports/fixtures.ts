import { Translator, type Lang } from '../../src/i18n/translator.ts';
import { loadBundle } from '../../src/plan-bundle/load-bundle.ts';
import type { FormSpec } from '../../src/flow/form-spec.ts';
import type { AnswerMap, Period, ReportRevision, Unit } from '../../src/core/domain/types.ts';
import type { ReportData, UnitReport } from '../../src/core/exports/report-data.ts';

export const translator = Translator.fromDirectory('locales');
export const bundle = loadBundle('flows/demo-2027', { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (k) => translator.has(k) });
export const ZONE = 'Asia/Ho_Chi_Minh';

export function tr(lang: Lang = 'vi') {
  return (key: string, params?: Record<string, string | number>) => translator.t(lang, key, params);
}

export function period(index: number): Period {
  const def = bundle.periods[index];
  if (!def) throw new Error(`no period ${index}`);
  return { ...def, version: 1, planId: bundle.id };
}

export function unit(code: string, name: string, parentCode = 'TINH'): Unit {
  return { code, name, parentCode, createdAt: '2027-01-01T00:00:00.000Z' };
}

export function revision(periodId: string, unitCode: string, answers: AnswerMap, opts: Partial<ReportRevision> = {}): ReportRevision {
  return {
    periodId,
    unitCode,
    revision: 1,
    answers,
    submittedBy: { personId: `p-${unitCode}`, name: `Cán bộ ${unitCode}`, channel: 'telegram' },
    submittedAt: '2027-11-08T03:00:00.000Z',
    late: false,
    ...opts,
  };
}

export function unitReport(u: Unit, revisions: ReportRevision[], parentName = 'Tỉnh Đoàn'): UnitReport {
  return { unit: u, parentName, latest: revisions.at(-1) ?? null, revisions };
}

/** Three units: one on time (two revisions), one late, one missing; a previous period where two reported. */
export function sampleData(form: FormSpec = bundle.form, lang: Lang = 'vi'): ReportData {
  const current = period(1);
  const previous = period(0);
  const a = unit('HD01', 'Huyện Đoàn Ninh Hải');
  const b = unit('HD02', 'Đoàn phường Ỷ La');
  const c = unit('HD03', 'Huyện Đoàn Quỳnh Lưu');
  const a1 = revision(current.id, 'HD01', {
    propaganda_sessions: 10,
    propaganda_participants: 500,
    clubs: 2,
    club_members: 40,
    highlights: 'Giao lưu với thanh niên Lào',
  });
  const a2 = revision(
    current.id,
    'HD01',
    {
      propaganda_sessions: 12,
      propaganda_participants: 640,
      clubs: 3,
      club_members: 61,
      international_resources: 12.5,
      officer_assigned: true,
      highlights: 'Giao lưu với thanh niên Lào tại cửa khẩu',
      difficulties: 'Thiếu kinh phí',
      proposals: '=Đề nghị Tỉnh Đoàn hỗ trợ tài liệu',
    },
    { revision: 2, submittedAt: '2027-11-10T02:30:00.000Z' },
  );
  const b1 = revision(
    current.id,
    'HD02',
    {
      propaganda_sessions: 5,
      propaganda_participants: 210,
      clubs: 1,
      club_members: 20,
      international_resources: 3.25,
      officer_assigned: false,
      proposals: 'Mở lớp tiếng Anh cho cán bộ Đoàn',
    },
    { late: true, submittedAt: '2027-11-12T01:00:00.000Z', submittedBy: { personId: 'p-b', name: 'Nguyễn Thị Ỷ', channel: 'zalo' } },
  );
  return {
    planTitle: lang === 'en' ? bundle.title.en : bundle.title.vi,
    period: current,
    previous: {
      period: previous,
      latest: new Map([
        ['HD01', revision(previous.id, 'HD01', { propaganda_sessions: 8, propaganda_participants: 400, clubs: 2 })],
        ['HD02', revision(previous.id, 'HD02', { propaganda_sessions: 4, propaganda_participants: 100, clubs: 0 })],
      ]),
    },
    units: [unitReport(a, [a1, a2]), unitReport(b, [b1]), unitReport(c, [])],
    form,
    province: { code: 'TINH', name: 'Tỉnh Đoàn Ninh Thuận' },
    signer: { title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn A' },
    zone: ZONE,
    lang,
    generatedAt: '2027-11-14T02:00:00.000Z',
  };
}
