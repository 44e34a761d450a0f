// Each speaker's profile for questions that name them by role (see question/roles.ts): their name and
// descriptions, and the words around them in the articles — the sentences of their quotes outside the
// quote marks, and the sentences that name them. Built once per library, on the first such question.
import type { Library } from '../library/index.js';
import { profileTerms, type RoleIndex, type RoleProfile } from '../question/roles.js';
import { nameWords } from '../text/names.js';
import type { Speaker } from '../types.js';

const built = new WeakMap<Library, RoleIndex>();

/** Marked stretches of a sentence: their words are the speaker's, not words about the speaker. */
const MARKED = /[“"«„][^“”"«»„]*[”"»]/gu;

export function roleIndex(library: Library): RoleIndex {
  const cached = built.get(library);
  if (cached) return cached;
  const around = new Map<string, string[]>();
  const sources = new Map<string, string[]>();
  const add = (id: string, text: string) => {
    const list = around.get(id);
    if (list) list.push(text);
    else around.set(id, [text]);
  };
  for (const q of library.quotes) {
    if (!q.speakerId) continue;
    const outside = q.sentence.replace(MARKED, ' ');
    add(q.speakerId, outside);
    const list = sources.get(q.speakerId);
    if (list) list.push(outside);
    else sources.set(q.speakerId, [outside]);
  }
  // The sentences that name a speaker: their surname (or an organisation's last word) as written.
  const byArticle = new Map<string, Array<{ speaker: Speaker; mark: RegExp }>>();
  for (const s of library.speakers) {
    const last = nameWords(s.name).at(-1);
    if (!last || last.length < 3) continue;
    const written = s.name.split(/\s+/).at(-1)!.replace(/[^\p{L}\p{N}'’-]/gu, '');
    const mark = new RegExp(`(?<![\\p{L}])${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
    for (const a of s.articles) {
      const list = byArticle.get(a) ?? [];
      list.push({ speaker: s, mark });
      byArticle.set(a, list);
    }
  }
  for (let i = 0; i < library.sentences.length; i++) {
    const article = library.articles[library.sentenceArticle[i]];
    const named = byArticle.get(article.id);
    if (!named) continue;
    const sentence = library.sentences.at(i)!;
    for (const { speaker, mark } of named) {
      if (mark.test(sentence.text)) add(speaker.id, sentence.text.replace(MARKED, ' '));
    }
  }
  const profiles: RoleProfile[] = [];
  const df = new Map<string, number>();
  for (const speaker of library.speakers) {
    const strong = profileTerms([speaker.name, ...speaker.aliases, ...speaker.descriptions]);
    const context = profileTerms(around.get(speaker.id) ?? []);
    const profile: RoleProfile = {
      speaker,
      strong: strong.terms,
      context: context.terms,
      sources: profileTerms(sources.get(speaker.id) ?? []).sentences,
      initials: strong.initials,
    };
    profiles.push(profile);
    for (const t of new Set([...profile.strong, ...profile.context])) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const index = { profiles, df };
  built.set(library, index);
  return index;
}
