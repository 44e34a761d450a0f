import type { InvertedIndex } from '../search/index.js';
import { foldCase } from '../text/normalize.js';
import { tokenize } from '../text/tokenizer.js';
import { PHRASE_WEIGHT, TFIDF_WEIGHT } from './weights.js';

export interface Ranked {
  doc: number;
  /** Final score: coverage of the question's words, their order, then raw TF-IDF. */
  score: number;
  /** Share of the question's term weight (idf) found in the passage, 0..1. */
  coverage: number;
  /** Share of the question's word pairs found side by side in the passage, 0..1. */
  phrase: number;
  /** How many word pairs the question has (0: a single word, so no order to check). */
  pairs: number;
}

/**
 * Re-ranks TF-IDF candidates for a snippet of a quote. TF-IDF alone favours long passages that repeat
 * a word; a person quoting from memory wants the passage that holds most of their words, in order.
 * Coverage (the snippet's idf-weighted terms a passage holds) comes from the index's postings;
 * candidates under `minCoverage` are dropped before their word order is read, the costly part.
 */
export function rerankForSnippet(
  index: InvertedIndex,
  terms: string[],
  snippet: string,
  candidates: Array<{ doc: number; score: number }>,
  passageText: (doc: number) => string,
  minCoverage = 0,
): Ranked[] {
  const unique = [...new Set(terms)];
  const weight = new Map(unique.map((t) => [t, index.idf(t)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  const pairs = wordPairs(snippet);
  const ranked: Ranked[] = [];
  for (const { doc, score } of candidates) {
    let covered = 0;
    for (const [t, w] of weight) if (index.contains(t, doc)) covered += w;
    const coverage = covered / total;
    if (coverage < minCoverage) continue;
    let phrase = 0;
    if (pairs.size) {
      const own = wordPairs(passageText(doc));
      let hit = 0;
      for (const p of pairs) if (own.has(p)) hit++;
      phrase = hit / pairs.size;
    }
    ranked.push({ doc, coverage, phrase, pairs: pairs.size, score: coverage + PHRASE_WEIGHT * phrase + TFIDF_WEIGHT * Math.log1p(score) });
  }
  return ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** Adjacent word pairs, folded ("real revolution"): a cheap test of word order. */
export function wordPairs(text: string): Set<string> {
  const words = tokenize(text).map(foldCase);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}
