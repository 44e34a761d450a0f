// The dispatcher: reads the question once, sends it to the module of its intent, and decides the
// fallbacks from what that module returned — who-said finds no quote → passages with no one named; a
// loose "X on Y" whose X is nobody quoted → a search; a question opening with a name → what that person
// said on the rest, when they said anything on it. Intent modules never call one another.
import type { Library } from '../library/index.js';
import { MAX_QUESTION_LENGTH } from '../question/normalize.js';
import {
  parseQuestion,
  readQuestion,
  readsAsRole,
  resolveSpeaker,
  withWords,
  type ParsedQuestion,
  type Question,
  type SpeakerMatch,
} from '../question/index.js';
import { queryTerms } from '../text/pipeline.js';
import type { Answer } from '../types.js';
import { helpAnswer } from './help.js';
import { articlesOverview, speakersOverview } from './overview.js';
import { reply, scopeFor, type Scope } from './scope.js';
import { roleIndex } from './profiles.js';
import { roleQuotes } from './role-quotes.js';
import { passages, searchMessage } from './search.js';
import { speakerQuotes } from './speaker-quotes.js';
import { topicQuotes } from './topic.js';
import { whoIs } from './who-is.js';
import { verify } from './verify.js';
import { whoSaid } from './who-said.js';

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
/** Passages shown as context when a who-said question finds no quote. */
const CONTEXT_PASSAGES = 3;
/** Share of the question's word weight a context passage must hold, so as to be about what was asked. */
const CONTEXT_SHARE = 0.5;
/** Passages read for those that name someone never quoted. */
const MENTION_CANDIDATES = 20;

/** Whether the question names its speaker by a pronoun only, so that the conversation says who. */
export function asksAboutSomeone(input: string): boolean {
  // Only its parts are needed, not its terms: the question is read in full when it is answered.
  return pronounSpeaker(parseQuestion(input));
}

function pronounSpeaker(q: ParsedQuestion): boolean {
  return (
    (q.intent === 'what_said' || q.intent === 'who_is' || q.intent === 'verify') &&
    PRONOUN_SPEAKER.test(q.speaker ?? '')
  );
}

/** The person an answer is about, for the next question's "he" or "she": its speaker, or its best quote's. */
export function subjectOf(answer: Answer): string | undefined {
  return answer.speaker?.name ?? answer.answers[0]?.speaker ?? undefined;
}

/** Answers a question from the library. The same Answer serves the CLI, the chat and Discord. */
export function answerQuestion(library: Library, input: string, options: AnswerOptions = {}): Answer {
  let q = readQuestion(input);
  const limit = options.limit ?? 10;
  const scope = scopeFor(library, options.guildId ?? null);
  if (pronounSpeaker(q)) {
    if (!options.about) {
      const known = scope.speakers.filter((sp) => sp.kind === 'person').sort((a, b) => b.quoteCount - a.quoteCount)[0];
      return reply(
        q,
        `Who do you mean by “${q.speaker}”? Ask with a name, e.g. ` +
          `“What did ${known?.name.split(' ').at(-1) ?? 'Borrell'} say?”`,
      );
    }
    q = withWords({ ...q, speaker: options.about });
  }
  const answer = route(library, q, scope, limit);
  // Said, not silent: an answer to the first 500 characters could look like an answer to all of them.
  if (!q.truncated) return answer;
  return {
    ...answer,
    message: `${answer.message} (I read only the first ${MAX_QUESTION_LENGTH} characters of your question.)`,
  };
}

function route(library: Library, q: Question, scope: Scope, limit: number): Answer {
  switch (q.intent) {
    case 'empty':
      return reply(q, 'Ask me who said something, or what someone said. Type "help" for examples.');
    case 'help':
      if (q.overview === 'speakers') return speakersOverview(library, q.text, scope, q.article);
      if (q.overview === 'articles') return articlesOverview(library, q.text, scope);
      return helpAnswer(library, q.text, scope.speakers);
    case 'who_said':
      return quoteWords(library, q, scope, limit);
    case 'verify':
      return check(library, q, scope, limit);
    case 'topic':
      return subject(library, q, scope, limit);
    case 'what_said':
    case 'who_is':
      return aboutSpeaker(library, q, scope, limit);
    default:
      return leadingSpeaker(library, q, scope, limit) ?? search(library, q, q.terms, scope, limit);
  }
}

