import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { LANGS, Translator } from '../../../src/i18n/translator.ts';

/** A pino logger that keeps its records in memory, so tests can check what was (not) logged. */
export function memoryLogger(): { logger: Logger; records: { level: number; msg: string }[] } {
  const records: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void records.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { logger, records };
}

/** A port free on 127.0.0.1 right now (the webhook URL must be known before the adapter listens). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A translator holding only the `zalo` namespace, so these tests never read other teams' locale files. */
export function zaloTranslator(): Translator {
  const translator = new Translator();
  for (const lang of LANGS) {
    const file = fileURLToPath(new URL(`../../../locales/${lang}/zalo.json`, import.meta.url));
    translator.add(lang, 'zalo', JSON.parse(readFileSync(file, 'utf8')));
  }
  return translator;
}
