import type { PlanHeader } from '../plan-document.ts';
import { DOCUMENT_TITLES } from '../vocabulary.ts';
import { collapseSpaces, foldText } from '../vietnamese-text.ts';
import { NUMBER_HEADING, ROMAN_HEADING, SEPARATOR } from './lines.ts';
import { isoDate } from '../date-mentions.ts';

/** Header lines that name the whole organization or the state, not the issuing committee. */
const MOTTOS = ['doan tncs ho chi minh', 'cong hoa xa hoi chu nghia viet nam', 'doc lap - tu do - hanh phuc', 'dang cong san viet nam'];
const PLACE_DATE = /^(.{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const NUMBER_LINE = /^Số\s*[:.]?\s*(.*)$/iu;
/** Words that open the body of a plan ("Thực hiện…", "Căn cứ…"): the title ends before them. */
const BODY_START = /^(Thực hiện|Căn cứ|Nhằm|Theo|Trên cơ sở|Được sự|Qua|Để|Xét)(?!\p{L})/iu;
const HEADER_SCAN = 25;
/** "V/v đăng ký đội hình …": the subject line of a công văn, which has no document type line. */
const SUBJECT_LINE = /^V\/v\.?\s*:?\s*(\S.*)$/iu;
/** "Kính gửi: …": to whom a công văn is addressed. */
const ADDRESSEES = /^Kính\s+gửi\s*:?\s*(.*)$/iu;

export interface HeaderResult {
  header: PlanHeader;
  /** The lines after the header and title, the first one possibly shortened (text after a separator). */
  body: string[];
}

function isUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

function cells(line: string): string[] {
  return line
    .split(/\t+|\s{3,}/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function readTopLines(lines: readonly string[], header: PlanHeader): void {
  for (let i = 0; i < lines.length; i++) {
    const lineCells = cells(lines[i] ?? '');
    for (const [k, cell] of lineCells.entries()) {
      const folded = foldText(collapseSpaces(cell));
      const number = NUMBER_LINE.exec(cell);
      const placeDate = PLACE_DATE.exec(cell);
      if (number) {
        // The number may sit in the next column or on the next line: "Số:      - KH/ĐTN".
        const next = [lineCells[k + 1] ?? '', (lines[i + 1] ?? '').trim()].find((c) => c.includes('/') && c.length < 30) ?? '';
        const value = number[1]?.trim() || next;
        header.number = value ? collapseSpaces(value) : null;
        if (value && value === lineCells[k + 1]) lineCells.splice(k + 1, 1);
      } else if (placeDate) {
        header.place = placeDate[1]?.trim() ?? null;
        header.date = isoDate(Number(placeDate[2]), Number(placeDate[3]), Number(placeDate[4]));
      } else if (/^[-–—_*=]+$/.test(cell) || MOTTOS.includes(folded)) {
        continue;
      } else if (isUpperCase(cell) && !header.number) {
        header.issuer.push(collapseSpaces(cell));
      }
    }
  }
}

/** Reads the title lines after the document type; returns the title and where the body starts. */
function readTitle(lines: readonly string[], from: number): { title: string | null; body: string[] } {
  const title: string[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const separator = SEPARATOR.exec(line);
    if (separator) {
      const rest = separator[1]?.trim() ?? '';
      return { title: title.length ? title.join(' ') : null, body: [...(rest ? [rest] : []), ...lines.slice(i + 1)] };
    }
    if (!line) {
      if (title.length) break;
      continue;
    }
    if (BODY_START.test(line) || ROMAN_HEADING.test(line) || NUMBER_HEADING.test(line) || title.length >= 4 || line.length > 250) break;
    title.push(line);
  }
  return { title: title.length ? collapseSpaces(title.join(' ')) : null, body: lines.slice(i) };
}

/**
 * A công văn: the header above its subject line ("V/v …"), the subject as title, and the addressees
 * ("Kính gửi: …", one line or the "-" lines under it).
 */
function readLetterHeader(lines: readonly string[], subjectAt: number, header: PlanHeader): HeaderResult {
  readTopLines(lines.slice(0, subjectAt), header);
  header.docType = 'CÔNG VĂN';
  const subject = [SUBJECT_LINE.exec((lines[subjectAt] ?? '').trim())?.[1] ?? ''];
  let i = subjectAt + 1;
  // The subject may wrap onto the next line(s), up to a blank line or "Kính gửi".
  for (; i < lines.length && i < subjectAt + 3; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line || ADDRESSEES.test(line) || BODY_START.test(line) || SEPARATOR.test(line)) break;
    subject.push(line);
  }
  header.title = collapseSpaces(subject.join(' '));
  const body = [...lines.slice(i)];
  const at = body.findIndex((l) => ADDRESSEES.test(l.trim()));
  if (at >= 0 && at < 6) {
    const first = ADDRESSEES.exec((body[at] ?? '').trim())?.[1]?.trim() ?? '';
    const addressees = first ? [first] : [];
    let end = at + 1;
    for (; end < body.length && /^\s*[-–+•]\s*\S/u.test(body[end] ?? ''); end++)
      addressees.push((body[end] ?? '').trim().replace(/^[-–+•]\s*/u, ''));
    header.addressees = addressees.map((a) => collapseSpaces(a).replace(/[.;,]+$/u, '')).filter(Boolean);
    body.splice(at, end - at);
  }
  return { header, body };
}

/**
 * Reads the document header: issuing body, number, place and date above the document type
 * ("KẾ HOẠCH"), then the title below it. A text without a document type line has no header.
 */
export function readHeader(lines: readonly string[]): HeaderResult {
  const header: PlanHeader = { docType: null, issuer: [], number: null, place: null, date: null, title: null };
  const typeAt = lines.slice(0, HEADER_SCAN).findIndex((line) => DOCUMENT_TITLES.has(foldText(collapseSpaces(line))));
  if (typeAt < 0) {
    const subjectAt = lines.slice(0, HEADER_SCAN).findIndex((line) => SUBJECT_LINE.test(line.trim()));
    if (subjectAt >= 0) return readLetterHeader(lines, subjectAt, header);
    readTopLines(
      lines.slice(0, 6).filter((l) => PLACE_DATE.test(l.trim()) || NUMBER_LINE.test(l.trim())),
      header,
    );
    return { header, body: [...lines] };
  }
  header.docType = collapseSpaces(lines[typeAt] ?? '');
  readTopLines(lines.slice(0, typeAt), header);
  // Some headers put the place and date under the document type.
  if (!header.date)
    readTopLines(
      lines.slice(typeAt + 1, typeAt + 3).filter((l) => PLACE_DATE.test(l.trim())),
      header,
    );
  const { title, body } = readTitle(lines, typeAt + 1);
  header.title = title;
  return { header, body };
}
