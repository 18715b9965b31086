// The interface's words: every key defined once per language (a second definition silently replaces the
// first when the parts are merged — "camp.reminders" once made the reminder-days field read "Gửi nhắc nhở
// ngay"), and Vietnamese and English complete, with the same keys and the same {placeholders}.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/web/i18n/en.ts';
import { vi } from '../../../src/web/i18n/vi.ts';

const DIR = path.resolve(import.meta.dirname, '../../../src/web/i18n');

/** Keys as written in the dictionary files of one language, with the file each comes from. */
function definitions(lang: 'vi' | 'en'): [key: string, file: string][] {
  const files = fs.readdirSync(DIR).filter((f) => f === `${lang}.ts` || f.startsWith(`${lang}-`));
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(DIR, file), 'utf8')
      .split('\n')
      .flatMap((line) => {
        const m = /^ {2}(?:'([^']+)'|([A-Za-z_][\w]*)): /.exec(line);
        return m ? [[m[1] ?? m[2]!, file] as [string, string]] : [];
      }),
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: no key is defined twice`, () => {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const [key, file] of definitions(lang)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${file})`);
        seen.set(key, file);
      }
      expect(twice).toEqual([]);
    });
  }

  it('Vietnamese and English have the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
  });

  it('each translation keeps the placeholders of the Vietnamese text', () => {
    const differ = Object.entries(vi).filter(
      ([k, v]) => placeholders(v).join() !== placeholders((en as Record<string, string>)[k] ?? '').join(),
    );
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('no text is empty', () => {
    expect(
      Object.entries(vi)
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k),
    ).toEqual([]);
    expect(
      Object.entries(en)
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k),
    ).toEqual([]);
  });
});
