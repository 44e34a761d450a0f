import { foldCase } from './normalize.js';
import { isStopWord, isQueryStopWord } from './stopwords.js';
import { stem } from './stemmer.js';
import { tokenize } from './tokenizer.js';

// A corpus uses a few tens of thousands of distinct words, each thousands of times: a token as written
// is mapped to its term once (fold, stop list, stem), then looked up. '' marks a token that is no term.
const terms = new Map<string, string>();
const CACHE_LIMIT = 500_000;

function termOf(token: string): string {
  const t = foldCase(token);
  if (t.length < 2 && !/\d/.test(t)) return '';
  if (isStopWord(t)) return '';
  return stem(t);
}

/** The index term of one token as written, or '' when it is none (stop word, lone letter). */
export function indexTerm(token: string): string {
  let term = terms.get(token);
  if (term === undefined) {
    term = termOf(token);
    if (terms.size < CACHE_LIMIT) terms.set(token, term);
  }
  return term;
}

/**
 * Terms of a passage for the index: words, lower-cased and folded, stop words out, Porter-stemmed.
 * Repeats are kept: term frequency counts them.
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token);
    if (term) out.push(term);
  }
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
