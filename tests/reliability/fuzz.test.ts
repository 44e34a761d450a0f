// Random and mutated articles through cleaning, sentences and attribution: nothing throws, every
// offset lies inside its article, every quote is found in its article where it says it is.
// Seeded: a failure names its seed, and FUZZ_SEED=<seed> FUZZ_CASES=1 replays it alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/attribution/index.js';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { findQuoteSpans } from '../../src/text/quotemarks.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Article, Paragraph, Quote, Sentence } from '../../src/types.js';
import { SEED_DIR, SEED_ID } from '../helpers.js';
import { mulberry32, type Random } from './random.js';

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_260_108);
const CASES = Number(process.env.FUZZ_CASES ?? 2_000);

const MARKS = ['“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', '"', "'", "''", '``', '「', '」'];
const DASHES = ['—', '–', '-', ' – ', ' — ', '--'];
const UNICODE = [
  '😀',
  '👩‍👩‍👧',
  'مرحبا بالعالم',
  'שלום',
  '\u202Eevil\u202C',
  '\u200B',
  '\u00AD',
  'e\u0301',
  'Ⅻ',
  '𝔘𝔫𝔦',
  '\uFEFF',
  '\t',
  '\u00A0',
  '\u2028',
  'İ',
  'ß',
];
const HTML = [
  '<b>',
  '</p>',
  '<a href="https://x.example/">',
  '<tweet author="@cspan">',
  '<',
  '>',
  '<br/>',
  '<script>x="“y”"</script>',
  '&amp;',
  '<!--',
];
const PUNCT = ['.', '?', '!', '...', '…', ':', ';', ',', '(', ')', '[', ']', 'U.S.', 'Mr.', 'p.m.', '?!', ' . '];
const NAMES = [
  'constructor',
  '__proto__',
  'Josep Borrell',
  'Ms. Ada Obi',
  'President Tokayev',
  'the spokesman',
  'He',
  'she',
  'Sen. Ted Cruz',
  'Human Rights Watch',
  'Nargis Kassenova, an analyst at Harvard,',
];
const CUES = [
  'said',
  'told reporters',
  'added',
  'wrote on Twitter',
  'insisted',
  'according to',
  'asked',
  'explains',
  'speculates',
];

const seedParagraphs = readFileSync(`${SEED_DIR}/${SEED_ID}.txt`, 'utf8')
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

function pick<T>(r: Random, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

/** A sentence of news: a quote with its cue in any order, or reported speech, or plain prose. */
function sentence(r: Random): string {
  const words = pick(r, seedParagraphs).split(/\s+/);
  const from = Math.floor(r() * words.length);
  const said = words.slice(from, from + 3 + Math.floor(r() * 18)).join(' ');
  const who = pick(r, NAMES);
  const cue = pick(r, CUES);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `“${said},” ${who} ${cue}.`;
    case 1:
      return `${who} ${cue}: “${said}.”`;
    case 2:
      return `“${said},” ${cue} ${who}, “${words.slice(0, 12).join(' ')}.”`;
    case 3:
      return `${who} ${cue} that ${said}.`;
    case 4:
      return `"${said}" - ${who}`;
    default:
      return `${said}.`;
  }
}

function paragraph(r: Random): string {
  if (r() < 0.25) {
    // A stretch of the real article, cut anywhere.
    const p = pick(r, seedParagraphs);
    const from = Math.floor(r() * p.length);
    return p.slice(from, from + 80 + Math.floor(r() * 250));
  }
  return Array.from({ length: 1 + Math.floor(r() * 3) }, () => sentence(r)).join(' ');
}

/** Inserts, deletes or swaps characters at random places: the mutations scraped news suffers. */
function mutate(r: Random, text: string): string {
  let out = text;
  const edits = Math.floor(r() * 12);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (out.length + 1));
    const kind = r();
    if (kind < 0.3) out = out.slice(0, at) + pick(r, MARKS) + out.slice(at);
    else if (kind < 0.45) out = out.replace(/[“”„«»‘’‚‹›"']/u, r() < 0.5 ? '' : pick(r, MARKS));
    else if (kind < 0.55) out = out.slice(0, at) + pick(r, DASHES) + out.slice(at);
    else if (kind < 0.68) out = out.slice(0, at) + pick(r, UNICODE) + out.slice(at);
    else if (kind < 0.78) out = out.slice(0, at) + pick(r, HTML) + out.slice(at);
    else if (kind < 0.88) out = out.slice(0, at) + pick(r, PUNCT) + out.slice(at);
    else if (kind < 0.94) out = out.slice(0, at) + (r() < 0.5 ? '\n\n' : '\n \n\t\n') + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 40));
  }
  return out;
}