function quoteWords(library: Library, q: Question, scope: Scope, limit: number): Answer {
  if (!q.terms.length) return reply(q, 'Give me some words of the quote, e.g. who said "it is now a real revolution"?');
  return (
    whoSaid(library, q, scope, limit) ??
    context(library, q, scope, limit, (found) =>
      found
        ? 'I found no quote with those words, so no speaker to name. The closest passages:'
        : 'I found no quote with those words in the corpus.',
    )
  );
}

function check(library: Library, q: Question, scope: Scope, limit: number): Answer {
  if (!q.terms.length) return reply(q, 'Give me the words to check, e.g. did Borrell say "the EU is ready to help"?');
  const { matches } = resolveSpeaker(scope.speakers, q.speaker ?? '', roleIndex(library));
  return verify(library, q, tied(matches), scope, limit);
}

function subject(library: Library, q: Question, scope: Scope, limit: number): Answer {
  if (!q.terms.length) return reply(q, 'Tell me the subject with a word or two more, e.g. who talked about sanctions?');
  const named = resolveSpeaker(scope.speakers, q.words).matches;
  const quotes = topicQuotes(library, q, named, scope, limit);
  if (!quotes) {
    return context(library, q, scope, limit, (found) =>
      found
        ? `No one is quoted by name about ${q.words}. The closest passages:`
        : `No one is quoted about ${q.words} in the corpus.`,
    );
  }
  if (q.names || quotes.answers.length >= limit) return quotes;
  // "Quotes about Y": the quotes first, then what the articles themselves say of it.
  const quoted = new Set(quotes.answers.map((a) => a.sentence));
  const more = passages(library, q.terms, scope, CONTEXT_PASSAGES)
    .filter((p) => p.speaker === null && ![...quoted].some((s) => s.includes(p.sentence)))
    .slice(0, limit - quotes.answers.length);
  return { ...quotes, answers: [...quotes.answers, ...more] };
}

/**
 * A question no quote answers: the passages closest to its words, as context. Passages are not
 * attribution, so no one is named, not even the speaker of a quote a passage lies in.
 */
function context(
  library: Library,
  q: Question,
  scope: Scope,
  limit: number,
  message: (found: boolean) => string,
): Answer {
  const items = passages(library, q.terms, scope, Math.min(limit, CONTEXT_PASSAGES), CONTEXT_SHARE).map((a) => ({
    ...a,
    speaker: null,
    speakerId: null,
    speakerDescription: null,
    confidence: null,
  }));
  return reply(q, message(items.length > 0), items);
}

