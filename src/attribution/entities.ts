// The people and organisations of one article. Mentions are linked into entities (the fullest name
// seen, surnames, spelling variants such as Nazarbayev/Nazarbaev), which the resolve stage uses to
// turn "Baunov", "he" or "the analyst" into a speaker.
import { DamerauLevenshteinDistance, JaroWinklerDistance } from '../text/natural.js';
import { stem } from '../text/stemmer.js';
import {
  GENERATIONS,
  genderOf,
  genderOfWords,
  GIVEN_NAME_TITLES,
  isFirstName,
  isPartyMember,
  isPersonRole,
  NOT_GIVEN_NAMES,
} from '../lexicon/index.js';
import type { Mention } from './mentions.js';
import { firstNotBefore } from './bisect.js';

export interface Entity {
  /** Local id within the article. */
  n: number;
  /** The fullest name seen ("Aleksandr Baunov"), or a role name ("Nazarbayev's spokesman"). */
  name: string;
  words: string[];
  kind: 'person' | 'org' | 'place' | 'unknown' | 'anonymous';
  gender?: 'm' | 'f';
  descriptions: string[];
  /** Other ways the article writes the name. */
  aliases: Set<string>;
  /** Has been the source of a quote: a speaker, whatever its kind. */
  speaks: boolean;
  /** Is the subject of a verb in the article's narration ("Carson defied the question"): someone who acts. */
  acts?: boolean;
  /** The age the article gives them ("Derek Lyle, 52,", "the 52-year-old Lyle"): "the 52-year-old" is them. */
  age?: number;
  /** Mentions linked so far, quoted or not. */
  mentions: number;
  /** Where the full name was last written. */
  lastFull?: number;
}

export class ArticleEntities {
  readonly all: Entity[] = [];
  /** Mentions in text order, each with its entity. */
  readonly mentions: Array<{ mention: Mention; entity: Entity }> = [];

  constructor(mentions: Mention[]) {
    let sentence = -1;
    for (const m of mentions) {
      this.mentions.push({ mention: m, entity: this.link(m, m.sentence !== sentence) });
      sentence = m.sentence;
    }
    this.mergeSurnames();
  }

  /** `first`: the first name in its sentence, most often its subject. */
  private link(m: Mention, first: boolean): Entity {
    const found =
      m.words.length > 1
        ? this.findFull(m)
        : this.findPart(
            m.words[0],
            m.start,
            GIVEN_NAME_TITLES.has(m.titles.at(-1)?.toLowerCase() ?? ''),
            genderOfWords(m.titles.join(' ')),
          );
    const e = found ?? this.create(m);
    if (m.words.length > e.words.length && (found ? compatibleFirst(e.words, m.words) : true)) {
      e.aliases.add(e.name);
      // "Patrick Carlineo Jr." then "Patrick W. Carlineo": the fuller name keeps the generation.
      e.name = withSuffix(m.name, e.name);
      e.words = m.words;
    } else if (found && m.words.length === e.words.length && suffixOf(m.name) && !suffixOf(e.name)) {
      e.aliases.add(e.name);
      e.name = m.name;
    } else if (m.name !== e.name) {
      e.aliases.add(m.name);
    }
    if ((m.kind === 'org' || m.kind === 'place') && e.kind === 'unknown') e.kind = m.kind;
    if (m.kind === 'person' && e.kind !== 'org') e.kind = 'person';
    for (const d of m.descriptions) if (!e.descriptions.includes(d)) e.descriptions.push(d);
    e.mentions++;
    // Who was "just named" for a shared surname: someone named as the actor — first in the sentence, not
    // after a preposition —, not one named in passing ("Trump accused Rafael Cruz", "a photo of Heidi Cruz").
    if (m.words.length > 1 && first && !m.governed) e.lastFull = m.start;
    e.gender ??= genderFrom(m);
    return e;
  }

  private create(m: Mention): Entity {
    const e: Entity = {
      n: this.all.length,
      name: m.name,
      words: m.words,
      kind: m.kind,
      descriptions: [],
      aliases: new Set(),
      speaks: false,
      mentions: 0,
    };
    this.all.push(e);
    return e;
  }

  private findFull(m: Mention): Entity | undefined {
    const last = m.words[m.words.length - 1];
    // Same surname and a first name that agrees (Hillary Clinton ≠ Bill Clinton).
    if (m.kind !== 'org') {
      for (let k = this.all.length - 1; k >= 0; k--) {
        const e = this.all[k];
        if (e.kind !== 'org' && sameSurname(e.words, last) && compatibleFirst(e.words, m.words)) return e;
      }
    }
    return (
      this.all.find((e) => e.words.length === m.words.length && e.words.every((w, k) => w === m.words[k])) ??
      // "Big Machine" after "Big Machine Label Group": the opening words of an organisation's name.
      this.all.find(
        (e) => e.kind === 'org' && e.words.length > m.words.length && m.words.every((w, k) => e.words[k] === w),
      )
    );
  }

