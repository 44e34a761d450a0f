// Speakers as entities across the corpus: one per person, with the fullest name seen as its canonical
// name, the other spellings as aliases, and the appositions as descriptions. A surname alone ("Clinton"
// in an article that never gives a first name) joins the full name only when one clearly dominates.
import { surnameOf } from '../lexicon/index.js';
import { nameKey } from '../text/names.js';
import type { Article, Quote, Sentence, Speaker } from '../types.js';
import type { Attributed } from './attributed.js';
import type { Entity } from './entities.js';
import { similar } from './entities.js';
import { firstNotBefore } from './bisect.js';

interface Group {
  key: string;
  names: Map<string, number>;
  aliases: Set<string>;
  descriptions: Map<string, number>;
  kind: Speaker['kind'];
  articles: Set<string>;
  quotes: number;
}

/** A share of full-name quotes one name needs before a bare surname is taken to mean it. */
const DOMINANT = 0.7;

export function buildSpeakers(
  articles: Article[],
  sentences: Sentence[][],
  attributed: Attributed[][],
): { quotes: Quote[]; speakers: Speaker[] } {
  const groups = new Map<string, Group>();
  const keyOf = new Map<Entity, string>();
  attributed.forEach((quotes, a) => {
    for (const q of quotes) {
      const e = q.entity;
      if (!e) continue;
      let key = keyOf.get(e);
      if (!key) {
        key = entityKey(e, articles[a].id);
        keyOf.set(e, key);
      }
      let g = groups.get(key);
      if (!g) {
        g = {
          key,
          names: new Map(),
          aliases: new Set(),
          descriptions: new Map(),
          kind: kindOf(e),
          articles: new Set(),
          quotes: 0,
        };
        groups.set(key, g);
      }
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      for (const alias of e.aliases) g.aliases.add(alias);
      for (const d of e.descriptions) g.descriptions.set(d, (g.descriptions.get(d) ?? 0) + 1);
      g.articles.add(articles[a].id);
      g.quotes++;
    }
  });
  const target = mergeGroups(groups);
  const membersOf = new Map<string, Group[]>();
  for (const g of groups.values()) {
    const root = target(g.key);
    membersOf.set(root, [...(membersOf.get(root) ?? []), g]);
  }
  const speakers = new Map<string, Speaker>();
  const usedIds = new Set<string>();
  const speakerOfKey = (key: string): Speaker => {
    const root = target(key);
    let s = speakers.get(root);
    if (s) return s;
    s = toSpeaker(membersOf.get(root)!, usedIds);
    speakers.set(root, s);
    return s;
  };
  const quotes: Quote[] = [];
  attributed.forEach((list, a) => {
    const article = articles[a];
    list.forEach((q, n) => {
      const speaker = q.entity ? speakerOfKey(keyOf.get(q.entity)!) : null;
      const start = q.pieces[0][0];
      const end = q.pieces[q.pieces.length - 1][1];
      const [sStart, sEnd] = sentenceSpan(sentences[a], start, end);
      quotes.push({
        id: `${article.id}#${n}`,
        articleId: article.id,
        kind: q.kind,
        text: squeezeSpaces(q.pieces.map(([x, y]) => article.text.slice(x, y)).join(' ')),
        start,
        end,
        sentence: article.text.slice(sStart, sEnd).replace(/\n+/g, ' '),
        sentenceStart: sStart,
        sentenceEnd: sEnd,
        paragraph: q.paragraph,
        speaker: speaker?.name ?? null,
        speakerId: speaker?.id ?? null,
        source: q.source,
        cue: q.cue,
        confidence: q.confidence,
        rules: q.rules,
        ...(q.reason ? { reason: q.reason } : q.inherited ? { reason: 'continues the speaker before it' } : {}),
      });
    });
  });
  return { quotes, speakers: [...speakers.values()] };
}

// What \s matches past ASCII: the no-break and typographic spaces, line and paragraph separators, BOM.
const isWideSpace = (c: number) =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * s.replace(/\s+/g, ' ').trim(). Most quotes have single spaces between words and none at the ends: those
 * are checked by char code and kept as they are, without the regex's new string.
 */
function squeezeSpaces(s: string): string {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32;
    if ((space && prevSpace) || (c >= 9 && c <= 13) || (c >= 128 && isWideSpace(c))) {
      return s.replace(/\s+/g, ' ').trim();
    }
    prevSpace = space;
  }
  return prevSpace ? s.replace(/\s+/g, ' ').trim() : s;
}

/**
 * From the start of the first sentence overlapping [start, end) to the end of the last one, else [start,
 * end). Sentences are in text order: found by bisection, where filtering them all for each quote made
 * this quadratic in an article's length.
 */
