import type { IncomingMessage } from 'node:http';
import { parseMultipart, type UploadedFile } from './multipart.ts';

/** Parameters of one Bot API call, from the query string and a JSON, urlencoded or multipart body. */
export interface RequestParams {
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
}

/** Form fields that carry JSON, as the Bot API defines them. */
const JSON_FIELDS = new Set(['reply_markup', 'commands', 'allowed_updates', 'results', 'scope', 'media']);

export async function readRequestParams(req: IncomingMessage, url: URL): Promise<RequestParams> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  let files: Record<string, UploadedFile> = {};
  const body = await readAll(req);
  const type = req.headers['content-type'] ?? '';
  if (body.length > 0) {
    if (type.startsWith('application/json')) {
      Object.assign(params, JSON.parse(body.toString('utf8')) as Record<string, unknown>);
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
    } else if (type.startsWith('multipart/form-data')) {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
      const parsed = parseMultipart(body, boundary?.[1] ?? boundary?.[2] ?? '');
      Object.assign(params, parsed.fields);
      files = parsed.files;
    }
  }
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') params[key] = JSON.parse(value);
  }
  return { params, files };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