  /** `given`: the word follows a title that takes a given name ("Sir Keir" is Keir Starmer). */
  private findPart(word: string, at: number, given = false, gender?: 'm' | 'f'): Entity | undefined {
    // A surname shared in a family ("Trump": Donald, Ivanka) means the one a title's gender picks out
    // ("Mrs. Marsh"), else the one just named in full, if any was moments ago; otherwise the one the story
    // is most about.
    const kin: Entity[] = [];
    for (let k = this.all.length - 1; k >= 0; k--) {
      const e = this.all[k];
      if (e.words.length > 1 && e.kind !== 'org' && sameSurname(e.words, word)) kin.push(e);
    }
    const fitting = gender ? kin.filter((e) => e.gender === gender) : [];
    const family = fitting.length ? fitting : kin;
    if (family.length > 1) {
      const recent = family
        .filter((e) => at - (e.lastFull ?? -Infinity) < 600)
        .sort((a, b) => (b.lastFull ?? 0) - (a.lastFull ?? 0))[0];
      return (
        recent ??
        family.reduce((best, e) =>
          e.mentions > best.mentions || (e.mentions === best.mentions && e.n < best.n) ? e : best,
        )
      );
    }
    if (family.length) return family[0];
    // No one of that surname is named in full (kin is empty): the latest name the word may still be.
    return (
      this.latest((e) => e.words.length === 1 && similar(e.words[0], word)) ??
      this.latest(
        (e) => e.words.length > 1 && e.kind === 'person' && e.words[0] === word && (given || isFirstName(word)),
      ) ??
      // "Oksana" after "Oksana Melnyk": a given name the list lacks, still the first word of only one name.
      this.onlyFirstNameOf(word) ??
      this.latest((e) => e.kind === 'org' && e.words.includes(word) && !isFirstName(word)) ??
      this.misspelt(word)
    );
  }

  /** The entity created last that passes `yes` (without a reversed copy of them all for each name). */
  private latest(yes: (e: Entity) => boolean): Entity | undefined {
    for (let k = this.all.length - 1; k >= 0; k--) if (yes(this.all[k])) return this.all[k];
    return undefined;
  }

  /** "Wines" after "Leslie Wimes": a surname one letter off the only person's it can be, and no other name. */
  private misspelt(word: string): Entity | undefined {
    if (word.length < 5 || isFirstName(word)) return undefined;
    const close = this.all.filter((e) => {
      const surname = e.words[e.words.length - 1];
      return (
        e.words.length > 1 &&
        likelyPerson(e) &&
        surname.length === word.length &&
        surname[0] === word[0] &&
        DamerauLevenshteinDistance(surname, word, { restricted: true }) === 1
      );
    });
    return close.length === 1 ? close[0] : undefined;
  }

  private onlyFirstNameOf(word: string): Entity | undefined {
    const named = this.all.filter(
      (e) => e.words.length > 1 && e.words.length <= 3 && likelyPerson(e) && e.words[0] === word,
    );
    return named.length === 1 && !NOT_GIVEN_NAMES.has(word) ? named[0] : undefined;
  }

  // "Nazarbayev" (first seen alone) and "Nursultan Nazarbayev" later are one person.
  private mergeSurnames(): void {
    for (const single of this.all.filter((e) => e.words.length === 1)) {
      const fuller = this.all.filter(
        (e) => e !== single && e.words.length > 1 && e.kind !== 'org' && sameSurname(e.words, single.words[0]),
      );
      if (fuller.length !== 1) continue;
      const into = fuller[0];
      into.aliases.add(single.name);
      for (const a of single.aliases) into.aliases.add(a);
      for (const d of single.descriptions) if (!into.descriptions.includes(d)) into.descriptions.push(d);
      into.mentions += single.mentions;
      if (single.kind === 'person') into.kind = 'person';
      into.gender ??= single.gender;
      for (const m of this.mentions) if (m.entity === single) m.entity = into;
      this.all.splice(this.all.indexOf(single), 1);
    }
  }

  /** A role entity made from a source phrase ("Nazarbayev's spokesman", "an unnamed source"). */
  role(name: string, kind: Entity['kind'], description?: string): Entity {
    const existing = this.all.find((e) => e.name === name);
    if (existing) return existing;
    const e: Entity = {
      n: this.all.length,
      name,
      words: name.toLowerCase().split(/\s+/),
      kind,
      descriptions: description ? [description] : [],
      aliases: new Set(),
      speaks: false,
      mentions: 0,
    };
    this.all.push(e);
    return e;
  }

