import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PorterStemmer, RegexpTokenizer } from '../../src/text/natural.js';
import { foldCase } from '../../src/text/normalize.js';
import { indexTerm, indexTerms, queryTerms } from '../../src/text/pipeline.js';
import { isQueryStopWord, isStopWord } from '../../src/text/stopwords.js';
import { tokenize } from '../../src/text/tokenizer.js';
import { needing } from '../requirements.js';
import { POLNEAR_DIR } from '../helpers.js';

// The pipeline as first written, step by step and without caches: the fast path must equal it.
const natural = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
function reference(text: string, stop: (t: string) => boolean): string[] {
  const out: string[] = [];
  for (const token of natural.tokenize(text)) {
    const t = foldCase(token);
    if (t.length < 2 && !/\d/.test(t)) continue;
    if (stop(t)) continue;
    out.push(PorterStemmer.stem(t));
  }
  return out;
}

const TRICKY = [
  '',
  '   ',
  '...',
  'José Martí, São Paulo — Zürich',
  '“Quoted,” he said: it’s done.',
  'U.S. 2.2 million € 5th',
  'Ⅻ ²³ ٣٤ 東京 Москва',
  'emoji 😀 between 𝒳 words',
  'lone \ud800 surrogate',
  'tabs\tand\nnewlines',
  'a b c 1 2 x9',
  'QUOTED saying Quotes tells told',
  'snake_case and-dash',
  "doesn’t didn't it’s",
  'e\u0301te\u0301 (decomposed)',
];

function polnearTexts(files: number): string[] {
  return readdirSync(POLNEAR_DIR)
    .sort()
    .slice(0, files)
    .map((f) => readFileSync(join(POLNEAR_DIR, f), 'utf8'));
}

const { it: withShared } = needing('shared');

describe('the term pipeline', () => {
  withShared('tokenizes exactly as natural’s RegexpTokenizer on Unicode runs', () => {
    for (const text of [...TRICKY, ...polnearTexts(60)]) expect(tokenize(text)).toEqual(natural.tokenize(text));
  });

  withShared('gives the index and query terms of the uncached pipeline, also for words seen before', () => {
    const texts = [...TRICKY, ...polnearTexts(60)];
    for (let pass = 0; pass < 2; pass++) {
      for (const text of texts) {
        expect(indexTerms(text)).toEqual(reference(text, isStopWord));
        expect(queryTerms(text)).toEqual(reference(text, isQueryStopWord));
      }
    }
  });

  it('keeps every word apart as the table of words seen grows past its first sizes', () => {
    // 70k distinct words, in several cases and scripts: the table grows (and rehashes) several times.
    const made = Array.from({ length: 70_000 }, (_, i) => {
      const w = `w${i.toString(36)}`;
      return i % 3 === 0 ? w.toUpperCase() : i % 3 === 1 ? `${w}é` : `${w}ing`;
    });
    const text = made.join(' ');
    expect(indexTerms(text)).toEqual(reference(text, isStopWord));
    // Seen once, now found: the same answer again, from the table.
    expect(indexTerms(text)).toEqual(reference(text, isStopWord));
  });

  it('maps a token as written to its term, or to nothing', () => {
    expect(indexTerm('Running')).toBe('run');
    expect(indexTerm('José')).toBe('jose');
    expect(indexTerm('the')).toBe('');
    expect(indexTerm('x')).toBe('');
    expect(indexTerm('7')).toBe(''); // natural's stop list holds the digits
    expect(indexTerm('1999')).toBe('1999');
    expect(queryTerms('Who is quoted saying the economy is Booming?')).toEqual(['economi', 'boom']);
  });
});
