// "What did X say (about Y)?": X's quotes, those on the topic first.
import type { Library } from '../library/index.js';
import type { Question, SpeakerMatch } from '../question/index.js';
import type { Answer, AnswerItem, Speaker } from '../types.js';
import { quoteItem } from './items.js';
import { plural, reply, type Scope } from './scope.js';
import { fieldCredit, inStory, narrativeTerms } from './narrative.js';
import {
  CONTEXT_WEIGHT,
  NARRATIVE_TOPIC_WEIGHT,
  RELATION_WEIGHT,
  SETTING_WEIGHT,
  TOPIC_EXACT_BONUS,
  UNSURE_CONFIDENCE,
} from './weights.js';
import { caseAware, distinct, exactHits, exactWords, type TypedWord } from './words.js';

/** Said when quotes of unsure attribution follow a speaker's own. */
const UNSURE_NOTE = ' (After theirs, quotes on it in the same articles whose speaker is unsure.)';

export interface SpeakerQuotes {
  answer: Answer;
  /** The speaker is quoted by name on the question's topic (false: no topic, or nothing on it). */
  onTopic: boolean;
}

/**
 * `chosen`: everyone the name fits equally well ("Lynch": Loretta and Stephen), most quoted first;
 * their quotes on the topic are ranked together, and the best one says whose answer this is.
 */