/** One article's source file: a title, paragraphs (sometimes one huge one), mutated. */
function sourceText(r: Random): { name: string; text: string } {
  const count = Math.floor(r() * 5);
  let paragraphs = Array.from({ length: count }, () => paragraph(r));
  if (r() < 0.005) paragraphs = [Array.from({ length: 150 }, () => sentence(r)).join(' ')];
  if (r() < 0.05) paragraphs.push(pick(r, MARKS).repeat(1 + Math.floor(r() * 300)));
  if (r() < 0.05)
    paragraphs.push(Array.from({ length: 200 }, () => pick(r, [...MARKS, ...DASHES, ' ', 'a', '.'])).join(''));
  const title = r() < 0.8 ? mutate(r, sentence(r)) : '';
  const body = mutate(r, paragraphs.join(r() < 0.9 ? '\n\n' : '\n'));
  const format = r();
  if (format < 0.7) return { name: 'fuzz.txt', text: `${title}\n\n${body}` };
  if (format < 0.9) return { name: 'fuzz.md', text: `---\ntitle: ${title}\n---\n\n${body}` };
  return { name: 'fuzz.jsonl', text: `${JSON.stringify({ title, text: body })}\n{broken\n` };
}

/** An article built straight from text, bypassing cleaning: tabs, CRs and lone surrogates reach the stages. */
function rawArticle(r: Random): Article {
  const parts = Array.from(
    { length: 1 + Math.floor(r() * 5) },
    () => mutate(r, paragraph(r)) + (r() < 0.1 ? '\uD800' : ''),
  );
  const paragraphs: Paragraph[] = [];
  let text = '';
  parts.forEach((p, index) => {
    if (index) text += '\n\n';
    paragraphs.push({
      index,
      start: text.length,
      end: text.length + p.length,
      ...(index === 0 ? { title: true } : {}),
    });
    text += p;
  });
  return { id: 'raw', title: parts[0], text, paragraphs };
}

