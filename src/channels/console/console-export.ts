import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Where the console puts files the bot sends (exports, reports), relative to the working directory. */
export const DEFAULT_EXPORT_DIR = join('data', 'exports');

/**
 * Writes a file the bot sent into `dir` (created when missing) and returns its path.
 * Only the base name is used, so a file name can never point outside `dir`. Written synchronously (a
 * few kilobytes) so that the line naming the file is printed in turn with the texts around it.
 */
export async function saveExport(dir: string, fileName: string, content: Buffer): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, basename(fileName) || 'file');
  writeFileSync(path, content);
  return path;
}
