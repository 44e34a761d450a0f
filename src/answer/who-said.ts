// "Who said …?": the quotes that hold the asker's words, best first, and who said the best one.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import type { Answer, AnswerItem } from '../types.js';
import { matchedItem, rankForWords } from './quote-match.js';
import { matchLevel, wordPairs, type Match } from './rank.js';
import { queryTerms } from '../text/pipeline.js';
import { tokenize } from '../text/tokenizer.js';
import { reply, type Scope } from './scope.js';
import { CLOSE_SECOND_MARGIN, SAME_QUOTE_SHARE } from './weights.js';
import { closest, saidIt } from './wording.js';

/** The answer naming who said the words; null when no quote holds enough of them. */
export function whoSaid(library: Library, q: Question, scope: Scope, limit: number): Answer | null {
  const ranked = rankForWords(library, q, scope);
  if (!ranked.length) return null;
  const items = ranked.slice(0, limit).map((m) => matchedItem(library, q, m));
  const best = items[0];
  const level = matchLevel(ranked[0]);
  // Words given in quotation marks are the asker's claim of what was said, not their own paraphrase.
  const unknown = level === 'loose' && QUOTED.test(q.text) ? unknownWord(library, q) : undefined;
  const message =
    level === 'exact'
      ? `${saidIt(best)}${best.speaker ? closeSecond(ranked, items) : ''}.`
      : unknown
        ? // A word asked that the corpus never uses: what was asked is not in it, so no one is named.
          `No quote in the corpus says this (“${unknown}” is in none of its articles); ` +
          'the nearest quotes say something else:'
        : // Words shared, not the words asked about: the speaker of a quote that only resembles them.
          `No quote has these exact words; ${closest(best)}.`;
  return reply(q, message, items);
}

/** Quotation marks around the words asked. */
const QUOTED = /["“”«»„]/;

/**
 * A word of the question that no article holds, nor any word related to it ("spent on rockets" in a
 * corpus without rockets), as the asker typed it; undefined when every word is somewhere in the corpus.
 */
function unknownWord(library: Library, q: Question): string | undefined {
  const index = library.sentenceIndex;
  const absent = (t: string) =>
    index.docFrequency(t) === 0 && (q.related.get(t) ?? []).every((r) => index.docFrequency(r.term) === 0);
  const term = q.terms.find(absent);
  if (!term) return undefined;
  return tokenize(q.words).find((w) => queryTerms(w).includes(term)) ?? term;
}

/** ", or maybe X" when the runner-up is nearly as good and names someone else. */
function closeSecond(ranked: Match[], items: AnswerItem[]): string {
  const other = items.findIndex((it, i) => i > 0 && it.speaker && it.speaker !== items[0].speaker);
  if (other < 0 || ranked[other].score < ranked[0].score - CLOSE_SECOND_MARGIN) return '';
  const again = sameWords(items[0].quote, items[other].quote);
  const why = again ? 'the quote appears more than once' : 'their words are nearly as close';
  return ` (or perhaps ${items[other].speaker}: ${why})`;
}

/** Whether two quotes are mostly the same words in the same order: one quote given twice. */
function sameWords(a: string, b: string): boolean {
  const x = wordPairs(a);
  const y = wordPairs(b);
  let shared = 0;
  for (const p of x) if (y.has(p)) shared++;
  return shared >= SAME_QUOTE_SHARE * Math.min(x.size, y.size);
}
