import { DamerauLevenshteinDistance, JaroWinklerDistance } from '../text/natural.js';
import { isFirstName } from '../lexicon/index.js';
import { HONORIFICS, nameKey, nameWords } from '../text/names.js';
import { stem } from '../text/stemmer.js';
import type { Speaker } from '../types.js';
import { scoreRole, type RoleIndex } from './roles.js';

/** A role fit from which every word of the role is in the speaker's name or descriptions. */
const ROLE_WHOLE = 0.99;
/** A role fits a speaker when this share of its word weight is in their profile (see roles.ts). */
const ROLE_MIN = 0.55;
/** Speakers a role fits within this much of the best are all offered ("did you mean …"). */
const ROLE_TIE = 0.05;

export interface SpeakerMatch {
  speaker: Speaker;
  /** 1 for the name as written; lower for a part of it, a role or a near spelling. */
  score: number;
  how: 'name' | 'part' | 'role' | 'fuzzy';
  /** role: how well the role fits them (see roles.ts); matches by role come best fit first. */
  fit?: number;
}

export interface Resolution {
  matches: SpeakerMatch[];
  /** Known names close to what was asked, for "did you mean"; filled when nothing matched. */
  suggestions: string[];
}

interface Lookup {
  /** Each speaker's name and description words, folded once. */
  profile: Map<Speaker, { words: string[] }>;
  /** Speakers by the stems of the words in their names and descriptions. */
  byStem: Map<string, Speaker[]>;
  byKey: Map<string, Speaker[]>;
  byWord: Map<string, Speaker[]>;
  byRole: Map<string, Speaker[]>;
  /** Name words by first letter: a near spelling keeps its first letter, so only those are compared. */
  byInitial: Map<string, string[]>;
}

const lookups = new WeakMap<Speaker[], Lookup>();

function lookupFor(speakers: Speaker[]): Lookup {
  let l = lookups.get(speakers);
  if (l) return l;
  l = {
    profile: new Map(),
    byStem: new Map(),
    byKey: new Map(),
    byWord: new Map(),
    byRole: new Map(),
    byInitial: new Map(),
  };
  const add = (map: Map<string, Speaker[]>, key: string, s: Speaker) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [s]);
    else if (!list.includes(s)) list.push(s);
  };
  for (const s of speakers) {
    for (const n of [s.name, ...s.aliases]) {
      add(l.byKey, nameKey(n), s);
      for (const w of nameWords(n)) if (!HONORIFICS.has(w) && w.length > 1) add(l.byWord, w, s);
    }
    for (const d of s.descriptions) {
      for (const w of nameWords(d)) if (w.length > 2) add(l.byRole, stem(w), s);
    }
    const words = nameWords([s.name, ...s.descriptions].join(' '));
    l.profile.set(s, { words });
    for (const w of words) add(l.byStem, stem(w), s);
  }
  for (const w of l.byWord.keys()) {
    const list = l.byInitial.get(w[0]);
    if (list) list.push(w);
    else l.byInitial.set(w[0], [w]);
  }
  lookups.set(speakers, l);
  return l;
}

const byWeight = (a: SpeakerMatch, b: SpeakerMatch) =>
  b.score - a.score || (b.fit ?? 0) - (a.fit ?? 0) || b.speaker.quoteCount - a.speaker.quoteCount;

/**
 * A name as written ("Angela Merkel") is not a role: a person only mentioned near a speaker must not
 * become that speaker. A role has a word in lower case, an article, a possessive, or is an abbreviation (CBP).
 */