function aboutSpeaker(library: Library, q: Question, scope: Scope, limit: number): Answer {
  const name = q.speaker ?? '';
  // A loose form ("X on Y") may be any words before "on": a role only when it reads as one ("the …").
  const roles = !q.loose || /^(?:the|a|an)\s/i.test(name) ? roleIndex(library) : undefined;
  const { matches, suggestions } = resolveSpeaker(scope.speakers, name, roles);
  const strong = q.loose ? matches.filter((m) => m.how !== 'fuzzy') : matches;
  if (!strong.length) {
    if (q.loose) {
      const asSearch = withWords({ ...q, intent: 'search', snippet: q.text, topic: undefined });
      return leadingSpeaker(library, asSearch, scope, limit) ?? search(library, q, queryTerms(q.text), scope, limit);
    }
    const hint = suggestions.length ? ` Did you mean ${suggestions.slice(0, 3).join(', ')}?` : '';
    if (q.intent === 'who_is')
      return reply(q, `No one called ${name} is quoted in the corpus.${hint}`, [], suggestions);
    // A role no speaker is described by: the quotes told of where the articles speak of it.
    const near = readsAsRole(name) ? roleQuotes(library, q, scope, limit) : [];
    if (near.length) {
      return reply(q, `No speaker is described as ${name}; the quotes where the articles speak of ${name}:`, near);
    }
    // Named in the articles but never quoted by name: the passages that mention them, with no one named.
    const mentions = mentioning(library, q, name, scope);
    const more = mentions.length ? ' Passages that mention them:' : '';
    return reply(q, `No quotes from ${name} in the corpus.${hint}${more}`, mentions, suggestions);
  }
  const chosen = tied(strong);
  if (q.intent === 'who_is') {
    const others = chosen.slice(1).map((m) => m.speaker.name);
    const also = others.length ? ` (Also named so: ${others.slice(0, 3).join(', ')} — ask with a full name.)` : '';
    return whoIs(library, q, chosen[0].speaker, scope, also);
  }
  const { answer, onTopic } = speakerQuotes(library, q, chosen, scope, limit);
  // A near spelling is a guess ("Macron" → Marco Villa): with a topic, it answers only when they spoke of it.
  if (chosen[0].how === 'fuzzy' && q.terms.length && !onTopic) {
    const names = chosen.map((m) => m.speaker.name);
    return reply(q, `No quotes from ${name} in the corpus. Did you mean ${names.slice(0, 3).join(' or ')}?`, [], names);
  }
  return answer;
}

/** Passages that name the person asked about (their last name word as written), on the topic first. */
function mentioning(library: Library, q: Question, name: string, scope: Scope): ReturnType<typeof passages> {
  const last = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .at(-1);
  if (!last || last.length < 3) return [];
  const named = new RegExp(`(?<![\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
  return passages(library, queryTerms(`${name} ${q.topic ?? ''}`), scope, MENTION_CANDIDATES)
    .filter((p) => named.test(p.sentence))
    .slice(0, CONTEXT_PASSAGES)
    .map((a) => ({ ...a, speaker: null, speakerId: null, speakerDescription: null, confidence: null }));
}

/**
 * The best-matching speakers: all those tied with the first (a surname can fit several: their quotes
 * are ranked together). A role picks its best fit; the others it fits are offered ("did you mean").
 */
function tied(matches: SpeakerMatch[]): SpeakerMatch[] {
  if (!matches.length) return [];
  const top = matches[0].score;
  if (matches[0].how === 'role') return matches.filter((m) => m.how === 'role');
  return matches.filter((m) => m.score === top);
}

/**
 * "ted cruz new york values": a question that opens with a speaker's full name is about what they said
 * on the rest — when they said anything on it.
 */
function leadingSpeaker(library: Library, q: Question, scope: Scope, limit: number): Answer | null {
  const words = q.text.replace(/[?!.]+$/, '').split(/\s+/);
  for (const n of [3, 2, 1]) {
    if (words.length <= n) continue;
    const name = words
      .slice(0, n)
      .join(' ')
      .replace(/[,:;]+$/, '');
    const { matches } = resolveSpeaker(scope.speakers, name);
    const match = matches[0];
    // One word must be a capitalised surname of someone quoted ("Burman taxes"), not any word.
    if (!match || !(match.how === 'name' || (n === 1 && match.how === 'part' && /^\p{Lu}/u.test(name)))) continue;
    const asked = withWords({
      ...q,
      intent: 'what_said',
      speaker: name,
      topic: words.slice(n).join(' '),
      snippet: undefined,
      loose: true,
    });
    if (!asked.terms.length) continue;
    const { answer, onTopic } = speakerQuotes(
      library,
      asked,
      tied(matches.filter((m) => m.how !== 'fuzzy')),
      scope,
      limit,
    );
    if (onTopic && answer.answers.some((a) => a.speakerId === match.speaker.id)) return answer;
  }
  return null;
}

function search(library: Library, q: Question, terms: string[], scope: Scope, limit: number): Answer {
  const items = passages(library, terms, scope, limit);
  return { ...reply(q, searchMessage(terms, items.length), items), intent: 'search' };
}
