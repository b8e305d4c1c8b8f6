import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

export type Params = Record<string, string | number>;
type Catalog = Map<string, string>;

/** Turns any language code ("vi-VN", "en_US", undefined) into a supported language. */
export function toLang(code: string | undefined | null): Lang {
  const base = (code ?? '').toLowerCase().slice(0, 2);
  return base === 'en' ? 'en' : 'vi';
}

/**
 * Looks up user-facing text by key ("core.help.title") in `locales/<lang>/<namespace>.json`.
 * Missing English text falls back to Vietnamese; a missing key returns the key itself, so a
 * mistake shows up in the chat instead of crashing. `{name}` placeholders are filled from params.
 */
export class Translator {
  private readonly catalogs = new Map<Lang, Catalog>(LANGS.map((l) => [l, new Map()]));

  /** Loads every `<dir>/<lang>/<namespace>.json`. */
  static fromDirectory(dir: string): Translator {
    const translator = new Translator();
    translator.loadDirectory(dir);
    return translator;
  }

  loadDirectory(dir: string): void {
    for (const lang of LANGS) {
      const langDir = join(dir, lang);
      if (!existsSync(langDir)) continue;
      for (const file of readdirSync(langDir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const data: unknown = JSON.parse(readFileSync(join(langDir, file), 'utf8'));
        this.add(lang, basename(file, '.json'), data);
      }
    }
  }

  /** Adds a nested object of texts under a namespace (later additions win). */
  add(lang: Lang, namespace: string, data: unknown): void {
    const catalog = this.catalogs.get(lang);
    if (!catalog) return;
    const walk = (prefix: string, value: unknown): void => {
      if (typeof value === 'string') catalog.set(prefix, value.normalize('NFC'));
      else if (Array.isArray(value)) catalog.set(prefix, value.join('\n').normalize('NFC'));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
      }
    };
    walk(namespace, data);
  }

  /** Every key of a language's catalog (for checks over all texts). */
  keys(lang: Lang): string[] {
    return [...(this.catalogs.get(lang)?.keys() ?? [])];
  }

  has(key: string, lang: Lang = DEFAULT_LANG): boolean {
    return this.catalogs.get(lang)?.has(key) === true || this.catalogs.get(DEFAULT_LANG)?.has(key) === true;
  }

  t(lang: Lang, key: string, params: Params = {}): string {
    const template = this.catalogs.get(lang)?.get(key) ?? this.catalogs.get(DEFAULT_LANG)?.get(key) ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
  }
}
