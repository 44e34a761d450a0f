// The candidate speakers of one quote, each described by the features the speaker model weighs: which
// rule proposed it and how its source was read, what kind of entity it is, how far the cue stands, whether
// the quote sits in the writer's sentence, how it continues the quotes before. "No one" is a candidate too.
import { COORDINATORS, cueEvidence, PERSONAL_SUBJECTS, SUBORDINATORS } from '../lexicon/index.js';
import type { Sentence } from '../types.js';
import type { CueMatch } from './cue.js';
import type { ArticleEntities, Entity } from './entities.js';
import type { Features } from './model.js';
import { resolveSource, type ResolveContext } from './resolve.js';
import type { Token } from './tokens.js';
import { firstNotBefore } from './bisect.js';

export interface Proposal {
  entity: Entity;
  /** The cue (or other) rule and the source rule behind it. */
  rules: string[];
  features: Features;
  /** The cue match it came from; none for a continuation. */
  match?: CueMatch;
  /** A continuation of the speaker before. */
  inherited?: boolean;
}

export interface Candidates {
  proposals: Proposal[];
  /** Features of "no one". */
  none: Features;
  /** Every cue match that fired, in the rule table's order. */
  matches: CueMatch[];
  /** Why a match gave no candidate, first first. */
  reasons: string[];
}

/** What is known of the quote when its candidates are gathered. */
export interface QuoteFacts {
  paragraph: number;
  open: number;
  /** Offsets of the quoted words: a name inside them is named by the speaker, not the speaker. */
  pieces: Array<[number, number]>;
  /** The quote sits inside the writer's sentence (“called the plan “a disaster””). */
  mixed: boolean;
  headline: boolean;
  indirect: boolean;
  /** Words in the quote. */
  words: number;
  /** Tokens before and after, to measure how far a cue stands. */
  pre: Token[];
  post: Token[];
}

/** The trail item a quote with no cue may continue, and how it stands to the quote. */
export interface Continuation {
  entity: Entity;
  features: Features;
}

export interface GatherContext extends ResolveContext {
  entities: ArticleEntities;
  /** The subject of the sentence holding `offset`, for a cue with no source of its own. */
  subjectAt: (offset: number, leadIn: boolean) => Entity | null;
  /** The person an interview is with. */
  guest: () => Entity | null;
}

export function gather(
  facts: QuoteFacts,
  matches: CueMatch[],
  ctx: GatherContext,
  continuation: Continuation | null,
  leadIn: boolean,
): Candidates {
  const proposals: Proposal[] = [];
  const reasons: string[] = [];
  const seenSubject = new Set<Entity>();
  const named = namedInside(facts, ctx);
  for (const m of matches) {
    const base = matchFeatures(m, facts);
    if (m.source.length) {
      const r = resolveSource(m.source, facts.paragraph, ctx);
      if (!r.readings.length && r.reason) reasons.push(r.reason);
      for (const reading of r.readings) {
        proposals.push({
          entity: reading.entity,
          rules: [m.rule, key('source.', reading.how)],
          features: entityFeatures(reading.entity, named, withHow(key('how:', reading.how), base, reading.features)),
          match: m,
        });
      }
    } else if (m.rule === 'line.answer') {
      const guest = ctx.guest();
      if (guest) {
        proposals.push({
          entity: guest,
          rules: [m.rule, 'source.guest'],
          features: entityFeatures(guest, named, withHow('how:guest', base)),
          match: m,
        });
      }
    } else {
      // "Romney went after Trump, calling it “…”": a cue with no source of its own; its sentence's subject.
      const subject = ctx.subjectAt(facts.open, leadIn);
      if (subject && !seenSubject.has(subject)) {
        seenSubject.add(subject);
        proposals.push({
          entity: subject,
          rules: [m.rule, 'sentence.subject'],
          features: entityFeatures(subject, named, withHow('how:subject', base)),
          match: m,
        });
      } else if (!subject && !seenSubject.size) {
        // "She quickly noted her years in office, saying “…”": the subject is a pronoun; whom it stands for.
        const he = subjectPronoun(facts.pre);
        for (const reading of he ? resolveSource([he], facts.paragraph, ctx).readings : []) {
          if (seenSubject.has(reading.entity)) continue;
          seenSubject.add(reading.entity);
          proposals.push({
            entity: reading.entity,
            rules: [m.rule, 'sentence.subject-pronoun'],
            features: entityFeatures(reading.entity, named, withHow('how:subject-pronoun', base, reading.features)),
            match: m,
          });
        }
      }
    }
  }
  const cued = matches.some((m) => m.source.length);
  if (continuation) {
    const f = entityFeatures(continuation.entity, named, withHow('how:continue', continuation.features));
    if (cued) f[proposals.length ? 'continue:cued' : 'continue:cued-unresolved'] = 1;
    else if (matches.length) f['continue:sourceless-cue'] = 1;
    proposals.push({ entity: continuation.entity, rules: ['continue.previous'], features: f, inherited: true });
  }
  // Rules that agree on a speaker; and for the speaker before, what the quote's own cues say instead.
  for (const p of proposals) {
    const others = new Set(proposals.filter((q) => q !== p && q.entity === p.entity).map((q) => q.rules[0])).size;
    if (others) p.features.agree = Math.min(others, 2);
    if (p.inherited && proposals.some((q) => q.entity !== p.entity && !q.inherited && q.match?.source.length))
      p.features['continue:vs-cued'] = 1;
  }
  // Short words in marks are often a term or a scare quote, which no one is said to have said.
  const words = facts.words;
  const none: Features = {
    'null:bias': 1,
    [words <= 3 ? 'null:words-3' : words <= 8 ? 'null:words-8' : 'null:words-more']: 1,
  };
  if (facts.mixed) none['null:mixed'] = 1;
  if (!matches.length) none['null:no-cue'] = 1;
  else if (!cued) none['null:sourceless'] = 1;
  if (facts.indirect) none['null:indirect'] = 1;
  if (facts.headline) none['null:headline'] = 1;
  if (proposals.some((p) => p.rules[1] === 'source.pronoun')) none['null:pronoun'] = 1;
  return { proposals, none, matches, reasons };
}

