// The coreference stage: "he" and "she" outside quotations. Each pronoun's candidates are the people
// named before it, described by how near they are, whether they were the subject of their sentence or
// only an owner or a modifier, whether their gender fits, whether they were just quoted; the speaker
// model weighs them (the weights are learned, see model.ts). Pronouns are read in order and, once
// resolved, stand for their person in turn, so that a chain of "he … he … he" keeps pointing at one man.
import {
  genderOfWords,
  INDEFINITE_ARTICLES,
  isPersonRole,
  MODIFIED_NOUNS,
  PREDICATE_WORDS,
  roleKin,
  SOMEONE_DETERMINERS,
} from '../lexicon/index.js';
import type { Sentence } from '../types.js';
import { namesAKind, type ArticleEntities, type Entity } from './entities.js';
import { score, type Features, type SpeakerModel } from './model.js';
import { speechVerb, type Token, type TokenTable } from './tokens.js';
import { firstNotBefore } from './bisect.js';

interface Antecedent {
  entity: Entity;
  start: number;
  sentence: number;
  paragraph: number;
  /** First person named in its sentence: its likely subject. */
  subject: boolean;
  pronoun: boolean;
  /** Named as an owner or a modifier ("Ivanka Trump's statement", "Trump campaign spokesman"): not the actor. */
  oblique: boolean;
  /** Named by a role ("the prime minister"), not by name. */
  role?: boolean;
}

export interface RecentSpeaker {
  entity: Entity;
  paragraph: number;
  end: number;
}

interface PronounView {
  gender: 'm' | 'f';
  sentence: number;
  paragraph: number;
  subject: Map<Entity, Antecedent>;
  direct: Set<Entity>;
  /** The nearest mention of each who fits, nearest first; and the nearest as a subject, likewise. */
  ranked: Antecedent[];
  subjects: Antecedent[];
  told: Map<Entity, number>;
  /** The most times any of them was told. */
  most: number;
}

export interface PronounCandidate {
  entity: Entity;
  features: Features;
}

const MAX_PARAGRAPHS_BACK = 2;
// Feature names by distance (sentences of narration), rank (nearest first) and paragraphs back.
const DIST = ['pron:d0', 'pron:d1', 'pron:d2', 'pron:d3'];
const RANK = ['pron:rank0', 'pron:rank1', 'pron:rank2'];
const BACK = ['pron:back0', 'pron:back1', 'pron:back2'];
const SUBJECT_DIST = ['pron:subject-d0', 'pron:subject-d1', 'pron:subject-d2', 'pron:subject-d3'];
const SUBJECT_RANK = ['pron:subject-rank0', 'pron:subject-rank1', 'pron:subject-rank2'];
/** Features of "no one" for a pronoun: what a candidate must beat to be taken. */
export const PRONOUN_NULL: Features = { 'null:bias': 1, 'null:pronoun': 1 };

const wordOrComma = (t: Token) => t.word || t.text === ',';

function modifies(table: TokenTable, end: number): boolean {
  // Most names are followed by a capital, a comma or a stop: answered before the tokens after are listed.
  const first = table.find(end, end + 60, wordOrComma);
  if (!first?.word || first.cap) return false;
  const after = table.range(end, end + 60);
  const next = after.find((t) => t.word || t.text === ',');
  if (!next?.word || next.cap) return false;
  if (MODIFIED_NOUNS.has(next.lower)) return true;
  // "Obama consultant Cornell Belcher", "Trump senior communications adviser Jason Miller": a role and a
  // name after the name make it the role's owner.
  let k = after.indexOf(next);
  let role = false;
  for (let n = 0; n < 4 && after[k]?.word && !after[k].cap; n++, k++) role = isPersonRole(after[k].lower);
  return role && !!after[k]?.word && after[k].cap;
}

const fits = (e: Entity, gender: 'm' | 'f') =>
  e.kind !== 'org' && e.kind !== 'place' && e.kind !== 'anonymous' && (!e.gender || e.gender === gender);

export class Coref {
  private readonly antecedents: Antecedent[] = [];
  private readonly sentenceAt: (offset: number) => number;
  /** Sentences of narration before each sentence: quoted sentences don't push a name further back. */
  private readonly narration: number[];
  /** Antecedents counted in `told` (the first toldUpTo), for toldBefore. */
  private toldUpTo = 0;
  private readonly told = new Map<Entity, number>();

