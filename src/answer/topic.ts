// "Who talked about sanctions?": the speakers quoted on a subject, each once by their best quote, then
// their other quotes on it.
import type { Library } from '../library/index.js';
import type { Question, SpeakerMatch } from '../question/index.js';
import type { Answer } from '../types.js';
import { matchedItem } from './quote-match.js';
import { matchQuotes } from './rank.js';
import { plural, reply, type Scope } from './scope.js';
import { MIN_COVERAGE, SUBJECT_CANDIDATES, SUBJECT_EXACT_BONUS } from './weights.js';
import { caseAware, distinct, exactHits, exactWords } from './words.js';

/** Names listed in the message. */
const NAMES_LISTED = 5;

/**
 * The quotes on the topic, grouped by speaker; quotes without a speaker are left out (this answer is a
 * list of names). `named`: speakers the topic itself names ("Who criticized Trump?" does not list
 * Trump). Null when no one is quoted by name on it.
 */
export function topicQuotes(
  library: Library,
  q: Question,
  named: SpeakerMatch[],
  scope: Scope,
  limit: number,
): Answer | null {
  const topic = q.words;
  const own = new Set(named.filter((m) => m.how === 'name' || m.how === 'part').map((m) => m.speaker.id));
  const speakerOf = (doc: number) => library.quotes[doc].speakerId;
  // The words as typed come first ("the wall", not "Wall Street"): a bonus on the coverage ranking.
  const words = exactWords(topic, caseAware(q.text));
  const ranked = matchQuotes(library, q, {
    accept: (doc) => scope.quote(doc) && speakerOf(doc) !== null && !own.has(speakerOf(doc)!),
    minCoverage: MIN_COVERAGE,
    candidates: SUBJECT_CANDIDATES,
    bonus: (doc) =>
      words.length
        ? SUBJECT_EXACT_BONUS * (exactHits(words, library.quoteIndex, doc, library.quotes[doc].text) / words.length)
        : 0,
  });
  // Grouped by speaker, the speakers in the order of their best quote.
  const groups = new Map<string, typeof ranked>();
  for (const r of ranked) {
    const id = library.quotes[r.doc].speakerId!;
    const group = groups.get(id);
    if (group) group.push(r);
    else groups.set(id, [r]);
  }
  if (!groups.size) return null;
  const items = distinct([...groups.values()].flat(), (r) => matchedItem(library, q, r), limit);
  const names = [...groups.values()].map((g) => library.quotes[g[0].doc].speaker!);
  const shown = names.slice(0, NAMES_LISTED);
  const more = names.length > shown.length ? ` and ${plural(names.length - shown.length, 'other')}` : '';
  const counted = [...groups.values()]
    .slice(0, NAMES_LISTED)
    .map((g) => `${library.quotes[g[0].doc].speaker} (${g.length})`);
  const message = q.names
    ? `Quoted about ${topic}: ${shown.join(', ')}${more}.`
    : `Quotes about ${topic}, by speaker: ${counted.join(', ')}${more}.`;
  return reply(q, message, items);
}
