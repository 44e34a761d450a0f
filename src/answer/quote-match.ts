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
import { MIN_COVERAGE, NAMED_MARGIN, RERANK_CANDIDATES, ROLE_HINT_WEIGHT } from './weights.js';

/** The quotes that answer the words, best first; a who-said question and a verify question share them. */
export function rankForWords(library: Library, q: Question, scope: Scope): Match[] {
  // "Which economist said …": a speaker the role fits gains a little; the words still decide.
  const fits = q.role ? new Map(scoreRole(roleIndex(library), q.role).map((r) => [r.speaker.id, r.score])) : null;
  const fit = (doc: number) => fits?.get(library.quotes[doc].speakerId ?? '') ?? 0;
  const bonus = fits ? (doc: number) => ROLE_HINT_WEIGHT * fit(doc) : undefined;
  const options = { accept: scope.quote, minCoverage: MIN_COVERAGE, candidates: RERANK_CANDIDATES, bonus };
  const ranked = matchQuotes(library, q, options);
  // The same words, or about as close, attributed elsewhere say who said them: a quote that names its
  // speaker goes before an unattributed one that answers hardly better.
  if (ranked.length > 1 && !library.quotes[ranked[0].doc].speakerId) {
    const named = ranked.findIndex((m) => library.quotes[m.doc].speakerId && m.score >= ranked[0].score - NAMED_MARGIN);
    if (named > 0) ranked.unshift(...ranked.splice(named, 1));
  }
  return ranked;
}

/** An answer item for a matched quote, with the sentences that hold the asked words marked. */
export function matchedItem(library: Library, q: Question, m: Match): AnswerItem {
  const item: AnswerItem = { ...quoteItem(library, m.doc, m.score), matched: matchLevel(m) };
  const match = matchedSentences(item.quote, q);
  return match.length ? { ...item, match } : item;
}
