import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

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
      return (await mammoth.extractRawText({ buffer })).value;
    case 'pdf': {
      const pdf = await getDocumentProxy(new Uint8Array(buffer));
      const { text } = await extractText(pdf, { mergePages: true });
      return text;
    }
    case null:
      throw new UnsupportedDocumentError(fileName);
  }
}
