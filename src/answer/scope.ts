// What one asker may see of a library, and the Answer value every intent module builds.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import type { Answer, AnswerItem, Speaker } from '../types.js';

export interface Scope {
  quote: (doc: number) => boolean;
  sentence: (doc: number) => boolean;
  article: (index: number) => boolean;
  speakers: Speaker[];
}

const scopeCache = new WeakMap<Library, Map<string | null, Scope>>();

/** The speakers a server may see: quoted in the shared corpus or in its own uploads. */
export function visibleSpeakers(library: Library, guildId: string | null): Speaker[] {
  return scopeFor(library, guildId).speakers;
}

/** Per library and server, computed once: a question must not cost a pass over every article. */
export function scopeFor(library: Library, guildId: string | null): Scope {
  let perGuild = scopeCache.get(library);
  if (!perGuild) scopeCache.set(library, (perGuild = new Map()));
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

/** An Answer to the question; a message may open with a speaker written in lower case ("the port authority"). */
export function reply(
  q: Pick<Question, 'text' | 'intent'>,
  message: string,
  answers: AnswerItem[] = [],
  suggestions: string[] = [],
): Answer {
  const capitalised = message.charAt(0).toUpperCase() + message.slice(1);
  return { question: q.text, intent: q.intent, answers, message: capitalised, suggestions };
}

/** "1 quote", "3 quotes". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
