/** The file formats a plan document may come in. */
export type DocumentFormat = 'txt' | 'md' | 'docx' | 'pdf';

/** The format of a file, by its name; null when it is not one we read. */
export function documentFormat(fileName: string): DocumentFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  return null;
}

/** Thrown for a file whose format cannot be read (e.g. ".doc", ".xls"). */
export class UnsupportedDocumentError extends Error {
  constructor(readonly fileName: string) {
    super(`Unsupported plan document format: ${fileName}`);
    this.name = 'UnsupportedDocumentError';
  }
}

/** The plain text of a document: UTF-8 text as is, .docx through mammoth, .pdf through unpdf. */
export async function documentText(buffer: Buffer, fileName: string): Promise<string> {
  switch (documentFormat(fileName)) {
    case 'txt':
    case 'md':
      return buffer.toString('utf8').replace(/^\uFEFF/, '');
    case 'docx':
      return docxText(buffer);
    case 'pdf':
      return pdfText(buffer);
    case null:
      throw new UnsupportedDocumentError(fileName);
  }
}

/*
 * The two readers are loaded on first use, here and nowhere else: most processes never read a plan
 * document, and loaded at start they (with exceljs) cost an idle bot 10–15 MB (README "Performance").
 */

async function docxText(buffer: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  return (await mammoth.extractRawText({ buffer })).value;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}
