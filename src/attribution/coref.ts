// The coreference stage: "he" and "she" outside quotations. Each pronoun's candidates are the people
// named before it, described by how near they are, whether they were the subject of their sentence or
// only an owner or a modifier, whether their gender fits, whether they were just quoted; the speaker
// model weighs them (the weights are learned, see model.ts). Pronouns are read in order and, once
// resolved, stand for their person in turn, so that a chain of "he … he … he" keeps pointing at one man.
import { isPersonRole, MODIFIED_NOUNS, roleKin } from '../lexicon/index.js';
import type { Sentence } from '../types.js';
import type { ArticleEntities, Entity } from './entities.js';
import { score, type Features, type SpeakerModel } from './model.js';
import { speechVerb, type Token, type TokenTable } from './tokens.js';

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
    for (const { mention, entity } of entities.mentions) {
      if (mention.quoted || entity.kind === 'org' || entity.kind === 'place') continue;
      const oblique = mention.possessive || modifies(table, mention.end);
      // "Asked by Tom Ridley …, Crane said": the agent after "by" is not the sentence's subject.
      const free = !oblique && table.range(Math.max(0, mention.start - 4), mention.start).at(-1)?.lower !== 'by';
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
    for (const t of table.tokens) {
      // "he" and "she" are two or three letters in the text: a length read off the token spares reading its word.
      const length = t.end - t.start;
      if (length !== 2 && length !== 3) continue;
      if ((t.lower !== 'he' && t.lower !== 'she') || quoted.some(([a, b]) => t.start >= a && t.end <= b)) continue;
      let best: Entity | null = null;
      let bestScore = threshold;
      for (const c of this.candidates(t, [])) {
        const s = score(model, c.features);
        if (s > bestScore) {
          best = c.entity;
          bestScore = s;
        }
      }
      if (!best) continue;
      const sentence = sentenceAt(t.start);
      const subject = !this.antecedents.some((a) => a.sentence === sentence && a.start < t.start);
      insertSorted(this.antecedents, {
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

  /** The people "he"/"she" at this token may be, each with what the model weighs. */
  candidates(t: Token, recent: RecentSpeaker[]): PronounCandidate[] {
    const gender = t.lower === 'he' || t.lower === 'him' || t.lower === 'his' ? 'm' : 'f';
    const sentence = this.sentenceAt(t.start);
    const paragraph = this.sentences[sentence]?.paragraph ?? 0;
    // Each person who fits: their nearest mention, and their nearest mention as a sentence's subject.
    const nearest = new Map<Entity, Antecedent>();
    const subject = new Map<Entity, Antecedent>();
    const direct = new Set<Entity>();
    // Antecedents are in text order, so are their paragraphs: start at the first within reach.
    let lo = 0;
    let hi = this.antecedents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.antecedents[mid].paragraph < paragraph - MAX_PARAGRAPHS_BACK) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.antecedents.length; k++) {
      const a = this.antecedents[k];
      if (a.start >= t.start) break;
      if (!fits(a.entity, gender)) continue;
      nearest.set(a.entity, a);
      if (a.subject) subject.set(a.entity, a);
      if (!a.oblique) direct.add(a.entity);
    }
    const distance = (a: Antecedent) => (this.narration[sentence] ?? 0) - (this.narration[a.sentence] ?? 0);
    const ranked = [...nearest.values()].sort((a, b) => b.start - a.start);
    const subjects = [...subject.values()].sort((a, b) => b.start - a.start);
    // Who the article has been about so far: how often each candidate was named or meant before.
    const told = new Map<Entity, number>();
    for (let k = 0; k < this.antecedents.length && this.antecedents[k].start < t.start; k++) {
      const e = this.antecedents[k].entity;
      if (nearest.has(e)) told.set(e, (told.get(e) ?? 0) + 1);
    }
    const most = Math.max(0, ...told.values());
    const out = new Map<Entity, Features>();
    ranked.forEach((a, rank) => {
      const e = a.entity;
      const f: Features = { 'how:pronoun': 1 };
      f[DIST[Math.min(distance(a), 3)]] = 1;
      f[RANK[Math.min(rank, 2)]] = 1;
      f[BACK[Math.min(paragraph - a.paragraph, 2)]] = 1;
      const s = subject.get(e);
      if (s) {
        f[SUBJECT_DIST[Math.min(distance(s), 3)]] = 1;
        f[SUBJECT_RANK[Math.min(subjects.indexOf(s), 2)]] = 1;
      }
      const times = told.get(e) ?? 0;
      if (times === most && times > 1) f['pron:most-told'] = 1;
      f['pron:told'] = Math.log1p(times) / 3;
      if (a.subject) f['pron:subject'] = 1;
      if (!direct.has(e)) f['pron:oblique-only'] = 1;
      else if (a.oblique) f['pron:oblique'] = 1;
      if (a.pronoun) f['pron:via-pronoun'] = 1;
      if (a.role) f['pron:via-role'] = 1;
      if (e.gender === gender) f['pron:gender'] = 1;
      if (e.kind === 'person') f['pron:person'] = 1;
      else if (e.speaks) f['pron:speaks'] = 1;
      else if (e.words.length > 1 && e.words.length < 4) f['pron:multiword'] = 1;
      else if (e.acts) f['pron:single-word-acts'] = 1;
      else f['pron:single-word'] = 1;
      out.set(e, f);
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

function insertSorted(list: Antecedent[], a: Antecedent): void {
  let i = list.length;
  while (i > 0 && list[i - 1].start > a.start) i--;
  list.splice(i, 0, a);
}
