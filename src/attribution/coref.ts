// The coreference stage: "he" and "she" outside quotations, resolved in reading order. Each pronoun
// weighs the people named before it — how near, whether they were the subject of their sentence,
// whether their gender fits, whether they were just quoted — and, once resolved, stands for its person
// in turn, so that a chain of "he … he … he" keeps pointing at the same man.
import { MODIFIED_NOUNS } from '../lexicon/index.js';
import type { Sentence } from '../types.js';
import type { ArticleEntities, Entity } from './entities.js';
import type { Token, TokenTable } from './tokens.js';

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
}

export interface RecentSpeaker {
  entity: Entity;
  paragraph: number;
  end: number;
}

const MAX_PARAGRAPHS_BACK = 2;
const OBLIQUE = 0.6;
function modifies(table: TokenTable, end: number): boolean {
  const next = table.range(end, end + 40).find((t) => t.word || t.text === ',');
  return !!next && next.word && !next.cap && MODIFIED_NOUNS.has(next.lower);
}

export class Coref {
  private readonly antecedents: Antecedent[] = [];
  private readonly resolved = new Map<number, Entity | null>();
  private readonly sentenceAt: (offset: number) => number;
  /** Sentences of narration before each sentence: quoted sentences don't push a name further back. */
  private readonly narration: number[];

  constructor(
    table: TokenTable,
    private readonly sentences: Sentence[],
    entities: ArticleEntities,
    quoted: Array<[number, number]>,
    sentenceAt: (offset: number) => number,
  ) {
    this.sentenceAt = sentenceAt;
    this.narration = [];
    let count = 0;
    for (const s of sentences) {
      this.narration.push(count);
      const inside = quoted.some(([a, b]) => a <= s.start + 2 && b >= s.end - 2);
      if (!inside) count++;
    }
    const seen = new Set<number>();
    for (const { mention, entity } of entities.mentions) {
      if (mention.quoted || entity.kind === 'org' || entity.kind === 'place') continue;
      const oblique = mention.possessive || modifies(table, mention.end);
      const subject = !oblique && !seen.has(mention.sentence);
      if (!oblique) seen.add(mention.sentence);
      this.antecedents.push({ entity, start: mention.start, sentence: mention.sentence, paragraph: mention.paragraph, subject, pronoun: false, oblique });
    }
    this.antecedents.sort((a, b) => a.start - b.start);
    // Subject pronouns outside quotations, in order: each resolved one joins the antecedents.
    for (const t of table.tokens) {
      if ((t.lower !== 'he' && t.lower !== 'she') || quoted.some(([a, b]) => t.start >= a && t.end <= b)) continue;
      const entity = this.pick(t, []);
      this.resolved.set(t.start, entity);
      if (!entity) continue;
      const sentence = sentenceAt(t.start);
      const subject = !this.antecedents.some((a) => a.sentence === sentence && a.start < t.start);
      insertSorted(this.antecedents, { entity, start: t.start, sentence, paragraph: sentences[sentence]?.paragraph ?? 0, subject, pronoun: true, oblique: false });
    }
  }

  /** Who "he"/"she" at this token is, weighing also the speakers quoted just before. */
  resolve(t: Token, recent: RecentSpeaker[]): Entity | null {
    return this.pick(t, recent) ?? (this.resolved.get(t.start) ?? null);
  }

  private pick(t: Token, recent: RecentSpeaker[]): Entity | null {
    const gender = t.lower === 'he' ? 'm' : 'f';
    const sentence = this.sentenceAt(t.start);
    const paragraph = this.sentences[sentence]?.paragraph ?? 0;
    const scores = new Map<Entity, number>();
    for (const a of this.antecedents) {
      if (a.start >= t.start) break;
      if (paragraph - a.paragraph > MAX_PARAGRAPHS_BACK) continue;
      const e = a.entity;
      if (e.kind === 'org' || e.kind === 'place' || e.kind === 'anonymous' || (e.gender && e.gender !== gender)) continue;
      const dist = (this.narration[sentence] ?? 0) - (this.narration[a.sentence] ?? 0);
      let score = dist === 0 ? 3 : dist === 1 ? 2.2 : dist === 2 ? 1.5 : Math.max(0.2, 1.2 - 0.15 * dist);
      if (a.subject) score += 0.6;
      if (a.oblique) score -= OBLIQUE;
      // A two- or three-word name that is no place and no organisation is most likely someone.
      score += e.kind === 'person' ? 1 : e.speaks ? 0.7 : e.words.length > 1 && e.words.length < 4 ? 0.6 : 0;
      if (e.gender === gender) score += 0.6;
      if (a.pronoun) score += 0.2;
      scores.set(e, Math.max(scores.get(e) ?? 0, score));
    }
    // Only the speaker quoted last keeps the floor — until someone else who fits is made the subject of a
    // sentence after that quote.
    for (const r of recent.slice(0, 1)) {
      if (paragraph - r.paragraph > 1 || r.end > t.start) continue;
      const e = r.entity;
      if (e.kind === 'org' || e.kind === 'place' || e.kind === 'anonymous' || (e.gender && e.gender !== gender)) continue;
      const displaced = this.antecedents.some((a) => a.start > r.end && a.start < t.start && a.subject && !a.pronoun && a.entity !== e &&
        a.entity.kind !== 'org' && a.entity.kind !== 'place' && (!a.entity.gender || a.entity.gender === gender));
      if (displaced) continue;
      scores.set(e, (scores.get(e) ?? 1.5) + 0.8);
    }
    let best: Entity | null = null;
    let bestScore = 0;
    for (const [e, s] of scores) {
      if (s > bestScore) {
        best = e;
        bestScore = s;
      }
    }
    return bestScore >= 1.5 ? best : null;
  }
}

function insertSorted(list: Antecedent[], a: Antecedent): void {
  let i = list.length;
  while (i > 0 && list[i - 1].start > a.start) i--;
  list.splice(i, 0, a);
}
