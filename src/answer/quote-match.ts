// The quotes that hold a question's words, shared by the who-said and verify answers.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import { scoreRole } from '../question/roles.js';
import type { AnswerItem } from '../types.js';
import { quoteItem } from './items.js';
import { matchedSentences } from './marks.js';
import { roleIndex } from './profiles.js';
import { matchLevel, matchQuotes, type Match } from './rank.js';
import type { Scope } from './scope.js';
import { MIN_COVERAGE, RERANK_CANDIDATES, ROLE_HINT_WEIGHT } from './weights.js';

/** The quotes that answer the words, best first; a who-said question and a verify question share them. */
export function rankForWords(library: Library, q: Question, scope: Scope): Match[] {
  // "Which economist said …": a speaker the role fits gains a little; the words still decide.
  const fits = q.role ? new Map(scoreRole(roleIndex(library), q.role).map((r) => [r.speaker.id, r.score])) : null;
  const bonus = fits ? (doc: number) => ROLE_HINT_WEIGHT * (fits.get(library.quotes[doc].speakerId ?? '') ?? 0) : undefined;
  return matchQuotes(library, q, { accept: scope.quote, minCoverage: MIN_COVERAGE, candidates: RERANK_CANDIDATES, bonus });
}

/** An answer item for a matched quote, with the sentences that hold the asked words marked. */
export function matchedItem(library: Library, q: Question, m: Match): AnswerItem {
  const item: AnswerItem = { ...quoteItem(library, m.doc, m.score), matched: matchLevel(m) };
  const match = matchedSentences(item.quote, q);
  return match.length ? { ...item, match } : item;
}