  constructor(
    table: TokenTable,
    private readonly sentences: Sentence[],
    entities: ArticleEntities,
    quoted: Array<[number, number]>,
    sentenceAt: (offset: number) => number,
    model: SpeakerModel,
  ) {
    this.sentenceAt = sentenceAt;
    this.narration = [];
    let count = 0;
    for (const s of sentences) {
      this.narration.push(count);
      const inside = quoted.some(([a, b]) => a <= s.start + 2 && b >= s.end - 2);
      if (!inside) count++;
    }
    genderFromSpeech(table, entities, quoted);
    const seen = new Set<number>();
    // "The prime minister hit back.": a sentence opened by a role the article gave someone is about them.
    sentences.forEach((s, index) => {
      // Most sentences open with another word than "the": no window of tokens to make for them.
      const to = Math.min(s.end, s.start + 80);
      if (table.first(s.start, to)?.lower !== 'the') return;
      const entity = roleSubject(table.range(s.start, to), entities);
      if (!entity || quoted.some(([a, b]) => s.start >= a && s.start < b)) return;
      seen.add(index);
      this.antecedents.push({
        entity,
        start: s.start,
        sentence: index,
        paragraph: s.paragraph,
        subject: true,
        pronoun: false,
        oblique: false,
        role: true,
      });
    });
    this.unnamed(table, entities, quoted);
    for (const { mention, entity } of entities.mentions) {
      if (mention.quoted || entity.kind === 'org' || entity.kind === 'place') continue;
      const before = table.range(Math.max(0, mention.start - 4), mention.start).at(-1)?.lower ?? '';
      // "a Go-Kart Track", "in a Tumblr post she described": "he" or "she" never points back to a kind.
      if (INDEFINITE_ARTICLES.has(before) && namesAKind(entity, mention)) continue;
      // "on Instagram", "to Benghazi": one word after a preposition, never a person's, never acting — a thing.
      const thing = entity.words.length === 1 && entity.kind !== 'person' && !entity.speaks && !entity.acts;
      if (mention.governed && thing) continue;
      const oblique = mention.possessive || modifies(table, mention.end);
      // "Asked by Tom Ridley …, Crane said": the agent after "by" is not the sentence's subject.
      const free = !oblique && before !== 'by';
      const subject = free && !seen.has(mention.sentence);
      if (free) seen.add(mention.sentence);
      this.antecedents.push({
        entity,
        start: mention.start,
        sentence: mention.sentence,
        paragraph: mention.paragraph,
        subject,
        pronoun: false,
        oblique,
      });
    }
    this.antecedents.sort((a, b) => a.start - b.start);
    // Subject pronouns outside quotations, in order: each resolved one joins the antecedents.
    const threshold = score(model, PRONOUN_NULL);
    const { weights } = model;
    for (const t of table.tokens) {
      // "he" and "she" are two or three letters in the text: a length read off the token spares reading its word.
      const length = t.end - t.start;
      if (length !== 2 && length !== 3) continue;
      if ((t.lower !== 'he' && t.lower !== 'she') || quoted.some(([a, b]) => t.start >= a && t.end <= b)) continue;
      // Only the best score is needed here: each candidate is scored as its features are named, in the
      // order score() would add them, without an object per candidate.
      let best: Entity | null = null;
      let bestScore = threshold;
      const view = this.view(t);
      let s = 0;
      const add = (k: string, v: number) => {
        const w = weights[k];
        if (w !== undefined) s += w * v;
      };
      for (let rank = 0; rank < view.ranked.length; rank++) {
        s = 0;
        this.describe(view, view.ranked[rank], rank, add);
        if (s > bestScore) {
          best = view.ranked[rank].entity;
          bestScore = s;
        }
      }
      if (!best) continue;
      const sentence = sentenceAt(t.start);
      const subject = !this.antecedents.some((a) => a.sentence === sentence && a.start < t.start);
      this.insert({
        entity: best,
        start: t.start,
        sentence,
        paragraph: sentences[sentence]?.paragraph ?? 0,
        subject,
        pronoun: true,
        oblique: false,
      });
    }
  }

