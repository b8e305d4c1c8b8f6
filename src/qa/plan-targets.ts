import type { PlanDocument } from './plan-document.ts';
import { foldText } from './vietnamese-text.ts';

/**
 * A measurable target the plan sets: "mỗi cơ sở Đoàn tổ chức ít nhất 02 buổi sinh hoạt chuyên đề" (per unit,
 * 2 buổi), "phấn đấu toàn tỉnh vận động ít nhất 1.500 đơn vị máu" (province, 1,500), "100% chi đoàn học
 * tập nghị quyết" (a share, 100%). `unsure` says what the reader could not settle, for the leader to check.
 */
export interface PlanTarget {
  scope: 'unit' | 'province' | 'share';
  value: number;
  /** The counted thing, as written after the number: "buổi sinh hoạt chuyên đề", "đơn vị máu". */
  subject: string;
  /** The measure word of the count ("buổi", "đơn vị máu"), or "%" for a share. */
  measure: string;
  /** The action before the number ("tổ chức", "vận động"), if any. */
  verb?: string;
  /** Who each unit is for a per-unit target ("cơ sở Đoàn"). */
  who?: string;
  sentence: string;
  section: string | null;
  unsure?: 'scope' | 'measure' | 'subject';
}

const NUMBER = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?`;
const COUNT = new RegExp(
  String.raw`(?:(ít nhất|tối thiểu|không dưới|không ít hơn|trên|từ)\s+)?${NUMBER}\s+([\p{L}][^,;:.()%\d]{1,90})`,
  'giu',
);
const SHARE = new RegExp(String.raw`(\d{1,3}(?:,\d+)?)\s*%\s+(?:(?:các|số|tổng số)\s+)?([\p{L}][^;:.()%\d]{2,120})`, 'giu');
const TRIGGER = /(ít nhất|tối thiểu|phấn đấu|chỉ tiêu|mỗi|không dưới|không ít hơn|đạt)/iu;
const PROVINCE = /(toàn tỉnh|toàn thành phố|cả tỉnh|toàn huyện|toàn xã|toàn phường|toàn quận|toàn đoàn|phấn đấu)/iu;
const EACH =
  /\bmỗi\s+([\p{L}\s]{2,40}?)\s+(?=(?:phải\s+|cần\s+|đều\s+)?(?:tổ chức|thực hiện|có|xây dựng|duy trì|tham gia|vận động|ra quân|triển khai|đăng ký|hỗ trợ|trao|tặng|trồng|giới thiệu|kết nạp|thu hút|đạt|ít nhất|tối thiểu))/iu;
const NOT_A_COUNT = /^(năm|tháng|ngày|giờ|phút|tuổi|lần thứ|điều|khoản|mục|kỳ|đợt\s+\d)/iu;
const BEFORE_NOT_COUNT = /(ngày|tháng|năm|số|điều|khoản|mục|giai đoạn|lần thứ|khóa|nhiệm kỳ|quyết định|kế hoạch)\s*$/iu;
const VERBS = [
  'tổ chức',
  'thực hiện',
  'xây dựng',
  'duy trì',
  'vận động',
  'tham gia',
  'ra quân',
  'triển khai',
  'đăng ký',
  'hỗ trợ',
  'trao',
  'tặng',
  'trồng',
  'giới thiệu',
  'kết nạp',
  'thu hút',
  'hiến',
  'thành lập',
  'có',
];
/** Measure words, longest first so "đơn vị máu" wins over "đơn vị". */
const MEASURES = [
  'đơn vị máu',
  'lượt người',
  'lượt đoàn viên',
  'phần quà',
  'suất quà',
  'công trình',
  'phần việc',
  'ngày công',
  'câu lạc bộ',
  'đội hình',
  'chương trình',
  'hoạt động',
  'mô hình',
  'sáng kiến',
  'triệu đồng',
  'tỷ đồng',
  'đoàn viên',
  'thanh niên',
  'chi đoàn',
  'cây xanh',
  'bài viết',
  'tin bài',
  'buổi',
  'lượt',
  'người',
  'suất',
  'đợt',
  'cây',
  'km',
  'hộ',
  'tấn',
  'cuộc',
  'lớp',
  'giải',
  'điểm',
  'tuyến',
  'căn',
].sort((a, b) => b.length - a.length);
const SUBJECT_END = /\s+(?:nhằm|để|trong năm|trong đó|trong kỳ|trở lên|trên địa bàn|với|cho|góp phần)\b.*$/iu;

/** Reads the plan's measurable targets, in document order, each with its sentence and section. */
export function extractPlanTargets(doc: PlanDocument): PlanTarget[] {
  const found: PlanTarget[] = [];
  const seen = new Set<string>();
  const visit = (sentence: string, section: string | null) => {
    for (const target of [...sharesIn(sentence, section), ...countsIn(sentence, section)]) {
      const key = `${target.scope}|${foldText(target.subject)}|${target.value}`;
      if (!seen.has(key)) found.push(target);
      seen.add(key);
    }
  };
  for (const block of doc.preamble) for (const s of block.sentences) visit(s.normalize('NFC'), null);
  for (const section of doc.sections) {
    // A short numbered item is read as a heading: its words may hold the target.
    visit(section.heading.normalize('NFC'), section.id);
    for (const block of section.blocks) for (const s of block.sentences) visit(s.normalize('NFC'), section.id);
  }
  return found;
}

function sharesIn(sentence: string, section: string | null): PlanTarget[] {
  const out: PlanTarget[] = [];
  for (const m of sentence.matchAll(SHARE)) {
    const value = Number(m[1]!.replace(',', '.'));
    if (!(value > 0 && value <= 100)) continue;
    const subject = cleanSubject(m[2]!);
    if (!subject) continue;
    out.push({
      scope: 'share',
      value,
      subject,
      measure: '%',
      sentence,
      section,
      ...(subject.split(' ').length < 2 && { unsure: 'subject' as const }),
    });
  }
  return out;
}

function countsIn(sentence: string, section: string | null): PlanTarget[] {
  if (!TRIGGER.test(sentence)) return [];
  const out: PlanTarget[] = [];
  for (const m of sentence.matchAll(COUNT)) {
    const [whole, lead, intPart, fraction, rawWhat] = m;
    const at = m.index ?? 0;
    const before = sentence.slice(0, at);
    if (BEFORE_NOT_COUNT.test(before) || /[/\-]\s*$/.test(before) || /^[/\-]\d/.test(sentence.slice(at + whole.length))) continue;
    const what = cleanSubject(rawWhat!);
    if (!what || NOT_A_COUNT.test(what)) continue;
    // Without "ít nhất" and the like, a number counts only where the sentence sets a goal ("phấn đấu", "chỉ tiêu", "mỗi").
    if (!lead && !/(phấn đấu|chỉ tiêu|mỗi|đạt)/iu.test(before)) continue;
    const value = Number(intPart!.replace(/\./g, '') + (fraction ? `.${fraction}` : ''));
    if (!(value > 0)) continue;
    const each = EACH.exec(before);
    const province = PROVINCE.test(before);
    const measure = MEASURES.find((w) => what.toLowerCase() === w || what.toLowerCase().startsWith(`${w} `));
    const verb = VERBS.find((v) =>
      new RegExp(`${v}\\s*$`, 'iu').test(before.replace(/\s*(ít nhất|tối thiểu|không dưới|không ít hơn|trên|từ)\s*$/iu, '')),
    );
    out.push({
      scope: each ? 'unit' : 'province',
      value,
      subject: what,
      measure: measure ?? what.split(' ')[0]!,
      ...(verb && { verb }),
      ...(each && { who: each[1]!.trim() }),
      sentence,
      section,
      ...(!each && !province ? { unsure: 'scope' as const } : !measure ? { unsure: 'measure' as const } : {}),
    });
  }
  return out;
}

function cleanSubject(text: string): string {
  const cut = text
    .replace(SUBJECT_END, '')
    .replace(/\s+(và|hoặc)\s*$/iu, '')
    .trim();
  const all = cut.split(/\s+/);
  let kept = all.slice(0, 12).join(' ');
  // A subject cut by the word limit ends at its last comma rather than in the middle of a phrase.
  if (all.length > 12 && kept.includes(',')) kept = kept.slice(0, kept.lastIndexOf(','));
  return kept.replace(/[\s,"“”'’]+$/u, '');
}
