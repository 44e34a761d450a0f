// "Who talked about sanctions?": the speakers quoted on a subject, each once by their best quote, then
// their other quotes on it.
import type { Library } from '../library/index.js';
import type { Question, SpeakerMatch } from '../question/index.js';
import type { Answer } from '../types.js';
import { matchedItem } from './quote-match.js';
import { queryTerms } from '../text/pipeline.js';
import { articleTerms } from './narrative.js';
import { matchQuotes, type Match } from './rank.js';
import { plural, reply, type Scope } from './scope.js';
import {
  CONTEXT_WEIGHT,
  MIN_COVERAGE,
  SUBJECT_CANDIDATES,
  SUBJECT_EXACT_BONUS,
  TITLE_CANDIDATES,
  TITLE_TOPIC_BONUS,
} from './weights.js';
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
  const accept = (doc: number) => scope.quote(doc) && speakerOf(doc) !== null && !own.has(speakerOf(doc)!);
  const matched = matchQuotes(library, q, {
    accept,
    minCoverage: MIN_COVERAGE,
    candidates: SUBJECT_CANDIDATES,
    bonus: (doc) =>
      words.length
        ? SUBJECT_EXACT_BONUS * (exactHits(words, library.quoteIndex, doc, library.quotes[doc].text) / words.length)
        : 0,
  });
  const ranked = onTopic(library, q, matched, accept);
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

/**
 * The matches read with the articles they are in. An article whose title holds every word of the topic
 * is about it: its quotes are on it even in words of their own ("Coastal town braces for storm surge":
 * “We are ready”), so they all count, and come first. A quote that holds no word of the topic, only a
 * synonym of one in some sense, in an article that never uses any of them or their family, is about something else
 * ("storm" → “taken by force”): it is left out.
 */
function onTopic(library: Library, q: Question, matched: Match[], accept: (doc: number) => boolean): Match[] {
  const titled = titledArticles(library, q.terms);
  const out: Match[] = [];
  const seen = new Set<number>();
  for (const m of matched) {
    seen.add(m.doc);
    const article = library.quoteArticle[m.doc];
    if (titled.has(article)) out.push({ ...m, score: m.score + TITLE_TOPIC_BONUS });
    else if (m.exact > 0 || inArticle(library, q, m.doc)) out.push(m);
  }
  for (const article of titled) {
    for (const doc of library.articleQuotes.get(library.articles[article].id) ?? []) {
      if (seen.has(doc) || !accept(doc)) continue;
      out.push({
        doc,
        score: CONTEXT_WEIGHT + TITLE_TOPIC_BONUS,
        coverage: CONTEXT_WEIGHT,
        exact: 0,
        phrase: 0,
        pairs: 0,
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** Whether the quote's article holds a word of the topic, or one of its family ("Chinese" for China). */
function inArticle(library: Library, q: Question, doc: number): boolean {
  const terms = articleTerms(library, doc);
  return q.terms.some(
    (t) => terms.has(t) || (q.related.get(t) ?? []).some((r) => r.relation !== 'synonym' && terms.has(r.term)),
  );
}

/** Articles (their index) whose title holds every term. */
function titledArticles(library: Library, terms: string[]): Set<number> {
  const out = new Set<number>();
  if (!terms.length) return out;
  for (const h of library.sentenceIndex.search(terms, { limit: TITLE_CANDIDATES })) {
    const s = library.sentences.at(h.doc)!;
    const at = library.articleById.get(s.articleId);
    if (at === undefined || out.has(at)) continue;
    const article = library.articles[at];
    const title = article.paragraphs[0];
    if (!title?.title || s.start >= title.end) continue;
    const words = new Set(queryTerms(article.text.slice(title.start, title.end)));
    if (terms.every((t) => words.has(t))) out.add(at);
  }
  return out;
}