/** What must hold for any article, however hostile. Returns the broken rule, or null. */
function check(article: Article, sentences: Sentence[], quotes: Quote[]): string | null {
  const { text } = article;
  const n = text.length;
  let last = 0;
  for (const p of article.paragraphs) {
    if (!(p.start >= last && p.start <= p.end && p.end <= n))
      return `paragraph ${p.index} at [${p.start}, ${p.end}) outside the text or out of order`;
    last = p.end;
  }
  for (const s of findQuoteSpans(text, article.paragraphs)) {
    const p = article.paragraphs[s.paragraph];
    if (!p || !(p.start <= s.open && s.open < s.start && s.start < s.end && s.end <= p.end))
      return `quote span ${JSON.stringify(s)} outside its paragraph`;
    if (s.close !== -1 && !(s.end <= s.close && s.close < p.end))
      return `quote span ${JSON.stringify(s)} closes outside its paragraph`;
  }
  let prevEnd = 0;
  for (const s of sentences) {
    const p = article.paragraphs[s.paragraph];
    if (!p || !(p.start <= s.start && s.start < s.end && s.end <= p.end))
      return `sentence [${s.start}, ${s.end}) outside paragraph ${s.paragraph}`;
    if (s.start < prevEnd) return `sentence [${s.start}, ${s.end}) overlaps the one before`;
    if (s.text !== text.slice(s.start, s.end)) return `sentence text is not the article's at [${s.start}, ${s.end})`;
    prevEnd = s.end;
  }
  const ids = new Set<string>();
  for (const q of quotes) {
    const where = `quote ${q.id} [${q.start}, ${q.end}) in sentence [${q.sentenceStart}, ${q.sentenceEnd})`;
    if (ids.has(q.id)) return `${where}: id used twice`;
    ids.add(q.id);
    if (
      !(
        q.sentenceStart >= 0 &&
        q.sentenceStart <= q.start &&
        q.start < q.end &&
        q.end <= q.sentenceEnd &&
        q.sentenceEnd <= n
      )
    )
      return `${where}: offsets out of order or outside the text`;
    if (!article.paragraphs[q.paragraph]) return `${where}: no paragraph ${q.paragraph}`;
    // The text joins the quote's pieces with single spaces: the first and last pieces bound the span,
    // and every word of the text appears in it, in order.
    const span = text.slice(q.start, q.end);
    const words = q.text.split(' ').filter(Boolean);
    if (!words.length) return `${where}: empty text`;
    if (!span.replace(/\s+/g, ' ').trim().startsWith(words[0]))
      return `${where}: span does not open with the first piece (${JSON.stringify(words[0])})`;
    if (
      !span
        .replace(/\s+/g, ' ')
        .trim()
        .endsWith(words[words.length - 1])
    )
      return `${where}: span does not end with the last piece`;
    let at = 0;
    for (const w of words) {
      const found = span.indexOf(w, at);
      if (found < 0) return `${where}: ${JSON.stringify(w)} of the text is not in the span, in order`;
      at = found + w.length;
    }
    for (const [name, s] of [
      ['source', q.source],
      ['cue', q.cue],
    ] as const) {
      if (s && !(s.start >= 0 && s.start <= s.end && s.end <= n && text.slice(s.start, s.end) === s.text))
        return `${where}: ${name} span is not the article's text`;
    }
    if (!(q.confidence >= 0 && q.confidence <= 1)) return `${where}: confidence ${q.confidence}`;
    if (q.speaker !== null && !q.speaker.trim()) return `${where}: blank speaker name`;
  }
  return null;
}

interface Counts {
  articles: number;
  quotes: number;
  attributed: number;
}

function runCase(seed: number, counts: Counts = { articles: 0, quotes: 0, attributed: 0 }): string | null {
  const r = mulberry32(seed);
  let articles: Article[];
  if (r() < 0.85) {
    const { name, text } = sourceText(r);
    articles = parseArticleBytes(Buffer.from(text), name).articles;
  } else {
    articles = [rawArticle(r)];
  }
  for (const article of articles) {
    const sentences = splitSentences(article);
    const errors: string[] = [];
    const { quotes } = attribute([article], [sentences], (_, err) => errors.push(err.stack ?? err.message));
    if (errors.length) return `attribution threw: ${errors[0]}`;
    counts.articles++;
    counts.quotes += quotes.length;
    counts.attributed += quotes.filter((q) => q.speaker).length;
    const broken = check(article, sentences, quotes);
    if (broken) return broken;
  }
  return null;
}

describe('fuzzing cleaning, sentences and attribution', () => {
  const seeds = `seeds ${BASE_SEED}…${BASE_SEED + CASES - 1}`;
  it(`${CASES} random and mutated articles (${seeds}): no throw, offsets inside, quotes where they say`, () => {
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const seed = BASE_SEED + i;
      let problem: string | null;
      try {
        problem = runCase(seed);
      } catch (err) {
        problem = `threw: ${(err as Error).stack ?? err}`;
      }
      if (problem) failures.push(`FUZZ_SEED=${seed} FUZZ_CASES=1: ${problem}`);
    }
    expect(failures.slice(0, 10), `${failures.length} of ${CASES} cases failed`).toEqual([]);
  });

  it('the generated articles are news enough to exercise attribution: most hold quotes, most quotes a speaker', () => {
    const counts: Counts = { articles: 0, quotes: 0, attributed: 0 };
    for (let seed = 1; seed <= 100; seed++) runCase(seed, counts);
    expect(counts.articles).toBeGreaterThan(80);
    expect(counts.quotes).toBeGreaterThan(counts.articles);
    expect(counts.attributed).toBeGreaterThan(counts.quotes / 2);
  });

  it('the generator is seeded: the same seed makes the same article', () => {
    const a = sourceText(mulberry32(42));
    const b = sourceText(mulberry32(42));
    expect(a).toEqual(b);
    expect(sourceText(mulberry32(43))).not.toEqual(a);
  });
});
