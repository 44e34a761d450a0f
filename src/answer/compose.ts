import type { Library } from '../library/index.js';
import { MAX_QUESTION_LENGTH } from '../question/normalize.js';
import { parseQuestion, type ParsedQuestion } from '../question/parse.js';
import { resolveSpeaker, type SpeakerMatch } from '../question/speaker.js';
import { queryTerms } from '../text/pipeline.js';
import type { Answer, AnswerItem, Speaker } from '../types.js';
import { helpAnswer } from './help.js';
import { articlesOverview, plural, speakersOverview } from './overview.js';
import { passageItem, quoteItem } from './items.js';
import { rerankForSnippet } from './rank.js';

export interface AnswerOptions {
  /** Server asking: its uploaded articles are visible, other servers' are not. Null: base corpus only. */
  guildId?: string | null;
  /** Most answers returned. Default 10. */
  limit?: number;
  /**
   * Who the conversation is about (see `subjectOf`): "What else did he say?", "Who is she?" after an
   * answer about someone mean that person. Without it such a question is asked back.
   */
  about?: string;
}

/** A speaker named by a pronoun, to be read from the conversation. */
const PRONOUN_SPEAKER = /^(?:he|she|they|him|her|them|this person|that person|the same person|this guy|that guy)$/i;

/** Whether the question names its speaker by a pronoun only, so that the conversation says who. */
export function asksAboutSomeone(input: string): boolean {
  return pronounSpeaker(parseQuestion(input));
}

function pronounSpeaker(p: ParsedQuestion): boolean {
  return (p.intent === 'what_said' || p.intent === 'who_is') && PRONOUN_SPEAKER.test(p.speaker ?? '');
}

/** The person an answer is about, for the next question's "he" or "she": its speaker, or its best quote's. */
export function subjectOf(answer: Answer): string | undefined {
  return answer.speaker?.name ?? answer.answers[0]?.speaker ?? undefined;
}

/** A who-said answer needs at least this share of the snippet's term weight in the quote. */
const MIN_COVERAGE = 0.5;
/** Candidates re-ranked after the TF-IDF pass. */
const RERANK = 30;

/** Answers a question from the library. The same Answer serves the CLI, the chat and Discord. */
export function answerQuestion(library: Library, input: string, options: AnswerOptions = {}): Answer {
  const parsed = parseQuestion(input);
  const limit = options.limit ?? 10;
  const visible = visibility(library, options.guildId ?? null);
  if (pronounSpeaker(parsed)) {
    if (!options.about) {
      const known = visible.speakers.filter((sp) => sp.kind === 'person').sort((a, b) => b.quoteCount - a.quoteCount)[0];
      return base(parsed, `Who do you mean by “${parsed.speaker}”? Ask with a name, e.g. “What did ${known?.name.split(' ').at(-1) ?? 'Borrell'} say?”`);
    }
    parsed.speaker = options.about;
  }
  const answer = answerParsed(library, parsed, limit, visible);
  // Said, not silent: an answer to the first 500 characters could look like an answer to all of them.
  if (!parsed.truncated) return answer;
  return { ...answer, message: `${answer.message} (I read only the first ${MAX_QUESTION_LENGTH} characters of your question.)` };
}

function answerParsed(library: Library, parsed: ParsedQuestion, limit: number, visible: Visible): Answer {
  switch (parsed.intent) {
    case 'empty':
      return base(parsed, 'Ask me who said something, or what someone said. Type "help" for examples.');
    case 'help':
      if (parsed.overview === 'speakers') return speakersOverview(library, parsed.text, visible, parsed.article);
      if (parsed.overview === 'articles') return articlesOverview(library, parsed.text, visible);
      return helpAnswer(library, parsed.text, visible.speakers);
    case 'who_said':
      return whoSaid(library, parsed, limit, visible);
    case 'what_said':
    case 'who_is':
      return aboutSpeaker(library, parsed, limit, visible);
    default:
      return leadingSpeaker(library, parsed, limit, visible) ?? search(library, parsed, parsed.snippet ?? parsed.text, limit, visible);
  }
}

