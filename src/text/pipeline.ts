import { foldCase } from './normalize.js';
import { isQueryStopWord, isStopWord } from './stopwords.js';
import { stem } from './stemmer.js';
import { tokenize } from './tokenizer.js';

/**
 * Terms of a passage for the index: words, lower-cased and folded, stop words out, Porter-stemmed.
 * Repeats are kept: term frequency counts them.
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const t = foldCase(token);
    if (t.length < 2 && !/\d/.test(t)) continue;
    if (isStopWord(t)) continue;
    out.push(stem(t));
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
    const t = foldCase(token);
    if (t.length < 2 && !/\d/.test(t)) continue;
    if (isQueryStopWord(t)) continue;
    out.push(stem(t));
  }
  return out;
}