function sentenceSpan(sentences: Sentence[], start: number, end: number): [number, number] {
  const lo = firstNotBefore(sentences, (s) => s.end <= start);
  let first = -1;
  let last = -1;
  for (let k = lo; k < sentences.length && sentences[k].start < end; k++) {
    if (sentences[k].end <= start) continue;
    if (first < 0) first = k;
    last = k;
  }
  return first < 0 ? [start, end] : [sentences[first].start, sentences[last].end];
}

// A speaker the article does not name ("a legal expert") is someone of that article only.
function entityKey(e: Entity, article: string): string {
  if (e.kind === 'anonymous') return `anonymous ${article} ${e.name.toLowerCase()}`;
  return nameKey(e.name) || e.name.toLowerCase();
}

function kindOf(e: Entity): Speaker['kind'] {
  return e.kind === 'org' || e.kind === 'place' ? 'organisation' : e.kind === 'anonymous' ? 'anonymous' : 'person';
}

/** Which group each group joins: spelling variants of full names, and dominated bare surnames. */
function mergeGroups(groups: Map<string, Group>): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (parent.has(p) && parent.get(p) !== p) p = parent.get(p)!;
    return p;
  };
  const full = [...groups.values()].filter((g) => g.kind === 'person' && g.key.includes(' '));
  const bySurname = new Map<string, Group[]>();
  for (const g of full) {
    const surname = g.key.split(' ').at(-1)!;
    const list = bySurname.get(surname) ?? [];
    list.push(g);
    bySurname.set(surname, list);
  }
  // Full names that differ by a letter in the surname and agree on the first name. Only surnames with
  // the same first letter and nearly the same length can be variants: compare within those buckets.
  const buckets = new Map<string, string[]>();
  for (const surname of bySurname.keys()) {
    const key = `${surname[0]}${surname.length}`;
    buckets.set(key, [...(buckets.get(key) ?? []), surname]);
  }
  const near = (s: string) => {
    const out: string[] = [];
    for (let d = -1; d <= 1; d++) out.push(...(buckets.get(`${s[0]}${s.length + d}`) ?? []));
    return out;
  };
  for (const [surname, list] of bySurname) {
    for (const other of near(surname)) {
      const others = bySurname.get(other)!;
      if (other <= surname || !similar(surname, other)) continue;
      for (const a of list)
        for (const b of others) if (a.key.split(' ')[0] === b.key.split(' ')[0]) parent.set(find(b.key), find(a.key));
    }
  }
  // "Donald J. Trump" is "Donald Trump" — unless two middles share the name (George H.W. / W. Bush).
  const middles = new Map<string, Group[]>();
  for (const g of full) {
    const w = g.key.split(' ');
    if (w.length < 3) continue;
    const outer = `${w[0]} ${w[w.length - 1]}`;
    middles.set(outer, [...(middles.get(outer) ?? []), g]);
  }
  for (const [outer, variants] of middles) {
    const plain = groups.get(outer);
    if (plain && variants.length === 1) parent.set(find(variants[0].key), find(plain.key));
  }
  for (const g of groups.values()) {
    if (g.key.includes(' ') || g.kind !== 'person') continue;
    const candidates = near(g.key)
      .filter((s) => similar(s, g.key))
      .flatMap((s) => bySurname.get(s)!);
    const total = candidates.reduce((n, c) => n + c.quotes, 0);
    const best = candidates.sort((x, y) => y.quotes - x.quotes)[0];
    if (best && best.quotes / total >= DOMINANT) parent.set(g.key, find(best.key));
  }
  return find;
}

function toSpeaker(members: Group[], used: Set<string>): Speaker {
  const names = new Map<string, number>();
  const descriptions = new Map<string, number>();
  const aliases = new Set<string>();
  const articles = new Set<string>();
  let quoteCount = 0;
  for (const g of members) {
    for (const [n, c] of g.names) names.set(n, (names.get(n) ?? 0) + c);
    for (const [d, c] of g.descriptions) descriptions.set(d, (descriptions.get(d) ?? 0) + c);
    for (const a of g.aliases) aliases.add(a);
    for (const a of g.articles) articles.add(a);
    quoteCount += g.quotes;
  }
  // The fullest name seen, the commoner of equals.
  const ranked = [...names].sort(
    (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  const name = ranked[0][0];
  for (const [n] of ranked.slice(1)) aliases.add(n);
  if (name.includes(' ') && members[0].kind === 'person') aliases.add(surnameOf(name));
  aliases.delete(name);
  let id =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'speaker';
  for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
  used.add(id);
  return {
    id,
    name,
    kind: members.some((g) => g.kind === 'anonymous') ? 'anonymous' : members[0].kind,
    aliases: [...aliases].sort(),
    descriptions: [...descriptions]
      .sort((a, b) => b[1] - a[1])
      .map(([d]) => d)
      .slice(0, 8),
    articles: [...articles].sort(),
    quoteCount,
  };
}
