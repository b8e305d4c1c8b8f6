import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Translator, type Lang } from '../../src/i18n/translator.ts';
import { PlanIndex, readPlanDocument, type PlanDocument, type TextFn } from '../../src/qa/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The two seed plans of the project, copied as fixtures. */
export const SEED_2013 = fixture('seed-2013-ninh-thuan.txt');
export const SEED_2021 = fixture('seed-2021-kien-giang.txt');
/** The sample plan shipped with the demo bundle (written for the project, no real unit). */
export const DEMO_2027 = fileURLToPath(new URL('../../flows/demo-2027/plan.txt', import.meta.url));

export function readSeed(path: string): PlanDocument {
  return readPlanDocument(readFileSync(path, 'utf8'), path.split('/').pop());
}

const translator = Translator.fromDirectory(fileURLToPath(new URL('../../locales', import.meta.url)));

export function textFn(lang: Lang = 'vi'): TextFn {
  return (key, params) => translator.t(lang, key, params);
}

const indexes = new Map<string, PlanIndex>();
export function seedIndex(path: string): PlanIndex {
  let index = indexes.get(path);
  if (!index) indexes.set(path, (index = PlanIndex.build(readSeed(path))));
  return index;
}

/** NFC, lower case, single spaces: how the evaluation compares answers. */
export function norm(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}
