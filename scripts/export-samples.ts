/**
 * Writes sample exports built from a made-up round of reports, to look at without running the bot:
 * the workbook, the province's Word draft, and the summary chart for 5 and for 150 units.
 *
 *   npm run -s exports:samples [-- <dir>]      (default data/exports/samples)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Translator } from '../src/i18n/translator.ts';
import { loadBundle } from '../src/plan-bundle/load-bundle.ts';
import type { AnswerMap, ReportRevision, Unit } from '../src/core/domain/types.ts';
import type { ReportData, UnitReport } from '../src/core/exports/report-data.ts';
import { chartModel } from '../src/core/exports/chart-model.ts';
import { workbookBytes } from '../src/exports/workbook.ts';
import { provinceReportBytes } from '../src/exports/province-report.ts';
import { renderChartPng } from '../src/exports/chart.ts';
import { numberFormatter } from '../src/core/exports/number-format.ts';

const dir = resolve(process.argv[2] ?? join('data', 'exports', 'samples'));
const translator = Translator.fromDirectory('locales');
const bundle = loadBundle('flows/demo-2027', { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (k) => translator.has(k) });
const t = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const [first, second] = bundle.periods;
if (!first || !second) throw new Error('the demo bundle has two periods');
const current = { ...second, version: 1, planId: bundle.id };
const previous = { ...first, version: 1, planId: bundle.id };

function unit(code: string, name: string, parentCode = 'TINH'): Unit {
  return { code, name, parentCode, createdAt: '2027-01-01T00:00:00.000Z' };
}

function revision(periodId: string, code: string, answers: AnswerMap, n = 1, late = false, day = 8): ReportRevision {
  const submittedAt = `2027-11-${String(day).padStart(2, '0')}T02:30:00.000Z`;
  return {
    periodId,
    unitCode: code,
    revision: n,
    answers,
    submittedBy: { personId: code, name: `Bí thư ${code}`, channel: 'telegram' },
    submittedAt,
    late,
  };
}

const fiveUnits: [Unit, AnswerMap | null, boolean][] = [
  [
    unit('PRTC', 'Thành Đoàn Phan Rang – Tháp Chàm'),
    {
      propaganda_sessions: 14,
      propaganda_participants: 1260,
      clubs: 4,
      club_members: 96,
      exchange_activities: 2,
      exchange_participants: 140,
      exchange_countries: ['laos'],
      youth_abroad: 35,
      event_volunteers: 40,
      english_olympiad: 22,
      international_resources: 45.5,
      officer_assigned: true,
      highlights: 'Tổ chức giao lưu văn hóa với lưu học sinh Lào đang học tập tại tỉnh',
      proposals: 'Đề nghị Tỉnh Đoàn mở lớp tập huấn kỹ năng đối ngoại cho cán bộ Đoàn cơ sở',
    },
    false,
  ],
  [
    unit('NHAI', 'Huyện Đoàn Ninh Hải'),
    {
      propaganda_sessions: 8,
      propaganda_participants: 640,
      clubs: 2,
      club_members: 45,
      exchange_activities: 0,
      youth_abroad: 120,
      event_volunteers: 12,
      english_olympiad: 9,
      international_resources: 0,
      officer_assigned: true,
      difficulties: 'Thiếu cán bộ có ngoại ngữ, kinh phí tổ chức hoạt động còn hạn chế',
    },
    false,
  ],
  [
    unit('YLA', 'Đoàn phường Ỷ La'),
    {
      propaganda_sessions: 3,
      propaganda_participants: 180,
      clubs: 1,
      club_members: 25,
      exchange_activities: 1,
      exchange_participants: 30,
      exchange_countries: ['cambodia'],
      youth_abroad: 14,
      event_volunteers: 6,
      english_olympiad: 4,
      international_resources: 2.5,
      officer_assigned: false,
      proposals: 'Hỗ trợ tài liệu tuyên truyền song ngữ',
    },
    true,
  ],
  [unit('NPHUOC', 'Huyện Đoàn Ninh Phước'), null, false],
  [
    unit('DKCQ', 'Đoàn Khối Các cơ quan tỉnh'),
    {
      propaganda_sessions: 5,
      propaganda_participants: 410,
      clubs: 1,
      club_members: 30,
      exchange_activities: 0,
      youth_abroad: 0,
      event_volunteers: 25,
      english_olympiad: 0,
      international_resources: 0,
      officer_assigned: true,
      highlights: 'Cử 25 đoàn viên làm tình nguyện viên tại Hội nghị xúc tiến đầu tư của tỉnh',
    },
    false,
  ],
];

const reports: UnitReport[] = fiveUnits.map(([u, answers, late], i) => {
  if (!answers) return { unit: u, parentName: 'Tỉnh Đoàn Ninh Thuận', latest: null, revisions: [] };
  const revs = [revision(current.id, u.code, answers, 1, late, late ? 12 : 6 + i)];
  if (i === 0) revs.unshift(revision(current.id, u.code, { ...answers, propaganda_sessions: 12 }, 1, false, 5));
  revs.forEach((r, n) => (r.revision = n + 1));
  return { unit: u, parentName: 'Tỉnh Đoàn Ninh Thuận', latest: revs.at(-1)!, revisions: revs };
});

const data: ReportData = {
  planTitle: bundle.title.vi,
  period: current,
  previous: {
    period: previous,
    latest: new Map(
      fiveUnits.slice(0, 4).map(([u], i) => [
        u.code,
        revision(previous.id, u.code, {
          propaganda_sessions: 6 + i,
          propaganda_participants: 400 + 100 * i,
          clubs: 1 + (i % 2),
          club_members: 30,
          event_volunteers: 10,
        }),
      ]),
    ),
  },
  units: reports,
  form: bundle.form,
  province: { code: 'TINH', name: 'Tỉnh Đoàn Ninh Thuận' },
  signer: { title: 'Phó Bí thư', name: 'Nguyễn Văn An' },
  zone: 'Asia/Ho_Chi_Minh',
  lang: 'vi',
  generatedAt: '2027-11-14T02:00:00.000Z',
};

const districts = ['Ninh Hải', 'Ninh Phước', 'Ninh Sơn', 'Thuận Bắc', 'Thuận Nam', 'Bác Ái', 'Phan Rang – Tháp Chàm'];
const many: UnitReport[] = Array.from({ length: 150 }, (_, i) => {
  const code = `XA${String(i + 1).padStart(3, '0')}`;
  const parentName = `Huyện Đoàn ${districts[i % districts.length]}`;
  const u = unit(code, `Đoàn xã ${code}`, 'P');
  if (i % 6 === 0) return { unit: u, parentName, latest: null, revisions: [] };
  const rev = revision(
    current.id,
    code,
    { propaganda_sessions: 1 + (i % 4), propaganda_participants: 40 + i, clubs: i % 3 === 0 ? 1 : 0, event_volunteers: i % 5 },
    1,
    i % 7 === 2,
  );
  return { unit: u, parentName, latest: rev, revisions: [rev] };
});

const main = async (): Promise<void> => {
  mkdirSync(dir, { recursive: true });
  const format = numberFormatter('vi');
  const files: [string, Buffer][] = [
    ['bang-tong-hop.xlsx', await workbookBytes(data, t)],
    ['bao-cao-tinh.docx', await provinceReportBytes(data, t)],
    ['bieu-do-5-don-vi.png', renderChartPng(chartModel(data, t, format))],
    ['bieu-do-150-don-vi.png', renderChartPng(chartModel({ ...data, units: many, previous: undefined }, t, format))],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), content);
    console.log(join(dir, name));
  }
};

await main();