interface Visible {
  quote: (doc: number) => boolean;
  sentence: (doc: number) => boolean;
  article: (index: number) => boolean;
  speakers: Speaker[];
}

const visibleCache = new WeakMap<Library, Map<string | null, Visible>>();

/** The speakers a server may see: quoted in the shared corpus or in its own uploads. */
export function visibleSpeakers(library: Library, guildId: string | null): Speaker[] {
  return visibility(library, guildId).speakers;
}

// Per library and server, computed once: a question must not cost a pass over every article.
function visibility(library: Library, guildId: string | null): Visible {
  let perGuild = visibleCache.get(library);
  if (!perGuild) visibleCache.set(library, (perGuild = new Map()));
  let v = perGuild.get(guildId);
  if (v) return v;
  const ok = library.articles.map((a) => a.guildId === undefined || a.guildId === guildId);
  const speakers = library.speakers.filter((s) => s.articles.some((id) => ok[library.articleById.get(id) ?? -1]));
  v = {
    quote: (doc) => ok[library.quoteArticle[doc]],
    sentence: (doc) => ok[library.sentenceArticle[doc]],
    article: (index) => ok[index],
    speakers,
  };
  if (perGuild.size > 1000) perGuild.clear();
  perGuild.set(guildId, v);
  return v;
}

function base(parsed: ParsedQuestion, message: string, answers: AnswerItem[] = [], suggestions: string[] = []): Answer {
  // A message may open with a speaker written in lower case ("the port authority said it.").
  return { question: parsed.text, intent: parsed.intent, answers, message: message.charAt(0).toUpperCase() + message.slice(1), suggestions };
}

function whoSaid(library: Library, parsed: ParsedQuestion, limit: number, visible: Visible): Answer {
  if (parsed.topic && parsed.snippet === undefined) return whoSpokeOf(library, parsed, parsed.topic, limit, visible);
  const snippet = parsed.snippet ?? '';
  const terms = queryTerms(snippet);
  if (!terms.length) return base(parsed, 'Give me some words of the quote, e.g. who said "it is now a real revolution"?');
  const hits = library.quoteIndex.search(terms, { limit: RERANK, filter: visible.quote });
  const ranked = rerankForSnippet(
    library.quoteIndex,
    terms,
    snippet,
    hits,
    (doc) => library.quotes[doc].text,
    MIN_COVERAGE,
  );
  if (!ranked.length) {
    return contextPassages(library, parsed, snippet, limit, visible, (found) => found
      ? 'I found no quote with those words, so no speaker to name. The closest passages:'
      : 'I found no quote with those words in the corpus.');
  }
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
  return base(parsed, message, items);
}

/** The quote holds the words as asked: nearly all of them, mostly side by side. */
function isVerbatim(r: { coverage: number; phrase: number; pairs: number }): boolean {
  return r.coverage >= VERBATIM_COVERAGE && (r.pairs === 0 || r.phrase >= VERBATIM_PHRASE);
}
const VERBATIM_COVERAGE = 0.8;
const VERBATIM_PHRASE = 0.5;

/**
 * Who is quoted about a subject ("who talked about sanctions?"): each speaker once, by their quote that
 * best matches, then their other matching quotes. Quotes without a speaker are left out: this answer
 * is a list of names, and those quotes have none.
 */
