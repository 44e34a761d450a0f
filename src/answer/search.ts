// Passages: the sentences that match the words best, for questions no other intent answers.
import type { Library } from '../library/index.js';
import type { AnswerItem } from '../types.js';
import { passageItem } from './items.js';
import type { Scope } from './scope.js';

/** The best passages for the terms, with the speaker when a passage lies in an attributed quote. */
export function passages(library: Library, terms: string[], scope: Scope, limit: number): AnswerItem[] {
  if (!terms.length) return [];
  return library.sentenceIndex
    .search(terms, { limit, filter: scope.sentence })
    .map((h) => passageItem(library, h.doc, h.score));
}

/** The search answer's message. */
export function searchMessage(terms: string[], found: number): string {
  if (!terms.length) return 'Ask with a few words I can look for, e.g. "What did Borrell say?"';
  return found ? 'The passages that match best:' : 'Nothing in the corpus matches that.';
}
