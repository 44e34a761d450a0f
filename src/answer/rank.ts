// How well a quote holds what a question asks about. TF-IDF alone favours long passages that repeat a
// word; a person quoting from memory wants the passage that holds most of their words, in order — or,
// in their own words, words related to them; and a partial quote holds some of them only around it.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import type { MatchLevel } from '../types.js';
import { foldCase } from '../text/normalize.js';
import { tokenize } from '../text/tokenizer.js';
import { fieldCredit, inStory, narrativeTerms } from './narrative.js';
import {
  CLOSE_COVERAGE,
  CONTEXT_WEIGHT,
  EXACT_EDGE,
  NARRATIVE_WEIGHT,
  PHRASE_SCAN_LIMIT,
  PHRASE_SCAN_TERMS,
  PHRASE_WEIGHT,
  RELATION_WEIGHT,
  SENTENCE_CANDIDATES,
  TFIDF_WEIGHT,
  VERBATIM_EXACT,
  VERBATIM_PHRASE,
} from './weights.js';

export interface Match {
  doc: number;
  /** Final score: coverage, word order, words as typed, then raw TF-IDF and any bonus. */
  score: number;
  /** Share of the question's term weight (idf) the quote answers: as typed, as a related word, or around it. */
  coverage: number;
  /** Share of the term weight found as typed in the quote itself, 0..1. */
  exact: number;
  /** Share of the question's word pairs found side by side in the quote, 0..1. */
  phrase: number;
  /** How many word pairs the question has (0: a single word, so no order to check). */
  pairs: number;
}

export interface MatchOptions {
  /** Quotes that may answer (the asker's scope, quotes with a speaker…). */
  accept: (doc: number) => boolean;
  /** Quotes under this coverage are dropped before their word order is read, the costly part. */
  minCoverage: number;
  /** Candidates read from each index. */
  candidates: number;
  /** Added to a quote's score (its speaker fits the role asked about). */
  bonus?: (doc: number) => number;
}

/** The quotes that answer the question's words, best first. */
export function matchQuotes(library: Library, q: Question, options: MatchOptions): Match[] {
  const index = library.quoteIndex;
  const unique = [...new Set(q.terms)];
  if (!unique.length) return [];
  const weight = new Map(unique.map((t) => [t, index.idf(t)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  // Related words are searched for too, weighed below the words as typed.
  const searchWeights = new Map<string, number>(unique.map((t) => [t, 1]));
  for (const t of unique) {
    for (const r of q.related.get(t) ?? []) {
      if (!searchWeights.has(r.term)) searchWeights.set(r.term, RELATION_WEIGHT[r.relation]);
    }
  }
  const tfidf = new Map<number, number>();
  const searched = { limit: options.candidates, filter: options.accept, weights: searchWeights };
  for (const h of index.search([...searchWeights.keys()], searched)) tfidf.set(h.doc, h.score);
  for (const doc of quotesInSentences(library, unique, options)) if (!tfidf.has(doc)) tfidf.set(doc, 0);
  const pairs = wordPairs(q.words);
  if (unique.length <= PHRASE_SCAN_TERMS && pairs.size > unique.length) {
    for (const doc of quotesWithAll(library, unique, options))
      if (!tfidf.has(doc)) tfidf.set(doc, index.score(unique, doc));
  }
  const out: Match[] = [];
  for (const [doc, raw] of tfidf) {
    let covered = 0;
    let exact = 0;
    let around: Set<string> | undefined;
    for (const [t, w] of weight) {
      if (index.contains(t, doc) || (t === NOT && NEGATED.test(library.quotes[doc].text))) {
        covered += w;
        exact += w;
        continue;
      }
      const related = q.related.get(t) ?? [];
      let credit = 0;
      for (const r of related) {
        if (RELATION_WEIGHT[r.relation] > credit && index.contains(r.term, doc)) credit = RELATION_WEIGHT[r.relation];
      }
      if (credit < NARRATIVE_WEIGHT) {
        around ??= narrativeTerms(library, doc);
        credit = Math.max(credit, fieldCredit(around, t, related, NARRATIVE_WEIGHT));
      }
      if (credit < CONTEXT_WEIGHT && inStory(library, doc, t)) credit = CONTEXT_WEIGHT;
      covered += credit * w;
    }
    const coverage = covered / total;
    if (coverage < options.minCoverage) continue;
    let phrase = 0;
    if (pairs.size) {
      const own = wordPairs(library.quotes[doc].text);
      let hit = 0;
      for (const p of pairs) if (own.has(p)) hit++;
      phrase = hit / pairs.size;
    }
    const score =
      coverage +
      PHRASE_WEIGHT * phrase +
      EXACT_EDGE * (exact / total) +
      TFIDF_WEIGHT * Math.log1p(raw) +
      (options.bonus?.(doc) ?? 0);
    out.push({ doc, score, coverage, exact: exact / total, phrase, pairs: pairs.size });
  }
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** "not" as typed is "n't" as printed: the index keeps "not" but drops "don't", "isn't", "won't". */
const NOT = 'not';
const NEGATED = /\p{L}n['’]t\b|\bcannot\b/iu;

/** Every quote holding all the terms, when there are few enough to read each (see PHRASE_SCAN_LIMIT). */
function quotesWithAll(library: Library, terms: string[], options: MatchOptions): number[] {
  const index = library.quoteIndex;
  if (terms.some((t) => index.docFrequency(t) > PHRASE_SCAN_LIMIT)) return [];
  return index.docsWith(terms).filter((doc) => terms.every((t) => index.contains(t, doc)) && options.accept(doc));
}

/** Quotes whose sentence holds the words best: a partial quote's words are mostly outside its marks. */
function quotesInSentences(library: Library, terms: string[], options: MatchOptions): number[] {
  const out: number[] = [];
  for (const h of library.sentenceIndex.search(terms, { limit: SENTENCE_CANDIDATES })) {
    const s = library.sentences.at(h.doc)!;
    for (const doc of library.articleQuotes.get(s.articleId) ?? []) {
      const quote = library.quotes[doc];
      if (quote.sentenceStart <= s.start && s.end <= quote.sentenceEnd && options.accept(doc)) out.push(doc);
    }
  }
  return out;
}

/**
 * Adjacent word pairs, folded ("real revolution"): a cheap test of word order. The text is folded whole
 * before it is cut into words (folding keeps letters letters, so the words are the same), which costs
 * one normalisation instead of one a word.
 */
export function wordPairs(text: string): Set<string> {
  const words = tokenize(foldCase(text));
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** How closely a quote holds the words asked: as asked, nearly (most of them, or related ones), loosely. */
export type { MatchLevel };

export function matchLevel(m: Match): MatchLevel {
  if (m.exact >= VERBATIM_EXACT && (m.pairs === 0 || m.phrase >= VERBATIM_PHRASE)) return 'exact';
  return m.coverage >= CLOSE_COVERAGE ? 'close' : 'loose';
}