/**
 * "he" or "she" opening the clause before a quote (at its start, or after a comma, a conjunction or a
 * subordinator: "When he returned he began by saying"), the first one.
 */
function subjectPronoun(pre: Token[]): Token | undefined {
  let prev: Token | undefined;
  for (const t of pre) {
    if (
      PERSONAL_SUBJECTS.has(t.lower) &&
      (!prev?.word || COORDINATORS.has(prev.lower) || SUBORDINATORS.has(prev.lower))
    )
      return t;
    prev = t;
  }
  return undefined;
}

function matchFeatures(m: CueMatch, facts: QuoteFacts): Features {
  // The rule, and what it shares with others (a cue naming its source, where it stands), so that a rule
  // the training news seldom uses still weighs as its kind does.
  const f: Features = {
    [key('rule:', m.rule)]: 1,
    [key('where:', m.where)]: 1,
    [m.source.length ? 'cue:source' : 'cue:no-source']: 1,
  };
  if (facts.mixed) f[key('mixed:', m.where)] = 1;
  if (facts.headline) f.headline = 1;
  if (facts.indirect) f.indirect = 1;
  // How far the cue stands from the quote, in tokens.
  const far =
    m.where === 'before' || m.where === 'colon' || (m.where === 'according' && m.cue.end <= facts.open)
      ? count(facts.pre, (t) => t.start >= m.cue.end)
      : count(facts.post, (t) => t.end <= m.cue.start);
  f[far <= 1 ? 'dist:0' : far <= 5 ? 'dist:5' : far <= 15 ? 'dist:15' : 'dist:far'] = 1;
  // What annotated news says of the cue word: how often it cued anything, and a direct quote.
  const word = facts.pre.find((t) => t.start === m.cue.start) ?? facts.post.find((t) => t.start === m.cue.start);
  if (word?.word) {
    const { count, direct } = cueEvidence(word.lower);
    f['cue:log-count'] = Math.log1p(count) / 8;
    f['cue:direct-rate'] = direct / (count + 2);
  } else {
    f['cue:mark'] = 1;
  }
  return f;
}

// Feature names made once: building them for every candidate made garbage to collect.
const keys = new Map<string, string>();
function key(prefix: string, name: string): string {
  const k = prefix + name;
  let made = keys.get(k);
  if (made === undefined) keys.set(k, (made = k));
  return made;
}

/**
 * Object.assign({ [how]: 1 }, a, b), one key at a time in the same order: Object.assign took V8's generic
 * path for feature objects of so many shapes, and was most of gathering's time.
 */
function withHow(how: string, a: Features, b?: Features): Features {
  const f: Features = {};
  f[how] = 1;
  for (const k in a) f[k] = a[k];
  if (b) for (const k in b) f[k] = b[k];
  return f;
}

function count(tokens: Token[], yes: (t: Token) => boolean): number {
  let n = 0;
  for (const t of tokens) if (yes(t)) n++;
  return n;
}

/** Adds to `f` what kind of entity the candidate is, whether it spoke before, whether the quote names it. */
function entityFeatures(e: Entity, named: Set<Entity>, f: Features): Features {
  f[key('kind:', e.kind)] = 1;
  if (e.kind === 'unknown' && e.words.length >= 2 && e.words.length <= 3) f['kind:unknown-name'] = 1;
  if (e.speaks) f.speaks = 1;
  else if (e.acts && e.kind === 'unknown') f['kind:unknown-acts'] = 1;
  if (named.has(e)) f['named-in-quote'] = 1;
  return f;
}

/** The entities named inside the quote's words (mentions are in text order). */
function namedInside(facts: QuoteFacts, ctx: GatherContext): Set<Entity> {
  const out = new Set<Entity>();
  const { mentions } = ctx.entities;
  const from = facts.pieces[0][0];
  const to = facts.pieces[facts.pieces.length - 1][1];
  const lo = firstNotBefore(mentions, (m) => m.mention.start < from);
  for (let k = lo; k < mentions.length && mentions[k].mention.start < to; k++) {
    const { mention, entity } = mentions[k];
    if (facts.pieces.some(([a, b]) => mention.start >= a && mention.end <= b)) out.add(entity);
  }
  return out;
}

/** Sentence lookups the stages share. */
export function sentenceLocator(sentences: Sentence[]): (offset: number) => number {
  const starts = sentences.map((s) => s.start);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
}