export function readsAsRole(name: string): boolean {
  return /(?:^|\s)(?:\p{Ll}|the\s|a\s|an\s)|^\p{Lu}{2,5}$|['’]s?\s/u.test(name.trim());
}

/**
 * Finds the speakers a question means by `name`: the name or an alias as written, a part of a name
 * ("Hillary"), a possessive role ("Nazarbayev's spokesman"), a role noun ("the dissident"), or a near
 * spelling ("Borel"). Nothing is matched rather than a guess: a name close to none stays unmatched.
 */
export function resolveSpeaker(speakers: Speaker[], name: string, roles?: RoleIndex): Resolution {
  const l = lookupFor(speakers);
  const byRole = (): SpeakerMatch[] => {
    if (!roles || !readsAsRole(name)) return [];
    const visible = new Set(speakers);
    const scored = scoreRole(roles, name).filter((r) => visible.has(r.speaker) && r.score >= ROLE_MIN);
    if (!scored.length) return [];
    return scored
      .filter((r) => r.score >= scored[0].score - ROLE_TIE)
      .map((r) => ({ speaker: r.speaker, score: 0.7, how: 'role' as const, fit: r.score }));
  };
  const words = nameWords(name);
  if (!words.length) return { matches: [], suggestions: [] };
  const possessive = /^(.+?)['’]s?\s+(.+)$/u.exec(name.trim());
  // "RealClearPolitics’ David Byler": a name after the possessive is who is meant.
  if (possessive && /^\p{Lu}/u.test(possessive[2]) && !nameWords(possessive[2]).every((w) => HONORIFICS.has(w))) {
    const named = resolveSpeaker(speakers, possessive[2]);
    if (named.matches.length) return named;
  }
  if (possessive && roles) {
    const fits = byRole();
    if (fits.length) return done(fits, l, words);
  }
  if (possessive) {
    // "Nazarbayev's spokesman": someone described by the role and the owner, never the owner.
    const role = nameWords(possessive[2]).filter((w) => !HONORIFICS.has(w) || w === 'leader');
    const owner = nameKey(possessive[1]).split(' ');
    // Only speakers whose name or descriptions hold the role need the owner compared.
    const pool = role.length ? intersect(role.map((w) => l.byStem.get(stem(w)) ?? [])) : [];
    const found = pool.filter((s) => owner.every((w) => l.profile.get(s)!.words.some((t) => close(t, w))));
    return done(
      found.map((speaker) => ({ speaker, score: 0.9, how: 'role' as const })),
      l,
      words,
    );
  }
  // "the doctor", all in lower case, is a role before it is anyone's name ("Ann Doctor").
  if (/^(?:the|a|an)\s+[^\p{Lu}]*$/u.test(name.trim())) {
    const fits = byRole();
    if (fits.length) return done(fits, l, words);
  }
  const key = nameKey(name);
  const exact = l.byKey.get(key);
  if (exact)
    return done(
      exact.map((speaker) => ({ speaker, score: 1, how: 'name' as const })),
      l,
      words,
    );

  const core = key.split(' ').filter(Boolean);
  // Every word of the question's name in one speaker's names: "Hillary", "Clinton", "Josep Borrell".
  const parts = intersect(core.map((w) => l.byWord.get(w) ?? []));
  if (parts.length)
    return done(
      parts.map((speaker) => ({ speaker, score: 0.8, how: 'part' as const })),
      l,
      words,
    );

  // "the Labour MP": with an article, a role that some speaker's descriptions hold whole goes before a
  // surname that is only its last word (someone the articles left named "MP").
  if (/^(?:the|a|an)\s/i.test(name.trim())) {
    const fits = byRole().filter((m) => (m.fit ?? 0) >= ROLE_WHOLE);
    if (fits.length) return done(fits, l, words);
  }

  // The surname with any first name that agrees: "Jan Brewer" finds "Brewer", "District Carlton W. Reeves"
  // finds "Carlton W. Reeves"; "Betsy Sharp" does not find "Adam Sharp".
  // Every other word must look like part of a name: capitalised as typed, or a known given name.
  const typed = name.split(/\s+/);
  const namelike = core
    .slice(0, -1)
    .every(
      (w) =>
        HONORIFICS.has(w) ||
        isFirstName(w) ||
        l.byWord.has(w) ||
        typed.some((t) => foldName(t) === w && /^\p{Lu}/u.test(t)),
    );
  // The last word must be written as a name: "the Instagram spokesperson" is a role, not a Mr Spokesperson.
  // (Typed all in lower case, any word may be a name.)
  const lastTyped = typed.at(-1) ?? '';
  const roleNoun = /^\p{Ll}/u.test(lastTyped) && /\p{Lu}/u.test(name);
  if (core.length >= 2 && namelike && !roleNoun) {
    const surname = core[core.length - 1];
    const first = core[0];
    // Words before the surname that are no given name ("Meanwhile Trump") say nothing about which one.
    const firsts = core
      .slice(0, -1)
      .filter((w) => w.length > 1 && !HONORIFICS.has(w) && (isFirstName(w) || l.byWord.has(w)));
    const bySurname = (l.byWord.get(surname) ?? []).filter((s) => {
      const words = nameWords(s.name);
      if (words[words.length - 1] !== surname) return false;
      const given = words.length > 1 ? words[0] : null;
      return !given || firsts.length === 0 || firsts.includes(given) || words.includes(first);
    });
    if (bySurname.length)
      return done(
        bySurname.map((speaker) => ({ speaker, score: 0.75, how: 'part' as const })),
        l,
        words,
      );
  }

  // Role nouns: "the dissident", "the analyst", "the opposition leader", "the Jefferies analyst".
  const fits = byRole();
  if (fits.length) return done(fits, l, words);
  const roleWords = words.filter((w) => w !== 'the' && w.length > 2).map(stem);
  if (/^(the|a|an)\s/i.test(name.trim()) || roleWords.every((w) => l.byRole.has(w))) {
    const roles = intersect(roleWords.map((w) => l.byRole.get(w) ?? []));
    if (roles.length)
      return done(
        roles.map((speaker) => ({ speaker, score: 0.7, how: 'role' as const })),
        l,
        words,
      );
  }

  // Near spellings, word by word: each word of the question must be close to a word of one name.
  const candidates = core.map((w) => fuzzyWords(l, w));
  const fuzzy = intersect(candidates.map((c) => c.flatMap((w) => l.byWord.get(w) ?? [])));
  if (fuzzy.length)
    return done(
      fuzzy.map((speaker) => ({ speaker, score: 0.6, how: 'fuzzy' as const })),
      l,
      words,
    );
  return { matches: [], suggestions: suggest(l, core) };
}

function foldName(word: string): string {
  return nameWords(word)[0] ?? '';
}

function done(matches: SpeakerMatch[], l: Lookup, words: string[]): Resolution {
  return {
    matches: matches.sort((a, b) => byWeight(a, b) || (b.fit ?? 0) - (a.fit ?? 0)),
    suggestions: matches.length ? [] : suggest(l, words),
  };
}

/** Edits allowed for a word of this length: none for short words, whose neighbours are other names. */
function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 2 : word.length >= 4 ? 1 : 0;
}

function close(a: string, b: string): boolean {
  if (a === b) return true;
  const edits = maxEdits(b);
  if (!edits || Math.abs(a.length - b.length) > edits) return false;
  return DamerauLevenshteinDistance(a, b, { restricted: true }) <= edits && JaroWinklerDistance(a, b) >= 0.88;
}

function fuzzyWords(l: Lookup, word: string): string[] {
  return (l.byInitial.get(word[0]) ?? []).filter((w) => close(w, word));
}

function intersect(lists: Speaker[][]): Speaker[] {
  if (!lists.length || lists.some((x) => !x.length)) return [];
  const [first, ...rest] = lists;
  const sets = rest.map((list) => new Set(list));
  return first.filter((s) => sets.every((set) => set.has(s)));
}

/** Names that share a looser likeness with the question's words, most quoted first. */
function suggest(l: Lookup, words: string[]): string[] {
  const found = new Map<Speaker, number>();
  for (const w of words) {
    if (w.length < 3) continue;
    for (const cand of l.byInitial.get(w[0]) ?? []) {
      if (Math.abs(cand.length - w.length) > 3) continue;
      const sim = JaroWinklerDistance(cand, w);
      if (sim < 0.8) continue;
      for (const s of l.byWord.get(cand) ?? []) found.set(s, Math.max(found.get(s) ?? 0, sim));
    }
  }
  return [...found.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].quoteCount - a[0].quoteCount)
    .slice(0, 5)
    .map(([s]) => s.name);
}
