// The interface's words: every key defined once per language (a second definition silently replaces the
// first when the parts are merged — "camp.reminders" once made the reminder-days field read "Gửi nhắc nhở
// ngay"; eslint's no-dupe-keys catches a repeat inside one file, this test a repeat across files), and
// Vietnamese and English complete — file by file, with the same keys and the same {placeholders} — and every
// code the server sends instead of a sentence (issue 14 §6) has its words in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/web/i18n/en.ts';
import { vi } from '../../../src/web/i18n/vi.ts';
import {
  SUBMISSION_NOTICE_CODES,
  SUBMISSION_PROBLEM_CODES,
  TIMING_NOTE_CODES,
  describeTiming,
  judgeSubmission,
  timingNoteOf,
} from '../../../src/core/campaign/index.ts';
import { ERROR_CODES } from '../../../src/contract/error-codes.ts';
import { INBOX_CAMPAIGN_ACTIONS, INBOX_TASK_KINDS } from '../../../src/contract/inbox.ts';
import { RESULTS_UNAVAILABLE_REASONS } from '../../../src/contract/dashboard-pages.ts';
import {
  COUNCIL_POSITION_LABELS,
  COUNCIL_POSITIONS,
  DECISION_PROBLEM_CODES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REVIEW_REASON_LABELS,
  REVIEW_REASONS,
} from '../../../src/core/appraisal/index.ts';
import {
  EVIDENCE_RULE_LABELS,
  FRAMEWORK_FILE_PROBLEM_CODES,
  FRAMEWORK_PROBLEM_CODES,
} from '../../../src/core/framework/index.ts';
import {
  FIGURE_IMPORT_PROBLEM_CODES,
  FORM_IMPORT_PROBLEM_CODES,
  UNIT_IMPORT_PROBLEM_CODES,
  USER_IMPORT_PROBLEM_CODES,
} from '../../../src/core/imports/index.ts';
import { timingText } from '../../../src/web/i18n/codes.ts';

const DIR = path.resolve(import.meta.dirname, '../../../src/web/i18n');

/** Keys as written in the dictionary files of one language, with the file each comes from: the lines of the
 * file's dictionary object (`export const vi… = {` to its closing `}`), a key whose text is on the next line
 * included. */
function definitions(lang: 'vi' | 'en'): [key: string, file: string][] {
  const files = fs.readdirSync(DIR).filter((f) => f === `${lang}.ts` || f.startsWith(`${lang}-`));
  return files.flatMap((file) => {
    const lines = fs.readFileSync(path.join(DIR, file), 'utf8').split('\n');
    const start = lines.findIndex((l) => new RegExp(`^export const ${lang}[A-Za-z]*\\b.*= \\{$`).test(l));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
    return lines.slice(start + 1, end).flatMap((line) => {
      const m = /^ {2}(?:'([^']+)'|([A-Za-z_][\w]*)):(?: |$)/.exec(line);
      return m ? [[m[1] ?? m[2]!, file] as [string, string]] : [];
    });
  });
}

/** The dictionary files of one language by their part ("" for vi.ts/en.ts, "ops" for vi-ops.ts/en-ops.ts). */
function keysByPart(lang: 'vi' | 'en'): Map<string, Set<string>> {
  const parts = new Map<string, Set<string>>();
  for (const [key, file] of definitions(lang)) {
    const part = file.slice(lang.length).replace(/^-/, '').replace(/\.ts$/, '');
    if (!parts.has(part)) parts.set(part, new Set());
    parts.get(part)!.add(key);
  }
  return parts;
}