  /** Mentions that lie within text[from, to), in order (mentions are in text order). */
  within(from: number, to: number): Array<{ mention: Mention; entity: Entity }> {
    const lo = firstNotBefore(this.mentions, (m) => m.mention.start < from);
    const out: Array<{ mention: Mention; entity: Entity }> = [];
    for (let k = lo; k < this.mentions.length && this.mentions[k].mention.start < to; k++) {
      if (this.mentions[k].mention.end <= to) out.push(this.mentions[k]);
    }
    return out;
  }

  /** Unquoted mentions that end before `offset`, nearest first. */
  before(offset: number): Array<{ mention: Mention; entity: Entity }> {
    const out: Array<{ mention: Mention; entity: Entity }> = [];
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (!m.mention.quoted && m.mention.end <= offset) out.push(m);
    }
    return out;
  }

  /** Entities named before `offset` and described by a role with these stems ("analyst" → a researcher),
    nearest first. */
  describedAll(stems: Set<string>, offset: number): Entity[] {
    const out: Entity[] = [];
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const { mention, entity } = this.mentions[k];
      if (mention.quoted || mention.end > offset || out.includes(entity)) continue;
      if (describedBy(entity, stems)) out.push(entity);
    }
    return out;
  }
}

// The stems of an entity's descriptions, made again only when a description is added.
const describedStems = new WeakMap<Entity, { n: number; stems: Set<string> }>();

/** One of the entity's descriptions has a word with one of these stems. */
export function describedBy(e: Entity, stems: Set<string>): boolean {
  let cached = describedStems.get(e);
  if (!cached || cached.n !== e.descriptions.length) {
    // A speaker with no name is called by their description ("a legal expert").
    const words =
      [...(e.kind === 'anonymous' ? [e.name] : []), ...e.descriptions]
        .join(' ')
        .toLowerCase()
        .match(/\p{L}+/gu) ?? [];
    cached = { n: e.descriptions.length, stems: new Set(words.map(stem)) };
    describedStems.set(e, cached);
  }
  for (const s of stems) if (cached.stems.has(s)) return true;
  return false;
}

/** A person, or a two- or three-word name that is no place and no organisation: most likely someone. */
export function likelyPerson(e: Entity): boolean {
  return e.kind === 'person' || (e.kind === 'unknown' && e.words.length >= 2 && e.words.length <= 3);
}

/**
 * A name written after "a" or "an" ("a Go-Kart Track", "a Tumblr post") names a kind of thing, or modifies
 * the noun after it; no one is meant by it — unless it is known as a person's ("a Trump interview") or ends
 * in a word for people ("a New Hampshire Democrat", "an Iowa Republican", who may speak).
 */
export function namesAKind(e: Entity, m: Mention): boolean {
  const last = m.words.at(-1) ?? '';
  return e.kind !== 'person' && !isPartyMember(last) && !isPersonRole(last);
}

function genderFrom(m: Mention): 'm' | 'f' | undefined {
  // "Interim DNC Chairwoman Donna Brazile": a gendered word in the titles, the descriptions or the name
  // itself; else the first given name before the surname.
  const described = genderOfWords([...m.titles, ...m.descriptions, ...m.words.slice(0, -1)].join(' '));
  const given = m.words.slice(0, -1).find((w) => isFirstName(w));
  return described ?? (given ? genderOf(given) : undefined);
}

function sameSurname(words: string[], surname: string): boolean {
  return similar(words[words.length - 1], surname);
}

/** The same word, or a spelling variant of a long one (Nazarbayev / Nazarbaev). */
export function similar(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  if (a.length < 6 || b.length < 6 || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  const x = a < b ? a : b;
  const y = a < b ? b : a;
  let row = variants.get(x);
  let yes = row?.get(y);
  if (yes === undefined) {
    yes = DamerauLevenshteinDistance(a, b, { restricted: true }) <= 1 && JaroWinklerDistance(a, b) >= 0.93;
    if (++variantCount > 200_000) {
      variants.clear();
      variantCount = 1;
      row = undefined;
    }
    if (!row) variants.set(x, (row = new Map()));
    row.set(y, yes);
  }
  return yes;
}

// Every mention is compared with the names before it: the same pairs come back many times. Keyed by the
// two words themselves, whose hashes the strings keep: a joined key was a new string to hash each time.
const variants = new Map<string, Map<string, boolean>>();
let variantCount = 0;

function compatibleFirst(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return true;
  return (
    a[0] === b[0] ||
    (a[0][0] === b[0][0] && (a[0].length === 1 || b[0].length === 1 || a[0].startsWith(b[0]) || b[0].startsWith(a[0])))
  );
}

/** "Jr.", "III": the generation a name ends with, as written, or ''. */
function suffixOf(name: string): string {
  const last = name.slice(name.lastIndexOf(' ') + 1);
  return GENERATIONS.has(last.toLowerCase().replace(/[.,]$/, '')) ? last : '';
}

function withSuffix(name: string, before: string): string {
  const generation = suffixOf(before);
  return generation && !suffixOf(name) ? `${name} ${generation}` : name;
}