export function speakerQuotes(
  library: Library,
  q: Question,
  fits: SpeakerMatch[],
  scope: Scope,
  limit: number,
): SpeakerQuotes {
  let chosen = fits;
  const quotesOf = (s: Speaker) => (library.speakerQuotes.get(s.id) ?? []).filter((doc) => scope.quote(doc));
  const byRole = chosen[0].how === 'role';
  // Without a topic, a role answers with its best fit only; with one, every speaker it fits may have
  // spoken of it, and the best quote on it says whose answer this is.
  if (byRole && !q.terms.length) chosen = chosen.slice(0, 1);
  let speaker = chosen[0].speaker;
  const alsoFor = (who: Speaker): string => {
    const others = (byRole ? fits : chosen).filter((m) => m.speaker !== who).map((m) => m.speaker.name);
    if (!others.length) return '';
    return byRole
      ? ` (Did you mean ${others.slice(0, 3).join(' or ')}? They fit “${q.speaker}” too.)`
      : ` (Also named so: ${others.slice(0, 3).join(', ')} — ask with a full name.)`;
  };
  const also = alsoFor(speaker);
  let items: AnswerItem[] = [];
  let message: string;
  let onTopic = false;
  if (q.terms.length) {
    const words = exactWords(q.topic ?? '', caseAware(q.text));
    const ids = new Set(chosen.map((m) => m.speaker.id));
    const theirs = chosen.flatMap((m) => quotesOf(m.speaker));
    const hits = onTopicHits(
      library,
      theirs,
      (doc) => ids.has(library.quotes[doc].speakerId ?? '') && scope.quote(doc),
      q,
      words,
    );
    if (hits.length) speaker = library.speakerById.get(library.quotes[hits[0].doc].speakerId!) ?? speaker;
    // Quotes the articles about them leave unattributed may be theirs: they come after all of their own
    // and keep no speaker, so the answer names no one the article does not.
    // (All the quotes of their articles are read: the topic may be only in a quote's sentence.)
    const full = hits.length >= limit;
    const topical = topicArticles(library, q);
    const around = full
      ? []
      : speaker.articles
          .filter((a) => topical.has(library.articleById.get(a) ?? -1))
          .flatMap((a) => library.articleQuotes.get(a) ?? []);
    const unattributed = full ? [] : onTopicHits(library, around, unattributedIn(library, speaker, scope), q, words);
    // So may quotes there whose attribution is unsure: after those, under the speaker the article gave.
    const unsure = full ? [] : onTopicHits(library, around, unsureIn(library, speaker, ids, scope), q, words);
    // Then the rest of what they said: a topic put in other words than theirs may still be there.
    const shown = new Set([...hits, ...unattributed, ...unsure].map((h) => h.doc));
    const rest = hits.length
      ? quotesOf(speaker)
          .filter((doc) => !shown.has(doc))
          .map((doc) => ({ doc, score: 0 }))
      : [];
    // Their quotes with the topic only in the story around them come after those that hold it.
    // Quotes not theirs with the topic only in the story around them come last of all.
    const held = (h: { weak: boolean }) => !h.weak;
    const weak = (h: { weak: boolean }) => h.weak;
    const ranked = [
      ...[hits, unattributed, unsure].flatMap((list) => list.filter(held)),
      ...hits.filter(weak),
      ...rest,
      ...[unattributed, unsure].flatMap((list) => list.filter(weak)),
    ];
    items = distinct(ranked, (h) => quoteItem(library, h.doc, h.score), limit);
    const named = items.filter((it) => ids.has(it.speakerId ?? ''));
    const namesakes = [...new Set(named.map((it) => it.speaker).filter((n) => n && n !== speaker.name))];
    const doubt = items.some((it) => it.speakerId && !ids.has(it.speakerId)) ? UNSURE_NOTE : '';
    onTopic = hits.length > 0;
    const others = namesakes.length
      ? ` (Also named so, and quoted on it: ${namesakes.slice(0, 3).join(', ')}.)`
      : byRole
        ? alsoFor(speaker)
        : speaker === chosen[0].speaker
          ? also
          : '';
    const unnamed = doubt ? 'quotes about it of unsure or no speaker' : 'unattributed quotes about it';
    const times = plural(quotesOf(speaker).length, 'time');
    message = hits.length
      ? `What ${speaker.name} said about ${q.topic}:${others}${doubt}`
      : items.length
        ? `${speaker.name} is never quoted by name about ${q.topic}; ${unnamed} in articles that quote them:`
        : `${speaker.name} is quoted ${times}, never about ${q.topic}. Everything quoted:${also}`;
  } else {
    message = `What ${speaker.name} said (${plural(quotesOf(speaker).length, 'quote')}):${also}`;
  }
  if (!items.length) {
    // Nothing asked about, or nothing on it: their quotes, those said where the question says first
    // ("told the teachers", "in a statement"), then the surest.
    items = distinct(
      quotesOf(speaker)
        .map((doc) => ({
          doc,
          score: library.quotes[doc].confidence + SETTING_WEIGHT * settingHits(library, doc, q.settingTerms),
        }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc),
      (h) => quoteItem(library, h.doc, h.score),
      limit,
    );
  }
  const answer = reply(q, message, items);
  answer.speaker = speaker;
  return { answer, onTopic };
}

/**
 * Quotes about a topic, best first: TF-IDF of the topic's terms in each quote, the terms found only
 * around it (its sentence: a partial quote, the cue; less, its paragraph) at a lower weight, and a
 * bonus for the words as typed — "Building" the word, not every "build"; "Wars" as in "Star Wars".
 */
function onTopicHits(
  library: Library,
  own: number[],
  accept: (doc: number) => boolean,
  q: Question,
  words: TypedWord[],
): Array<{ doc: number; score: number; weak: boolean }> {
  const index = library.quoteIndex;
  // The quotes holding a topic word, then whose they are: cost follows the topic's postings, not how
  // often the speaker was quoted; their own quotes are read for the words around them, in the articles
  // that hold a topic word or a related one, and there only those with one in the quote or its story
  // (elsewhere nothing around a quote can match; reading each one's sentence is what costs).
  const topical = topicArticles(library, q);
  const terms = [...new Set(q.terms)];
  const wanted = withRelated(q);
  const near = (d: number) =>
    topical.has(library.quoteArticle[d]) && wanted.some((t) => index.contains(t, d) || inStory(library, d, t));
  const candidates = new Set([...quotesWith(library, q), ...own.filter(near)]);
  const out: Array<{ doc: number; score: number; weak: boolean }> = [];
  for (const doc of candidates) {
    if (!accept(doc)) continue;
    const around = narrativeTerms(library, doc);
    // A topic word missing from the quote counts, less, when a related word is in it or the word is around it.
    let context = 0;
    let weak = true;
    for (const t of terms) {
      if (index.contains(t, doc)) continue;
      const related = q.related.get(t) ?? [];
      let credit = fieldCredit(around, t, related, NARRATIVE_TOPIC_WEIGHT);
      for (const r of related)
        if (RELATION_WEIGHT[r.relation] > credit && index.contains(r.term, doc)) credit = RELATION_WEIGHT[r.relation];
      if (credit > CONTEXT_WEIGHT) weak = false;
      else if (inStory(library, doc, t)) credit = CONTEXT_WEIGHT;
      context += credit * index.idf(t);
    }
    const inQuote = index.score(q.terms, doc);
    if (inQuote <= 0 && context <= 0) continue;
    if (inQuote > 0) weak = false;
    const score =
      (inQuote + context) * (1 + TOPIC_EXACT_BONUS * exactHits(words, index, doc, library.quotes[doc].text)) +
      SETTING_WEIGHT * settingHits(library, doc, q.settingTerms);
    out.push({ doc, score, weak });
  }
  // Quotes that hold the topic (or have it in their sentence) before those with it only in their story.
  return out.sort((a, b) => Number(a.weak) - Number(b.weak) || b.score - a.score || a.doc - b.doc);
}

/** The question's terms and their related words, each once: what may match in or around a quote. */
function withRelated(q: Question): string[] {
  return [...new Set([...q.terms, ...[...q.related.values()].flat().map((r) => r.term)])];
}

/** A value worked out once per question and library (a speaker's answer reads its topic for three lists). */
function perQuestion<T>(memo: WeakMap<Library, WeakMap<Question, T>>, library: Library, q: Question, make: () => T): T {
  let forLibrary = memo.get(library);
  if (!forLibrary) memo.set(library, (forLibrary = new WeakMap()));
  let value = forLibrary.get(q);
  if (value === undefined) forLibrary.set(q, (value = make()));
  return value;
}

const quotesWithOf = new WeakMap<Library, WeakMap<Question, number[]>>();
const topicArticlesOf = new WeakMap<Library, WeakMap<Question, Set<number>>>();

/** The quotes holding one of the question's terms. */
function quotesWith(library: Library, q: Question): number[] {
  return perQuestion(quotesWithOf, library, q, () => library.quoteIndex.docsWith(q.terms));
}

/** The articles whose text (title included) holds one of the question's terms or their related words. */
function topicArticles(library: Library, q: Question): Set<number> {
  return perQuestion(topicArticlesOf, library, q, () => {
    const sentences = library.sentenceIndex.docsWith(withRelated(q));
    return new Set(sentences.map((s) => library.sentenceArticle[s]));
  });
}

/** Share of the setting's terms ("the teachers", "a statement") in the quote's sentence. */
function settingHits(library: Library, doc: number, terms: string[]): number {
  if (!terms.length) return 0;
  const around = narrativeTerms(library, doc);
  return terms.filter((t) => around.has(t) || library.quoteIndex.contains(t, doc)).length / terms.length;
}

/** Quotes another speaker is given with little confidence, in the articles that quote this speaker. */
function unsureIn(library: Library, speaker: Speaker, ids: Set<string>, scope: Scope): (doc: number) => boolean {
  const articles = new Set(speaker.articles);
  return (doc) => {
    const q = library.quotes[doc];
    return (
      q.speakerId !== null &&
      !ids.has(q.speakerId) &&
      q.confidence < UNSURE_CONFIDENCE &&
      articles.has(q.articleId) &&
      scope.quote(doc)
    );
  };
}

/** Quotes without a speaker in the articles that quote this speaker. */
function unattributedIn(library: Library, speaker: Speaker, scope: Scope): (doc: number) => boolean {
  const articles = new Set(speaker.articles);
  return (doc) =>
    library.quotes[doc].speakerId === null && articles.has(library.quotes[doc].articleId) && scope.quote(doc);
}
