// Each speaker's profile for questions that name them by role (see question/roles.ts): their name and
// descriptions, and the words around them in the articles — the sentences of their quotes outside the
// quote marks, and the sentences that name them. Built once per library, on the first such question
// (or at start-up: see discord/context.ts warmUp); each sentence is read once, however many it names.
import type { Library } from '../library/index.js';
import { profileTerms, type RoleIndex, type RoleProfile } from '../question/roles.js';
import { nameWords } from '../text/names.js';
import { queryTerms } from '../text/pipeline.js';
import type { Quote, Speaker } from '../types.js';

const built = new WeakMap<Library, RoleIndex>();

/** Marked stretches of a sentence: their words are the speaker's, not words about the speaker. */
const MARKED = /[“"«„][^“”"«»„]*[”"»]/gu;

export function roleIndex(library: Library): RoleIndex {
  const cached = built.get(library);
  if (cached) return cached;
  const context = new Map<string, Set<string>>();
  const sources = new Map<string, Array<Set<string>>>();
  const addAll = (id: string, terms: Set<string>) => {
    let set = context.get(id);
    if (!set) context.set(id, (set = new Set()));
    for (const t of terms) set.add(t);
  };
  // What a sentence reports someone said is theirs, not words about anyone in it: "Mbeki, an analyst,
  // said investors had been waiting" makes no investor of her.
  const reported = new Map<string, Array<[number, number]>>();
  for (const q of library.quotes) {
    const span = reportedSpan(q);
    if (!span) continue;
    const key = `${q.articleId}:${q.sentenceStart}`;
    const list = reported.get(key);
    if (list) list.push(span);
    else reported.set(key, [span]);
  }
  const outside = (text: string, key: string) => {
    let kept = text;
    for (const [from, to] of reported.get(key) ?? [])
      kept = kept.slice(0, from) + ' '.repeat(to - from) + kept.slice(to);
    return new Set(queryTerms(kept.replace(MARKED, ' ')));
  };
  const bySentence = new Map<string, Set<string>>();
  for (const q of library.quotes) {
    if (!q.speakerId) continue;
    const key = `${q.articleId}:${q.sentenceStart}`;
    let terms = bySentence.get(key);
    if (!terms) bySentence.set(key, (terms = outside(q.sentence, key)));
    addAll(q.speakerId, terms);
    const list = sources.get(q.speakerId);
    if (list) list.push(terms);
    else sources.set(q.speakerId, [terms]);
  }
  // The sentences that name a speaker: their surname (or an organisation's last word) as written.
  const byArticle = new Map<string, Array<{ speaker: Speaker; last: string }>>();
  for (const s of library.speakers) {
    const key = nameWords(s.name).at(-1);
    if (!key || key.length < 3) continue;
    const last = s.name
      .split(/\s+/)
      .at(-1)!
      .replace(/[^\p{L}\p{N}'’-]/gu, '');
    for (const a of s.articles) {
      const list = byArticle.get(a) ?? [];
      list.push({ speaker: s, last });
      byArticle.set(a, list);
    }
  }
  for (let i = 0; i < library.sentences.length; i++) {
    const named = byArticle.get(library.articles[library.sentenceArticle[i]].id);
    if (!named) continue;
    const sentence = library.sentences.at(i)!;
    let terms: Set<string> | undefined;
    for (const { speaker, last } of named) {
      if (!namedIn(sentence.text, last)) continue;
      terms ??= outside(sentence.text, `${sentence.articleId}:${sentence.start}`);
      addAll(speaker.id, terms);
    }
  }
  const profiles: RoleProfile[] = [];
  const df = new Map<string, number>();
  for (const speaker of library.speakers) {
    const strong = profileTerms([speaker.name, ...speaker.aliases, ...speaker.descriptions]);
    const own = speaker.kind === 'person' ? profileTerms([speaker.name, ...speaker.aliases]).terms : new Set<string>();
    const inDescriptions = profileTerms(speaker.descriptions).terms;
    const profile: RoleProfile = {
      speaker,
      strong: strong.terms,
      personal: new Set([...own].filter((t) => !inDescriptions.has(t))),
      context: context.get(speaker.id) ?? new Set(),
      sources: sources.get(speaker.id) ?? [],
      initials: strong.initials,
    };
    profiles.push(profile);
    for (const t of new Set([...profile.strong, ...profile.context])) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const index = { profiles, df };
  built.set(library, index);
  return index;
}

/** Characters looked back from an indirect quote for the "that" opening its clause. */
const CLAUSE_REACH = 60;

/**
 * Where in its sentence a quote reports what was said, from the "that" opening its clause ("told the
 * court that the defendant had “built …”"); null when nothing is left to cut.
 */
function reportedSpan(q: Quote): [number, number] | null {
  const from = q.start - q.sentenceStart;
  // A direct quote's marks say where it is, and a broken one's span holds the cue between its pieces.
  const to = q.kind === 'direct' ? from : q.end - q.sentenceStart;
  if (from < 0 || to > q.sentence.length || from > to) return null;
  const before = q.sentence.slice(Math.max(0, from - CLAUSE_REACH), from);
  const clause = /\bthat\s[^,;:“"]*["“]?$/u.exec(before);
  const start = clause ? from - (before.length - clause.index) : from;
  return start < to ? [start, to] : null;
}

/** The word as a whole word of the text (no regex per speaker and sentence: this runs often). */
function namedIn(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + word.length] ?? '';
    if (!/[\p{L}]/u.test(before) && !/[\p{L}]/u.test(after)) return true;
  }
  return false;
}
