import type { Signer } from '../plan-document.ts';
import { collapseSpaces } from '../vietnamese-text.ts';

const RECIPIENTS_LINE = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
/** "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "T/M …": the signature block starts here. */
const SIGN_ROLE = /^(?:(?:TM|KT|TL|TUQ|Q)\.|T\/M|K\/T|T\/L)\s*\p{Lu}/u;
/** "Người lập kế hoạch", "Người ký". */
const SIGN_LABEL = /^Người\s+(?:lập|ký|viết)(?!\p{L})/iu;
const PERSON_NAME = /^(?:(?:Ông|Bà|Đồng chí|Đ\/c)\s*:?\s*)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$/u;
const ITEM = /^[-–—+•·]\s*(.+)$/u;

export interface ClosingResult {
  recipients: string[];
  signer: Signer | null;
  /** Index of the first line of the closing (the body ends there). */
  start: number;
}

function cells(line: string): string[] {
  return line
    .split(/\t+|\s{3,}/)
    .map((c) => collapseSpaces(c))
    .filter(Boolean);
}

function isRoleLine(text: string): boolean {
  return SIGN_ROLE.test(text) || (/\p{L}/u.test(text) && text === text.toUpperCase() && text.length <= 60 && !/\d/.test(text));
}

/**
 * Finds the closing of a document ("Nơi nhận", the signature block) and reads the recipients and
 * the signer. The closing starts at the first "Nơi nhận" or "TM."-style line after `from`.
 */
export function readClosing(lines: readonly string[], from: number): ClosingResult {
  let start = lines.findIndex((line, i) => {
    if (i < from) return false;
    const t = line.trim();
    return RECIPIENTS_LINE.test(t) || SIGN_ROLE.test(t) || SIGN_LABEL.test(t);
  });
  if (start < 0) start = lines.length;
  const recipients: string[] = [];
  const roles: string[] = [];
  let name: string | null = null;
  let inRecipients = false;
  for (const line of lines.slice(start)) {
    for (const cell of cells(line)) {
      const head = RECIPIENTS_LINE.exec(cell);
      const item = ITEM.exec(cell);
      const person = PERSON_NAME.exec(cell);
      if (head) {
        inRecipients = true;
        if (head[1]) recipients.push(head[1].replace(/[;,.]+$/u, '').trim());
      } else if (item && inRecipients) {
        recipients.push((item[1] ?? '').replace(/[;,.]+$/u, '').trim());
      } else if (person && !isRoleLine(cell)) {
        name = person[1] ?? null;
        inRecipients = false;
      } else if (isRoleLine(cell)) {
        // Roles may share lines with the recipients (two columns), so they do not end the list.
        roles.push(cell);
      }
    }
  }
  return { recipients: recipients.filter(Boolean), signer: name ? { name, roles } : null, start };
}
