// Which sentences of a long quote hold what was asked, so that presentation can show them in full and
// marked, and trim the rest. Offsets are into the quote's text.
import type { Question } from '../question/index.js';
import { queryTerms } from '../text/pipeline.js';
import type { TextRange } from '../types.js';

/** A sentence is marked when it holds this share of the best sentence's hits. */
const NEAR_BEST = 0.6;

/** The sentences of `quote` that hold the question's words (or related ones); none for a one-sentence quote. */
export function matchedSentences(quote: string, q: Question): TextRange[] {
  const sentences = splitSentences(quote);
  if (sentences.length < 2 || !q.terms.length) return [];
  const wanted = new Set(q.terms);
  const related = new Set([...q.related.values()].flat().map((r) => r.term));
  const hits = sentences.map((r) => {
    let n = 0;
    for (const t of new Set(queryTerms(quote.slice(r.start, r.end)))) n += wanted.has(t) ? 1 : related.has(t) ? 0.5 : 0;
    return n;
  });
  const best = Math.max(...hits);
  if (best <= 0) return [];
  const marked = sentences.filter((_, i) => hits[i] >= NEAR_BEST * best);
  // Every sentence marked says nothing in particular.
  return marked.length < sentences.length ? marked : [];
}

/** Sentences of a quote: ends at . ! ? (and a closing mark) before a space and a capital or an opening mark. */
export function splitSentences(text: string): TextRange[] {
  const out: TextRange[] = [];
  const end = /[.!?…]+["”’»)]*(?=\s+["“‘«(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m.index + m[0].length;
    // "Mr. Smith", "U.S. officials": a dot after a short capitalised word ends no sentence.
    if (/(?:^|\s)(?:\p{Lu}[\p{L}]{0,2}|[\p{Lu}]\.[\p{Lu}])\.$/u.test(text.slice(Math.max(0, stop - 5), stop))) continue;
    if (text.slice(start, stop).trim()) out.push(trim(text, start, stop));
    start = stop;
  }
  if (text.slice(start).trim()) out.push(trim(text, start, text.length));
  return out;
}

function trim(text: string, start: number, end: number): TextRange {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
