import { foldText } from './fold.ts';

/**
 * Words that may stand next to a number in an answer without changing it, folded (no diacritics):
 * units people write after a figure ("12 buổi", "300 lượt người", "1,5 triệu đồng") and a few words of
 * estimation before it ("khoảng 30": an estimate is what the officer reports, so it is read as 30).
 * Words of comparison ("hơn 30", "gần 30", "trên 30") are deliberately absent: they are not a figure.
 */
const KNOWN_WORDS = [
  // units (Vietnamese)
  'đồng vnd vnđ người buổi lượt câu lạc bộ clb đội nhóm hoạt động chương trình đợt lần cuộc',
  'thành viên đoàn viên hội viên thanh niên thiếu nhi học sinh sinh viên cán bộ tình nguyện viên',
  'em bạn quốc gia nước đơn vị cơ sở công trình phần suất mô hình lớp ứng viên thí sinh',
  // units (English)
  'dong people persons person sessions session times members member clubs club countries country',
  'participants participant activities activity units unit volunteers candidates',
  // estimation
  'khoảng chừng tầm ước tính xấp xỉ about around approximately approx roughly',
].flatMap((line) => line.split(' ').map(foldText));

const KNOWN = new Set(KNOWN_WORDS);

/** The folded words of a phrase, e.g. the question's unit "lượt người" → ["luot", "nguoi"]. */
export function phraseWords(phrase: string): string[] {
  return foldText(phrase)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** True when a folded word may follow (or, for estimation, precede) a number. */
export function isKnownNumberCompanion(word: string): boolean {
  return KNOWN.has(word);
}
