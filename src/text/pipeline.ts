import { foldCase } from './normalize.js';
import { isStopWord, isQueryStopWord } from './stopwords.js';
import { stem } from './stemmer.js';
import { tokenize } from './tokenizer.js';

// Building the index tokenizes every sentence of the corpus (millions of words at ×10 PolNeAR), and a
// corpus uses a few tens of thousands of distinct words. So words are read straight from the text,
// hashed as they are scanned, and looked up as written in a table of the words already seen, which
// holds their term: no token string, no regex, no fold/stop/stem per occurrence. The words are those of
// `tokenize` (runs of \p{L}\p{N}); tests hold the terms equal to the plain pipeline's.

/** Distinct words kept; past this, a new word is processed each time it is met. */
const TABLE_LIMIT = 500_000;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 letter or digit, 2 neither. */
const unitClass = new Uint8Array(0x10000);
const astralWord = new Map<number, boolean>();

function isWordUnit(c: number): boolean {
  let k = unitClass[c];
  if (k === 0) k = unitClass[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

function isWordCodePoint(cp: number): boolean {
  let w = astralWord.get(cp);
  if (w === undefined) astralWord.set(cp, (w = WORD_CHAR.test(String.fromCodePoint(cp))));
  return w;
}

// The table: open addressing over `slots` (entry + 1, 0 empty), entries in parallel arrays.
let slots = new Int32Array(1 << 16);
let mask = slots.length - 1;
const words: string[] = [];
const terms: string[] = [];
let hashes = new Int32Array(1 << 15);

function termOf(token: string): string {
  const t = foldCase(token);
  if (t.length < 2 && !/\d/.test(t)) return '';
  if (isStopWord(t)) return '';
  return stem(t);
}

/** Term of the word text[start, end) whose hash is h; '' when it is no term. */
function lookup(text: string, start: number, end: number, h: number): string {
  const length = end - start;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const e = slots[s] - 1;
    if (e < 0) break;
    if (hashes[e] === h && words[e].length === length && text.startsWith(words[e], start)) return terms[e];
  }
  const word = text.slice(start, end);
  const term = termOf(word);
  if (words.length < TABLE_LIMIT) insert(word, term, h);
  return term;
}

function insert(word: string, term: string, h: number): void {
  const e = words.length;
  words.push(word);
  terms.push(term);
  if (e === hashes.length) {
    const grown = new Int32Array(e * 2);
    grown.set(hashes);
    hashes = grown;
  }
  hashes[e] = h;
  if ((e + 1) * 2 > slots.length) {
    slots = new Int32Array(slots.length * 2);
    mask = slots.length - 1;
    for (let i = 0; i < e; i++) place(i);
  }
  place(e);
}

function place(e: number): void {
  let s = hashes[e] & mask;
  while (slots[s] !== 0) s = (s + 1) & mask;
  slots[s] = e + 1;
}

/** Calls `each(term)` for every word of the text that is a term, in order. */
function forEachTerm(text: string, each: (term: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let h = FNV_OFFSET;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80 ? ASCII_WORD[c] === 0 : !unicodeWordAt(text, i, c)) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
    }
    if (i > start) {
      const term = lookup(text, start, i, h);
      if (term) each(term);
    } else {
      // Not a letter or digit: one code unit on (both halves of a pair are skipped in turn).
      i++;
    }
  }
}

const ASCII_WORD = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) ASCII_WORD[c] = isWordUnit(c) ? 1 : 0;

/**
 * Whether the code unit at i continues a word. A surrogate pair counts by its code point: its high half
 * says yes for the pair, and the low half that follows a word's high half says yes too.
 */
function unicodeWordAt(text: string, i: number, c: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff && isWordCodePoint(((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = text.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff && isWordCodePoint(((prev - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return isWordUnit(c);
}

/** The index term of one token as written, or '' when it is none (stop word, lone letter). */
export function indexTerm(token: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return lookup(token, 0, token.length, h);
}

/**
 * Terms of a passage for the index: words, lower-cased and folded, stop words out, Porter-stemmed.
 * Repeats are kept: term frequency counts them.
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  forEachTerm(text, (term) => out.push(term));
  return out;
}

/**
 * Terms of a question: the index pipeline, plus the words people use to ask for quotes ("quoted",
 * "saying"), which say nothing about what was said.
 */
export function queryTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token);
    if (term && !isQueryStopWord(foldCase(token))) out.push(term);
  }
  return out;
}