function whoSpokeOf(library: Library, parsed: ParsedQuestion, topic: string, limit: number, visible: Visible): Answer {
  const terms = queryTerms(topic);
  if (!terms.length) return base(parsed, 'Tell me the subject with a word or two more, e.g. who talked about sanctions?');
  // "Who criticized Trump?": quotes of Trump himself are not about him in the sense asked.
  const named = new Set(resolveSpeaker(visible.speakers, topic).matches.filter((m) => m.how === 'name' || m.how === 'part').map((m) => m.speaker.id));
  const speakerOf = (doc: number) => library.quotes[doc].speakerId;
  const hits = library.quoteIndex.search(terms, {
    limit: SUBJECT_CANDIDATES,
    filter: (doc) => visible.quote(doc) && speakerOf(doc) !== null && !named.has(speakerOf(doc)!),
  });
  // The words as typed come first ("the wall", not "Wall Street"): a bonus on the coverage ranking.
  const words = exactWords(topic, /\p{Lu}/u.test(parsed.text));
  const ranked = rerankForSnippet(library.quoteIndex, terms, topic, hits, (doc) => library.quotes[doc].text, MIN_COVERAGE)
    .map((r) => ({ ...r, score: r.score + (words.length ? (SUBJECT_EXACT_BONUS * exactHits(words, library.quotes[r.doc].text)) / words.length : 0) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  const firsts: typeof ranked = [];
  const rest: typeof ranked = [];
  const seen = new Set<string>();
  for (const r of ranked) {
    const id = library.quotes[r.doc].speakerId!;
    (seen.has(id) ? rest : firsts).push(r);
    seen.add(id);
  }
  if (!firsts.length) {
    return contextPassages(library, parsed, topic, limit, visible, (found) => found
      ? `No one is quoted by name about ${topic}. The closest passages:`
      : `No one is quoted about ${topic} in the corpus.`);
  }
  const items = distinct([...firsts, ...rest].map((r) => quoteItem(library, r.doc, r.score))).slice(0, limit);
  const names = firsts.map((r) => library.quotes[r.doc].speaker!);
  const shown = names.slice(0, SUBJECT_NAMES);
  const more = names.length > shown.length ? ` and ${plural(names.length - shown.length, 'other')}` : '';
  return base(parsed, `Quoted about ${topic}: ${shown.join(', ')}${more}.`, items);
}

/**
 * A who-said question no quote answers: the passages closest to its words, as context. Passages are not
 * attribution, so no one is named, not even the speaker of a quote a passage lies in.
 */
function contextPassages(library: Library, parsed: ParsedQuestion, text: string, limit: number, visible: Visible, message: (found: boolean) => string): Answer {
  const passages = search(library, parsed, text, Math.min(limit, 3), visible);
  return {
    ...passages,
    intent: 'who_said',
    answers: passages.answers.map((a) => ({ ...a, speaker: null, speakerId: null, speakerDescription: null })),
    message: message(passages.answers.length > 0),
  };
}

/** Quotes read for a subject question; names listed in its message. */
const SUBJECT_CANDIDATES = 100;
const SUBJECT_NAMES = 5;
const SUBJECT_EXACT_BONUS = 0.3;

/** ", or maybe X" when the runner-up is nearly as good and names someone else. */
function closeSecond(ranked: Array<{ score: number }>, items: AnswerItem[]): string {
  const other = items.findIndex((it, i) => i > 0 && it.speaker && it.speaker !== items[0].speaker);
  if (other < 0 || ranked[other].score < ranked[0].score - 0.1) return '';
  return ` (or perhaps ${items[other].speaker}: the quote appears more than once)`;
}

function aboutSpeaker(library: Library, parsed: ParsedQuestion, limit: number, visible: Visible): Answer {
  const name = parsed.speaker ?? '';
  const { matches, suggestions } = resolveSpeaker(visible.speakers, name);
  const strong = parsed.loose ? matches.filter((m) => m.how !== 'fuzzy') : matches;
  if (!strong.length) {
    if (parsed.loose) return leadingSpeaker(library, { ...parsed, intent: 'search' }, limit, visible) ?? search(library, parsed, parsed.text, limit, visible);
    const hint = suggestions.length ? ` Did you mean ${suggestions.slice(0, 3).join(', ')}?` : '';
    const message = parsed.intent === 'who_is'
      ? `No one called ${name} is quoted in the corpus.${hint}`
      : `No quotes from ${name} in the corpus.${hint}`;
    return base(parsed, message, [], suggestions);
  }
  // Everyone the name fits equally well ("Clinton": Hillary, Bill, Chelsea), most quoted first.
  const chosen = tied(strong);
  const quotesOf = (s: Speaker) => (library.speakerQuotes.get(s.id) ?? []).filter((doc) => visible.quote(doc));
  let speaker = chosen[0].speaker;
  const others = chosen.slice(1).map((m) => m.speaker.name);
  const also = others.length ? ` (Also named so: ${others.slice(0, 3).join(', ')} — ask with a full name.)` : '';
  if (parsed.intent === 'who_is') return whoIs(library, parsed, speaker, quotesOf(speaker), also);
  const topic = parsed.topic ? queryTerms(parsed.topic) : [];
  let items: AnswerItem[] = [];
  let message: string;
  if (topic.length) {
    const words = exactWords(parsed.topic ?? '', /\p{Lu}/u.test(parsed.text));
    // Every namesake the name fits equally ("Lynch": Loretta and Stephen) may have spoken of it: their
    // quotes on the topic are ranked together, and the best one says whose answer this is.
    const ids = new Set(chosen.map((m) => m.speaker.id));
    const hits = onTopic(library, (doc) => ids.has(library.quotes[doc].speakerId ?? '') && visible.quote(doc), topic, words);
    if (hits.length) speaker = library.speakerById.get(library.quotes[hits[0].doc].speakerId!) ?? speaker;
    // Quotes the articles about them leave unattributed may be theirs: they come after all of their own
    // and keep no speaker, so the answer names no one the article does not.
    const unattributed = hits.length >= limit ? [] : onTopic(library, unattributedIn(library, speaker, visible), topic, words);
    const ranked = [...hits, ...unattributed];
    items = distinct(ranked.map((h) => quoteItem(library, h.doc, h.score))).slice(0, limit);
    const namesakes = [...new Set(items.map((it) => it.speaker).filter((n) => n && n !== speaker.name))];
    message = hits.length
      ? `What ${speaker.name} said about ${parsed.topic}:${namesakes.length ? ` (Also named so, and quoted on it: ${namesakes.slice(0, 3).join(', ')}.)` : speaker === chosen[0].speaker ? also : ''}`
      : items.length
        ? `${speaker.name} is never quoted by name about ${parsed.topic}; unattributed quotes about it in articles that quote them:`
        : `${speaker.name} is quoted ${plural(quotesOf(speaker).length, 'time')}, never about ${parsed.topic}. Everything quoted:${also}`;
  } else {
    message = `What ${speaker.name} said (${plural(quotesOf(speaker).length, 'quote')}):${also}`;
  }
  if (!items.length) {
    items = distinct(quotesOf(speaker)
      .map((doc) => ({ doc, score: library.quotes[doc].confidence }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .map((h) => quoteItem(library, h.doc, h.score))).slice(0, limit);
  }
  const answer = base(parsed, message, items);
  answer.speaker = speaker;
  return answer;
}

/**
 * A speaker's quotes about a topic, best first: TF-IDF of the topic's terms in each quote, and a bonus
 * for the words as typed — "Building" the word, not every "build"; "Wars" as in "Star Wars".
 */
function onTopic(library: Library, accept: (doc: number) => boolean, terms: string[], words: RegExp[]): Array<{ doc: number; score: number }> {
  const index = library.quoteIndex;
  // The quotes holding a topic word, then whose they are: cost follows the topic's postings, not how
  // often the speaker was quoted. A quote holding a topic term scores above 0.
  return index.docsWith(terms)
    .filter(accept)
    .map((doc) => {
      return { doc, score: index.score(terms, doc) * (1 + EXACT_BONUS * exactHits(words, library.quotes[doc].text)) };
    })
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

const EXACT_BONUS = 1;

/** The topic's words as typed: capitalised ones must match their case, and lower-case ones too when the asker uses capitals. */
function exactWords(topic: string, caseAware: boolean): RegExp[] {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (topic.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .filter((w) => w.length > 2)
    .map((w) => {
      const whole = `(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])`;
      if (/^\p{Lu}/u.test(w)) return new RegExp(whole, 'u');
      // Someone who writes names with capitals and this word without one means the common noun: "wall",
      // not the "Wall" of Wall Street (unless it opens a sentence, and no name). Typed all in lower case,
      // it is any.
      if (!caseAware) return new RegExp(whole, 'iu');
      const lower = escape(w.toLowerCase());
      const opening = escape(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      return new RegExp(`(?<![\\p{L}\\p{N}])${lower}(?![\\p{L}\\p{N}])|(?:^|[.!?]\\s+)${opening}(?![\\p{L}\\p{N}])(?!\\s+\\p{Lu})`, 'u');
    });
}

/** How many of the words as typed (see exactWords) the text holds. */
function exactHits(words: RegExp[], text: string): number {
  return words.filter((w) => w.test(text)).length;
}

/** Quotes without a speaker in the articles that quote this speaker. */
function unattributedIn(library: Library, speaker: Speaker, visible: Visible): (doc: number) => boolean {
  const articles = new Set(speaker.articles);
  return (doc) => library.quotes[doc].speakerId === null && articles.has(library.quotes[doc].articleId) && visible.quote(doc);
}

/** The same words quoted in several articles are one answer. */
function distinct(items: AnswerItem[]): AnswerItem[] {
  const seen = new Set<string>();
  return items.filter((it) => {
    const key = it.quote.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The best-matching speakers: all those tied with the first (a surname or role can fit several). */
function tied(matches: SpeakerMatch[]): SpeakerMatch[] {
  const top = matches[0].score;
  return matches.filter((m) => m.score === top);
}

function whoIs(library: Library, parsed: ParsedQuestion, speaker: Speaker, theirs: number[], also: string): Answer {
  const described = speaker.descriptions.length ? `, ${speaker.descriptions.slice(0, 2).join('; ')}` : '';
  const where = speaker.articles.length === 1 ? '1 article' : `${speaker.articles.length} articles`;
  const message = `${speaker.name}${described}. Quoted ${plural(theirs.length, 'time')} in ${where}.${also}`;
  const items = theirs.slice(0, 3).map((doc) => quoteItem(library, doc, library.quotes[doc].confidence));
  const answer = base(parsed, message, items);
  answer.speaker = speaker;
  return answer;
}

/**
 * "ted cruz new york values": a question that opens with a speaker's full name is about what they said
 * on the rest — when they said anything on it.
 */
function leadingSpeaker(library: Library, parsed: ParsedQuestion, limit: number, visible: Visible): Answer | null {
  const words = parsed.text.replace(/[?!.]+$/, '').split(/\s+/);
  for (const n of [3, 2, 1]) {
    if (words.length <= n) continue;
    const name = words.slice(0, n).join(' ').replace(/[,:;]+$/, '');
    const match = resolveSpeaker(visible.speakers, name).matches[0];
    // One word must be a capitalised surname of someone quoted ("Burman taxes"), not any word.
    if (!match || !(match.how === 'name' || (n === 1 && match.how === 'part' && /^\p{Lu}/u.test(name)))) continue;
    const asked: ParsedQuestion = { ...parsed, intent: 'what_said', speaker: name, topic: words.slice(n).join(' '), loose: true };
    const answer = aboutSpeaker(library, asked, limit, visible);
    return answer.answers.some((a) => a.speakerId === match.speaker.id) && /said about/.test(answer.message) ? answer : null;
  }
  return null;
}

function search(library: Library, parsed: ParsedQuestion, text: string, limit: number, visible: Visible): Answer {
  const terms = queryTerms(text);
  if (!terms.length) return base(parsed, 'Ask with a few words I can look for, e.g. "What did Borrell say?"');
  const hits = library.sentenceIndex.search(terms, { limit, filter: visible.sentence });
  const answer = { ...base(parsed, '', hits.map((h) => passageItem(library, h.doc, h.score))), intent: 'search' as const };
  answer.message = answer.answers.length ? 'The passages that match best:' : 'Nothing in the corpus matches that.';
  return answer;
}
