// Passages: the sentences that match the words best, for questions no other intent answers.
import type { Library } from '../library/index.js';
import type { AnswerItem } from '../types.js';
import { passageItem } from './items.js';
import type { Scope } from './scope.js';

/**
 * The best passages for the terms, with the speaker when a passage lies in an attributed quote.
 * `minShare`: the share of the terms' weight (idf) a passage must hold unless it holds two of them or
 * more; a passage with only one common word of the question ("made", of "the moon is made of cheese")
 * is not about it.
 */
export function passages(library: Library, terms: string[], scope: Scope, limit: number, minShare = 0): AnswerItem[] {
  if (!terms.length) return [];
  const index = library.sentenceIndex;
  const unique = [...new Set(terms)];
  const total = unique.reduce((sum, t) => sum + index.idf(t), 0) || 1;
  const about = (doc: number) => {
    const held = unique.filter((t) => index.contains(t, doc));
    return held.length >= 2 || held.reduce((sum, t) => sum + index.idf(t), 0) / total >= minShare;
  };
  return index
    .search(terms, { limit, filter: scope.sentence })
    .filter((h) => minShare <= 0 || about(h.doc))
    .map((h) => passageItem(library, h.doc, h.score));
}

/** The search answer's message. */
export function searchMessage(terms: string[], found: number): string {
  if (!terms.length) return 'Ask with a few words I can look for, e.g. "What did Borrell say?"';
  return found ? 'The passages that match best:' : 'Nothing in the corpus matches that.';
}
