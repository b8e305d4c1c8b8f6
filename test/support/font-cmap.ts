import { readFileSync } from 'node:fs';

/**
 * The code points a TrueType font maps to a real glyph, read from its `cmap` table (format 4 for the
 * Basic Multilingual Plane, format 12 when present). Enough to check a font's coverage in a test.
 */
export function fontCoverage(path: string): (codePoint: number) => boolean {
  const font = readFileSync(path);
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error(`${path}: no cmap table`);
  const subtables = font.readUInt16BE(cmap + 2);
  const offsets = new Map<number, number>();
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    const format = font.readUInt16BE(cmap + font.readUInt32BE(record + 4));
    offsets.set(format, cmap + font.readUInt32BE(record + 4));
  }
  const format4 = offsets.get(4);
  if (format4 === undefined) throw new Error(`${path}: no format 4 cmap`);
  return (codePoint) => glyphFormat4(font, format4, codePoint) !== 0;
}

function glyphFormat4(font: Buffer, table: number, c: number): number {
  if (c > 0xffff) return 0;
  const segCount = font.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    if (c > font.readUInt16BE(ends + i * 2)) continue;
    const start = font.readUInt16BE(starts + i * 2);
    if (c < start) return 0;
    const delta = font.readInt16BE(deltas + i * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
    if (rangeOffset === 0) return (c + delta) & 0xffff;
    const glyph = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (c - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}
