import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BRIEFING, ROOT } from './helpers.js';

// The default briefing's only source. CI and sessions have it beside the repository; a bare clone may not.
const ARTICLE = path.join(ROOT, '..', 'shared', 'seeds', '000_55b8f0cec1af744b.txt');
const hasArticle = existsSync(ARTICLE);
if (!hasArticle) process.stderr.write(`notice: ${ARTICLE} is missing; the source-fidelity checks of the default briefing are skipped\n`);

/** Folds the typography differences between the article and the briefing, so only wording is compared. */
const fold = (s: string) =>
  s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/Kim Jong-un|Kim Jing-un/g, 'Kim Jong Un')
    .replace(/\s+/g, ' ')
    .toLowerCase();

const briefingText = () =>
  readdirSync(DEFAULT_BRIEFING)
    .filter((f) => /\.(md|yml|svg)$/.test(f))
    .map((f) => {
      const raw = readFileSync(path.join(DEFAULT_BRIEFING, f), 'utf8');
      // In a picture only what a viewer reads counts: its text elements and its label, not its markup; each is a line of its own.
      const text = f.endsWith('.svg') ? [...raw.matchAll(/<text\b[^>]*>([^<]*)<\/text>|aria-label="([^"]*)"/g)].map((m) => m[1] ?? m[2]).join('\n') : raw;
      return { file: f, text };
    });

describe.skipIf(!hasArticle)('the default briefing against its source article', () => {
  const article = hasArticle ? fold(readFileSync(ARTICLE, 'utf8')) : '';

  it('states no year the article does not state', () => {
    const stray: string[] = [];
    for (const { file, text } of briefingText()) {
      for (const year of text.match(/\b(19|20)\d\d\b/g) ?? []) if (!article.includes(year)) stray.push(`${file}: ${year}`);
    }
    expect(stray).toEqual([]);
  });

  it('quotes the article word for word', () => {
    const misquoted: string[] = [];
    let checked = 0;
    for (const { file, text } of briefingText()) {
      // Only double-quoted phrases: single quotes in prose are apostrophes.
      for (const m of fold(text).matchAll(/"([^"\n]{3,}?)"/g)) {
        const quote = m[1]!.replace(/[.,]$/, '');
        checked++;
        if (!article.includes(quote)) misquoted.push(`${file}: "${quote}"`);
      }
    }
    expect(misquoted).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('names no person, place or body the article does not name', () => {
    // A name is a run of capitalised words inside a sentence (not its first word). "Moscow" for Russia, or a short
    // name for an institution the article spells out, is a fact from outside the article, however true.
    const article = readFileSync(ARTICLE, 'utf8').replace(/U\.S\./g, 'US').replace(/[‘’]/g, "'").toLowerCase();
    const stray: string[] = [];
    let checked = 0;
    for (const { file, text } of briefingText()) {
      // The deck's title is in title case, every word capitalised; its subtitle and the rest are sentences.
      const prose = file === 'briefing.yml' ? text.replace(/^title:.*$/m, '') : text;
      for (const m of prose.matchAll(/(?<=[a-z0-9,)] |[a-z] \()[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|for|and))*/g)) {
        // An abbreviation the article writes out (ICBM) is a shorter spelling, not a new fact.
        const name = m[0].replace(/(?: (?:of|for|and))+$/, '').replace(/['’]s$/, '');
        if (/^[A-Z]+s?$/.test(name)) continue;
        checked++;
        if (!article.includes(name.toLowerCase())) stray.push(`${file}: ${name}`);
      }
    }
    expect(stray).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it('spells the leader Kim Jong Un everywhere', () => {
    for (const { file, text } of briefingText()) expect(text, file).not.toMatch(/Kim Jong-un|Kim Jing-un/);
  });
});
