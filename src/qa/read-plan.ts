import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PlanDocument } from './plan-document.ts';
import { extractFacts } from './facts/extract.ts';
import { readClosing } from './reading/closing.ts';
import { readHeader } from './reading/header.ts';
import { prepareLines } from './reading/lines.ts';
import { readSections } from './reading/sections.ts';
import { documentText } from './reading/document-text.ts';

/** Committees that issue plans, as named in "TM. BAN THƯỜNG VỤ …" or "Ban Thường vụ Tỉnh Đoàn ban hành …". */
const ISSUING_BODY =
  /((?:Ban Thường vụ|Ban Chấp hành|Ban Bí thư|Thường trực|BTV|BCH|UBND|Ủy ban nhân dân)(?:\s+\p{Lu}[\p{L}]*)+)\s+(?:ban hành|xây dựng|triển khai)/u;

/** The issuing body when the document has no header: from the signature ("TM. …") or the preamble. */
function issuerFromText(signerRoles: readonly string[], preamble: string): string | null {
  const onBehalf = signerRoles.find((r) => /^(?:TM|T\/M)\.?\s*/u.test(r));
  if (onBehalf) return onBehalf.replace(/^(?:TM|T\/M)\.?\s*/u, '');
  return ISSUING_BODY.exec(preamble)?.[1] ?? null;
}

/** Reads a plan from its text (.txt or .md content): structure, closing and facts. */
export function readPlanDocument(text: string, fileName?: string): PlanDocument {
  const { header, body } = readHeader(prepareLines(text, fileName));
  const closing = readClosing(body, 0);
  const { preamble, sections } = readSections(body.slice(0, closing.start));
  if (header.issuer.length === 0) {
    const issuer = issuerFromText(closing.signer?.roles ?? [], preamble.map((b) => b.text).join(' '));
    if (issuer) header.issuer.push(issuer);
  }
  return {
    fileName: fileName ?? null,
    header,
    preamble,
    sections,
    recipients: closing.recipients,
    signer: closing.signer,
    facts: extractFacts(preamble, sections),
  };
}

/** Reads a plan from a file's bytes; the format comes from the file name (.txt .md .docx .pdf). */
export async function readPlanBuffer(buffer: Buffer, fileName: string): Promise<PlanDocument> {
  return readPlanDocument(await documentText(buffer, fileName), fileName);
}

/** Reads a plan file (.txt .md .docx .pdf). */
export async function readPlanFile(path: string): Promise<PlanDocument> {
  return readPlanBuffer(await readFile(path), basename(path));
}
