// "Who said …?": the quotes that hold the asker's words, best first, and who said the best one.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import type { Answer, AnswerItem } from '../types.js';
import { quoteItem } from './items.js';
import { matchQuotes, type Match } from './rank.js';
import { reply, type Scope } from './scope.js';
import { CLOSE_SECOND_MARGIN, MIN_COVERAGE, RERANK_CANDIDATES, VERBATIM_COVERAGE, VERBATIM_PHRASE } from './weights.js';

/** The answer naming who said the words; null when no quote holds enough of them. */
export function whoSaid(library: Library, q: Question, scope: Scope, limit: number): Answer | null {
  const ranked = matchQuotes(library, q, { accept: scope.quote, minCoverage: MIN_COVERAGE, candidates: RERANK_CANDIDATES });
  if (!ranked.length) return null;
  const items = ranked.slice(0, limit).map((r) => quoteItem(library, r.doc, r.score));
  const best = items[0];
  let message: string;
  if (!isVerbatim(ranked[0])) {
    // Words shared, not the words asked about: the speaker of a quote that only resembles them.
    message = best.speaker
      ? `No quote has these exact words; the closest is ${best.speaker}'s.`
      : 'No quote has these exact words; the closest one does not say who said it.';
  } else {
    message = best.speaker
      ? `${best.speaker} said it${closeSecond(ranked, items)}.`
      : 'The corpus has this quote but does not say who said it.';
  }
  return reply(q, message, items);
}

/** The quote holds the words as asked: nearly all of them, mostly side by side. */
function isVerbatim(r: Match): boolean {
  return r.exact >= VERBATIM_COVERAGE && (r.pairs === 0 || r.phrase >= VERBATIM_PHRASE);
}

/** ", or maybe X" when the runner-up is nearly as good and names someone else. */
function closeSecond(ranked: Match[], items: AnswerItem[]): string {
  const other = items.findIndex((it, i) => i > 0 && it.speaker && it.speaker !== items[0].speaker);
  if (other < 0 || ranked[other].score < ranked[0].score - CLOSE_SECOND_MARGIN) return '';
  return ` (or perhaps ${items[other].speaker}: the quote appears more than once)`;
}
