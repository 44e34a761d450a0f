// "Who is X?": the speaker's descriptions, how often and where they are quoted, a few of their quotes.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import type { Answer, Speaker } from '../types.js';
import { quoteItem } from './items.js';
import { plural, reply, type Scope } from './scope.js';

export function whoIs(library: Library, q: Question, speaker: Speaker, scope: Scope, also: string): Answer {
  const theirs = (library.speakerQuotes.get(speaker.id) ?? []).filter((doc) => scope.quote(doc));
  const described = speaker.descriptions.length ? `, ${speaker.descriptions.slice(0, 2).join('; ')}` : '';
  const where = speaker.articles.length === 1 ? '1 article' : `${speaker.articles.length} articles`;
  const message = `${speaker.name}${described}. Quoted ${plural(theirs.length, 'time')} in ${where}.${also}`;
  const items = theirs.slice(0, 3).map((doc) => quoteItem(library, doc, library.quotes[doc].confidence));
  const answer = reply(q, message, items);
  answer.speaker = speaker;
  return answer;
}
