/** One uploaded file of a multipart/form-data body. */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/** Fields and files of a multipart/form-data body. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

/**
 * A minimal multipart/form-data parser (RFC 7578), enough for what telegraf sends: parts with a
 * Content-Disposition header naming the field and, for files, the file name.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const result: MultipartBody = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break; // closing delimiter
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // The part runs from after the CRLF that follows the delimiter to before the CRLF preceding the next one.
    addPart(result, body.subarray(partStart + 2, next - 2));
    start = next;
  }
  return result;
}

function addPart(result: MultipartBody, part: Buffer): void {
  const headerEnd = part.indexOf('\r\n\r\n');
  if (headerEnd === -1) return;
  const headers = part.subarray(0, headerEnd).toString('utf8');
  const content = part.subarray(headerEnd + 4);
  const disposition = headers.split('\r\n').find((line) => /^content-disposition\s*:/i.test(line)) ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return;
  const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  if (fileName === undefined) result.fields[name] = content.toString('utf8');
  else result.files[name] = { fileName, content: Buffer.from(content) };
}