  /**
   * "WIRED spoke to one mother, who …. “…,” she said": someone the article never names, met as "a" or "one"
   * and a noun that says they are a woman or a man, is whom a "she" or "he" after may mean.
   */
  private unnamed(table: TokenTable, entities: ArticleEntities, quoted: Array<[number, number]>): void {
    const tokens = table.tokens;
    for (let k = 0; k + 1 < tokens.length; k++) {
      const [t, noun] = [tokens[k], tokens[k + 1]];
      if (!SOMEONE_DETERMINERS.has(t.lower)) continue;
      // "Nick Merrill, a spokesman for …", "he is a father": an apposition or a predicate describes someone
      // named, and is no one else.
      const prev = tokens[k - 1];
      if (prev && (!prev.word || PREDICATE_WORDS.has(prev.lower))) continue;
      if (!noun.word || noun.cap || !isPersonRole(noun.lower) || tokens[k + 2]?.cap) continue;
      const gender = genderOfWords(noun.lower);
      if (!gender || quoted.some(([a, b]) => t.start >= a && t.end <= b)) continue;
      const entity = entities.role(`a ${noun.lower}`, 'person');
      entity.gender ??= gender;
      const sentence = this.sentenceAt(t.start);
      const paragraph = this.sentences[sentence]?.paragraph ?? 0;
      const at = { entity, start: t.start, sentence, paragraph, subject: false, pronoun: false, oblique: false };
      this.antecedents.push(at);
    }
  }

  /** The people "he"/"she" at this token may be, each with what the model weighs. */
  candidates(t: Token, recent: RecentSpeaker[]): PronounCandidate[] {
    const view = this.view(t);
    const { gender, paragraph } = view;
    const out = new Map<Entity, Features>();
    view.ranked.forEach((a, rank) => {
      const f: Features = {};
      this.describe(view, a, rank, (k, v) => {
        f[k] = v;
      });
      out.set(a.entity, f);
    });
    // Only the speaker quoted last keeps the floor — until someone else who fits is made the subject of a
    // sentence after that quote.
    const r = recent[0];
    if (r && paragraph - r.paragraph <= 1 && r.end <= t.start && fits(r.entity, gender)) {
      const displaced = this.antecedents.some(
        (a) =>
          a.start > r.end &&
          a.start < t.start &&
          a.subject &&
          !a.pronoun &&
          a.entity !== r.entity &&
          fits(a.entity, gender),
      );
      const f = out.get(r.entity) ?? { 'how:pronoun': 1, 'pron:not-named': 1 };
      f[displaced ? 'pron:last-speaker-displaced' : 'pron:last-speaker'] = 1;
      if (r.entity.gender === gender) f['pron:gender'] = 1;
      out.set(r.entity, f);
    }
    return [...out].map(([entity, features]) => ({ entity, features }));
  }

  /** What every candidate of the pronoun at t is weighed against: the people before it who fit. */
  private view(t: Token): PronounView {
    const gender = t.lower === 'he' || t.lower === 'him' || t.lower === 'his' ? 'm' : 'f';
    const sentence = this.sentenceAt(t.start);
    const paragraph = this.sentences[sentence]?.paragraph ?? 0;
    // Each person who fits: their nearest mention, and their nearest mention as a sentence's subject.
    const nearest = new Map<Entity, Antecedent>();
    const subject = new Map<Entity, Antecedent>();
    const direct = new Set<Entity>();
    // Antecedents are in text order, so are their paragraphs: start at the first within reach.
    const lo = firstNotBefore(this.antecedents, (a) => a.paragraph < paragraph - MAX_PARAGRAPHS_BACK);
    for (let k = lo; k < this.antecedents.length; k++) {
      const a = this.antecedents[k];
      if (a.start >= t.start) break;
      if (!fits(a.entity, gender)) continue;
      nearest.set(a.entity, a);
      if (a.subject) subject.set(a.entity, a);
      if (!a.oblique) direct.add(a.entity);
    }
    const ranked = [...nearest.values()].sort((a, b) => b.start - a.start);
    const subjects = [...subject.values()].sort((a, b) => b.start - a.start);
    // Who the article has been about so far: how often each candidate was named or meant before.
    const told = this.toldBefore(t.start);
    let most = 0;
    for (const e of nearest.keys()) most = Math.max(most, told.get(e) ?? 0);
    return { gender, sentence, paragraph, subject, direct, ranked, subjects, told, most };
  }