/** Codes the server sends, each with the key the web words it by. */
const SERVER_CODES: [list: string, keys: string[]][] = [
  ['timing (core/campaign/timing-note.ts)', TIMING_NOTE_CODES.map((c) => `timing.${c}`)],
  ['pre-submission notices', SUBMISSION_NOTICE_CODES.map((c) => `notice.${c}`)],
  ['item problems before submitting', SUBMISSION_PROBLEM_CODES.map((c) => `problem.${c}`)],
  ['API error codes (contract/error-codes.ts)', ERROR_CODES.map((c) => `error.${c}`)],
  ['inbox tasks', INBOX_TASK_KINDS.map((c) => `inbox.kind.${c}`)],
  ['inbox campaign steps', INBOX_CAMPAIGN_ACTIONS.map((c) => `inbox.step.${c}`)],
  ['the council’s reasons', REVIEW_REASONS.map((c) => `reason.${c}`)],
  ['decision problems', DECISION_PROBLEM_CODES.map((c) => `decision.${c}`)],
  ['request kinds', REQUEST_KINDS.map((c) => `apr.kind.${c}`)],
  ['request statuses', REQUEST_STATUSES.map((c) => `reqStatus.${c}`)],
  ['why a dashboard has no results', RESULTS_UNAVAILABLE_REASONS.map((c) => `unavailable.${c}`)],
  ['council positions', COUNCIL_POSITIONS.map((c) => `position.${c}`)],
  ['evidence rules', Object.keys(EVIDENCE_RULE_LABELS).map((c) => `evidenceRule.${c}`)],
  ['org units import problems', UNIT_IMPORT_PROBLEM_CODES.map((c) => `unitImport.${c}`)],
  ['accounts import problems', USER_IMPORT_PROBLEM_CODES.map((c) => `userImport.${c}`)],
  ['self-assessment form import problems', FORM_IMPORT_PROBLEM_CODES.map((c) => `formImport.${c}`)],
  ['figures import problems', FIGURE_IMPORT_PROBLEM_CODES.map((c) => `figProblem.${c}`)],
  ['index-set problems (validation, schema, formulas)', FRAMEWORK_PROBLEM_CODES.map((c) => `fwProblem.${c}`)],
  ['index-set file problems (workbook, YAML)', FRAMEWORK_FILE_PROBLEM_CODES.map((c) => `fwProblem.${c}`)],
];

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

  it('the file reader above sees every key of the merged dictionaries (so the checks on files miss none)', () => {
    expect(new Set(definitions('vi').map(([k]) => k)).size).toBe(Object.keys(vi).length);
    expect(new Set(definitions('en').map(([k]) => k)).size).toBe(Object.keys(en).length);
  });

  it('Vietnamese and English have the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
  });

  it('each Vietnamese file has its English file with the same keys, and the other way round', () => {
    const viParts = keysByPart('vi');
    const enParts = keysByPart('en');
    expect([...enParts.keys()].sort()).toEqual([...viParts.keys()].sort());
    const differ: string[] = [];
    for (const [part, viKeys] of viParts) {
      const enKeys = enParts.get(part) ?? new Set<string>();
      for (const k of viKeys) if (!enKeys.has(k)) differ.push(`${k}: in vi${part && `-${part}`}.ts, not in en`);
      for (const k of enKeys) if (!viKeys.has(k)) differ.push(`${k}: in en${part && `-${part}`}.ts, not in vi`);
    }
    expect(differ).toEqual([]);
  });

  for (const [list, keys] of SERVER_CODES)
    it(`every code the server sends has its words in both languages: ${list}`, () => {
      expect(keys.filter((k) => !(k in vi))).toEqual([]);
      expect(keys.filter((k) => !(k in en))).toEqual([]);
    });

  it('the Vietnamese words of a code say what the documents say (the Vietnamese labels of src/core)', () => {
    const differ = [
      ...Object.entries(REVIEW_REASON_LABELS).map(([c, label]) => [`reason.${c}`, label]),
      ...Object.entries(COUNCIL_POSITION_LABELS).map(([c, label]) => [`position.${c}`, label]),
      ...Object.entries(EVIDENCE_RULE_LABELS).map(([c, label]) => [`evidenceRule.${c}`, label]),
    ].filter(([key, label]) => (vi as Record<string, string>)[key!] !== label);
    expect(differ).toEqual([]);
  });

  it('the Vietnamese words of a timing code say what the documents say (describeTiming)', () => {
    const rules = (penaltyPoints: number, beyondTolerance: 'lowest_band' | 'refuse') => ({
      lateSubmission: { toleranceDays: 3, penaltyPoints, beyondTolerance },
      nonSubmission: beyondTolerance === 'refuse' ? ('zero' as const) : ('lowest_band' as const),
    });
    const t = (key: string, params?: Record<string, string | number>) =>
      Object.entries(params ?? {}).reduce(
        (text, [k, v]) => text.replaceAll(`{${k}}`, String(v)),
        (vi as Record<string, string>)[key] ?? key,
      );
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 3));
    for (const r of [rules(100, 'lowest_band'), rules(0, 'refuse')])
      for (const submitted of [at(14), at(16), at(20), null]) {
        const verdict = judgeSubmission(r, '2026-11-14', submitted);
        expect(timingText(t as never, timingNoteOf(verdict))).toBe(describeTiming(verdict));
      }
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