  /** The features of candidate `a`, ranked `rank`, named to `put` in the order the model adds them. */
  private describe(v: PronounView, a: Antecedent, rank: number, put: (k: string, value: number) => void): void {
    const e = a.entity;
    const distance = (x: Antecedent) => (this.narration[v.sentence] ?? 0) - (this.narration[x.sentence] ?? 0);
    put('how:pronoun', 1);
    put(DIST[Math.min(distance(a), 3)], 1);
    put(RANK[Math.min(rank, 2)], 1);
    put(BACK[Math.min(v.paragraph - a.paragraph, 2)], 1);
    const s = v.subject.get(e);
    if (s) {
      put(SUBJECT_DIST[Math.min(distance(s), 3)], 1);
      put(SUBJECT_RANK[Math.min(v.subjects.indexOf(s), 2)], 1);
    }
    const times = v.told.get(e) ?? 0;
    if (times === v.most && times > 1) put('pron:most-told', 1);
    put('pron:told', Math.log1p(times) / 3);
    if (a.subject) put('pron:subject', 1);
    if (!v.direct.has(e)) put('pron:oblique-only', 1);
    else if (a.oblique) put('pron:oblique', 1);
    if (a.pronoun) put('pron:via-pronoun', 1);
    if (a.role) put('pron:via-role', 1);
    if (e.gender === v.gender) put('pron:gender', 1);
    if (e.kind === 'person') put('pron:person', 1);
    else if (e.speaks) put('pron:speaks', 1);
    else if (e.words.length > 1 && e.words.length < 4) put('pron:multiword', 1);
    else if (e.acts) put('pron:single-word-acts', 1);
    else put('pron:single-word', 1);
  }

  /**
   * How often each entity was named or meant before `start`. Pronouns are read in text order, so the
   * counts carry on from the last call instead of counting from the article's start each time.
   */
  private toldBefore(start: number): Map<Entity, number> {
    const list = this.antecedents;
    if (this.toldUpTo > 0 && list[this.toldUpTo - 1].start >= start) {
      this.toldUpTo = 0;
      this.told.clear();
    }
    for (; this.toldUpTo < list.length && list[this.toldUpTo].start < start; this.toldUpTo++) {
      const e = list[this.toldUpTo].entity;
      this.told.set(e, (this.told.get(e) ?? 0) + 1);
    }
    return this.told;
  }

  private insert(a: Antecedent): void {
    const list = this.antecedents;
    let i = list.length;
    while (i > 0 && list[i - 1].start > a.start) i--;
    list.splice(i, 0, a);
    // An antecedent among those counted already: count again from the start.
    if (i < this.toldUpTo) {
      this.toldUpTo = 0;
      this.told.clear();
    }
  }
}

/** "The prime minister …", "The former senator …": the person the article described by that role, if any. */
function roleSubject(tokens: Token[], entities: ArticleEntities): Entity | null {
  if (tokens[0]?.lower !== 'the') return null;
  for (let k = 1; k <= 4 && tokens[k]?.word; k++) {
    const next = tokens[k + 1];
    if (!isPersonRole(tokens[k].lower) || (next?.word && isPersonRole(next.lower))) continue;
    const e = entities.describedAll(roleKin(tokens[k].lower), tokens[0].start)[0];
    return e && e.kind !== 'org' && e.kind !== 'place' ? e : null;
  }
  return null;
}

/**
 * "Benford says he didn't know": a name whose gender the article has not given, followed by a verb of
 * saying and "he" or "she", takes that gender — in this article only, and only when all such say the same.
 */
function genderFromSpeech(table: TokenTable, entities: ArticleEntities, quoted: Array<[number, number]>): void {
  const votes = new Map<Entity, Set<'m' | 'f'>>();
  for (const { mention, entity } of entities.mentions) {
    if (mention.quoted || entity.gender || entity.kind === 'org' || entity.kind === 'place') continue;
    if (quoted.some(([a, b]) => mention.start >= a && mention.end <= b)) continue;
    // Most names are not followed by a comma or a verb of saying: passed over before their tokens are listed.
    const first = table.first(mention.end, mention.end + 160);
    if (first?.text !== ',' && (!first?.word || !speechVerb(first))) continue;
    let next = table.range(mention.end, mention.end + 160).slice(0, 24);
    // "Woodrow Benford, 58, who lives outside Minneapolis, says he": past an apposition.
    if (next[0]?.text === ',') {
      const k = next.findIndex((t, i) => i > 1 && next[i - 1].text === ',' && t.word && speechVerb(t));
      next = k > 0 ? next.slice(k) : [];
    }
    next = next.slice(0, 3);
    if (!next[0]?.word || !speechVerb(next[0])) continue;
    const he = next[1]?.lower === 'that' ? next[2] : next[1];
    if (he?.lower !== 'he' && he?.lower !== 'she') continue;
    const set = votes.get(entity) ?? new Set();
    set.add(he.lower === 'he' ? 'm' : 'f');
    votes.set(entity, set);
  }
  for (const [entity, genders] of votes) {
    if (genders.size !== 1) continue;
    entity.gender = [...genders][0];
    if (entity.kind === 'unknown') entity.kind = 'person';
  }
}
