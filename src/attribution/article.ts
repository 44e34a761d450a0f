// Attribution of one article, stage by stage: quote marks → content (broken quotes split around their
// cue) → the cue rules around each quote (rules.ts) → resolve their sources into candidate speakers,
// with the speaker before and the sentence's subject → the speaker model chooses (model.ts) → pieces
// merged. Each quote keeps its offsets, cue, source span, the rules behind its speaker and a calibrated
// confidence.
import { DOUBLE_MARK, findQuoteSpans } from '../text/quotemarks.js';
import { wordsIn } from '../text/tokenizer.js';
import type { Article, Paragraph, Sentence } from '../types.js';
import { type Attributed, unattributed } from './attributed.js';
import {
  gather,
  sentenceLocator,
  type Candidates,
  type Continuation,
  type Proposal,
  type QuoteFacts,
} from './candidates.js';
import { merge, toDraft, wordCount, type Draft } from './content.js';
import { Coref } from './coref.js';
import type { CueMatch } from './cue.js';
import { ArticleEntities, likelyPerson, type Entity } from './entities.js';
import { furniture } from './furniture.js';
import { findIndirect } from './indirect.js';
import { interviewLines } from './interview.js';
import { findMentions } from './mentions.js';
import { calibrate, decide, defaultModel, howOf, type SpeakerModel } from './model.js';
import type { SpeakerTrail } from './resolve.js';
import { fire, QuoteWindow } from './rules.js';
import { headlineNames, isMixed, markSpeakers, sentenceSubject } from './subject.js';
import { TokenTable } from './tokens.js';

export type { Attributed };

/** One quote's candidates, as the speaker model sees them. */
export interface QuoteChoice {
  articleId: string;
  kind: Attributed['kind'];
  pieces: Array<[number, number]>;
  candidates: Candidates;
}

export interface AttributeOptions {
  /** The speaker model (default: the committed one). */
  model?: SpeakerModel;
  /**
   * Sees every quote's candidates and may choose its speaker instead of the model (undefined: the
   * model chooses). scripts/learn-speakers.ts learns from them.
   */
  choose?: (quote: QuoteChoice) => Entity | null | undefined;
}

/** Quotes shorter than this with no cue are names of things or scare quotes, not speech. */
const MIN_UNCUED_WORDS = 5;
/** Most words of a cue clause after a quote ("said Rosa Lindgren, the clinic's director"). */
const MAX_CUE_WORDS = 40;

interface TrailItem {
  entity: Entity;
  paragraph: number;
  end: number;
  /** Reported speech without quote marks. */
  reported?: boolean;
}

export function attributeArticle(
  article: Article,
  sentences: Sentence[],
  options: AttributeOptions = {},
): { quotes: Attributed[]; entities: ArticleEntities } {
  const model = options.model ?? defaultModel();
  const { text } = article;
  const table = new TokenTable(text);
  // Credits and datelines: neither their quote marks nor their names are the story's.
  const furnished = furniture(article);
  const inFurniture = (a: number, b: number) => furnished.some(([x, y]) => a >= x && b <= y);
  const furnitureParagraphs = new Set(
    article.paragraphs.filter((p) => inFurniture(p.start, p.end)).map((p) => p.index),
  );
  const drafts = findQuoteSpans(text, article.paragraphs)
    .filter((s) => !inFurniture(s.start, s.end))
    .map((s) => toDraft(article, table, s));
  for (const l of interviewLines(article, table)) {
    drafts.push({
      ...unattributed(article.id, 'direct', [[l.start, l.end]], l.paragraph),
      open: l.open,
      close: l.end,
      inner: l.match,
    });
  }
  drafts.sort((a, b) => a.open - b.open);
  const quoted = drafts.flatMap((d) => d.pieces);
  const mentions = headlineNames(article, findMentions(table, quoted)).filter((m) => !inFurniture(m.start, m.end));
  const sentenceAt = sentenceLocator(sentences);
  for (const m of mentions) {
    m.sentence = sentenceAt(m.start);
    m.paragraph = sentences[m.sentence]?.paragraph ?? 0;
  }
  const entities = new ArticleEntities(mentions);
  markSpeakers(table, entities);
  const trailItems: TrailItem[] = [];
  const trail: SpeakerTrail = {
    before: (offset) => {
      const out: TrailItem[] = [];
      for (let k = trailItems.length - 1; k >= 0; k--) if (trailItems[k].end <= offset) out.push(trailItems[k]);
      return out;
    },
  };
  const remember = (item: TrailItem) => {
    let k = trailItems.length;
    while (k > 0 && trailItems[k - 1].end > item.end) k--;
    trailItems.splice(k, 0, item);
  };
  const coref = new Coref(table, sentences, entities, quoted, sentenceAt, model);
  const subjectAt = (offset: number, leadIn: boolean) => {
    const index = sentenceAt(offset) - (leadIn ? 1 : 0);
    return sentences[index] ? sentenceSubject(text, entities, sentences[index], index, offset) : null;
  };
  // The person an interview is with: named in the headline, else the person the article names most.
  const guest = () => {
    const people = entities.mentions.filter((m) => likelyPerson(m.entity) && !m.mention.quoted);
    const counts = new Map<Entity, number>();
    for (const m of people) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return (
      people.find((m) => m.mention.paragraph === 0)?.entity ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    );
  };
  const ctx = { entities, trail, coref, subjectAt, guest };
  const settle = (d: Attributed, c: Candidates) => {
    const chosen = options.choose?.({ articleId: article.id, kind: d.kind, pieces: d.pieces, candidates: c });
    apply(d, c, model, chosen, text);
    if (d.entity) d.entity.speaks = true;
  };

  // Reported speech first ("Sami recalled how …"): a quote with no cue of its own after it is theirs.
  const indirect: Attributed[] = [];
  for (const r of findIndirect(article, table, sentences, drafts)) {
    const d = unattributed(article.id, 'indirect', r.pieces, r.paragraph);
    const facts: QuoteFacts = {
      paragraph: r.paragraph,
      open: r.content[0],
      pieces: r.pieces,
      mixed: false,
      headline: false,
      indirect: true,
      words: wordCount(text, d),
      pre: table.range(sentences[sentenceAt(r.content[0])]?.start ?? 0, r.content[1]),
      post: [],
    };
    settle(d, gather(facts, [r.match], ctx, null, false));
    if (d.entity) remember({ entity: d.entity, paragraph: d.paragraph, end: d.pieces[0][1], reported: true });
    indirect.push(d);
  }

  drafts.forEach((d, i) => {
    const prev = drafts[i - 1];
    const next = drafts[i + 1];
    const w = quoteWindow(article, table, sentences, sentenceAt, d, prev, next);
    const matches: CueMatch[] = d.inner ? [d.inner] : [];
    for (const m of fire(w))
      if (!matches.some((x) => x.cue.start === m.cue.start && x.source[0]?.start === m.source[0]?.start))
        matches.push(m);
    const facts: QuoteFacts = {
      paragraph: d.paragraph,
      open: d.open,
      pieces: d.pieces,
      mixed: isMixed(w.pre),
      headline: w.headline,
      indirect: false,
      pre: w.pre,
      post: w.post,
      words: wordCount(text, d),
    };
    settle(
      d,
      gather(
        facts,
        matches,
        ctx,
        continuation(article, d, prev, trail.before(d.open)[0], furnitureParagraphs, sentenceAt),
        w.leadIn,
      ),
    );
    if (facts.mixed && (d.cue ? d.cue.start < d.open : matches.some((m) => m.where === 'before'))) d.kind = 'mixed';
    if (d.entity) remember({ entity: d.entity, paragraph: d.paragraph, end: d.pieces.at(-1)![1] });
  });

  const kept = merge(text, drafts).filter((d) => d.cue || d.entity || wordCount(text, d) >= MIN_UNCUED_WORDS);
  const quotes: Attributed[] = [...kept, ...indirect].sort((a, b) => a.pieces[0][0] - b.pieces[0][0]);
  return { quotes: quotes.map(strip), entities };
}

/** The model's choice (or the learner's) written into the quote: speaker, cue, source, rules, confidence. */
function apply(
  d: Attributed,
  c: Candidates,
  model: SpeakerModel,
  chosen: Entity | null | undefined,
  text: string,
): void {
  const decision = decide(model, c.proposals, c.none);
  const entity = chosen === undefined ? decision.chosen : chosen;
  const proposals = c.proposals.filter((p) => p.entity === entity);
  const lead: Proposal | undefined = chosen === undefined ? c.proposals[decision.index] : proposals[0];
  d.entity = entity;
  d.confidence = round(
    calibrate(
      model,
      entity ? (decision.of.get(entity) ?? 0) : decision.best,
      d.kind === 'indirect' ? 'reported' : 'quoted',
      entity ? howOf(lead?.features) : undefined,
    ),
  );
  d.inherited = !!lead?.inherited && !proposals.some((p) => !p.inherited);
  // The rules of the chosen speaker's proposals (or of every match, for no one), each once, first first.
  const rules: string[] = [];
  if (entity) for (const p of proposals) for (const r of p.rules) if (!rules.includes(r)) rules.push(r);
  if (!entity) for (const m of c.matches) if (!rules.includes(m.rule)) rules.push(m.rule);
  d.rules = rules;
  const match = lead?.match ?? c.matches.find((m) => m.source.length) ?? c.matches[0];
  if (match) {
    // Every cue is a span ({ start, end }): named, its fields are copied without a spread's generic path.
    const { start, end } = match.cue;
    d.cue = { start, end, text: text.slice(start, end), confidence: d.confidence };
    if (match.source.length) {
      const from = match.source[0].start;
      const to = match.source[match.source.length - 1].end;
      d.source = { start: from, end: to, text: text.slice(from, to), confidence: d.confidence };
    }
  }
  if (!entity)
    d.reason =
      c.reasons[0] ??
      (c.proposals.length
        ? 'no candidate is likely enough'
        : c.matches.length
          ? 'the cue names no source'
          : 'no cue and no speaker before it');
  // "the dissident", "the former minister": how the article refers to them is a description too.
  if (entity && lead?.rules[1] === 'source.role' && d.source && /^the\s/i.test(d.source.text)) {
    const role = d.source.text.replace(/^the\s+/i, '').toLowerCase();
    const described = entity.descriptions.some((x) => x.toLowerCase().includes(role));
    if (!described) entity.descriptions.push(d.source.text.replace(/^The\b/, 'the'));
  }
}

/** The tokens around a quote that the cue rules read, and what the quote's end says of them. */
function quoteWindow(
  article: Article,
  table: TokenTable,
  sentences: Sentence[],
  sentenceAt: (o: number) => number,
  d: Draft,
  prev: Draft | undefined,
  next: Draft | undefined,
): QuoteWindow {
  const { text } = article;
  const sIndex = sentenceAt(d.open);
  const sStart = sentences[sIndex]?.start ?? 0;
  // A line break inside a paragraph ends what a cue before the quote may reach.
  const lineStart = text.lastIndexOf('\n', d.open - 1) + 1;
  const preFrom = Math.max(
    sStart,
    lineStart,
    prev && prev.paragraph === d.paragraph ? (prev.close >= 0 ? prev.close + 1 : prev.pieces.at(-1)![1]) : sStart,
  );
  const paragraphEnd = article.paragraphs[d.paragraph].end;
  const postFrom = d.close >= 0 ? d.close + 1 : paragraphEnd;
  const postTo = Math.min(
    next && next.paragraph === d.paragraph ? next.open : paragraphEnd,
    sentenceEndAfter(sentences, sentenceAt(postFrom), postFrom),
  );
  const within = table.range(postFrom, Math.max(postFrom, postTo));
  const signed = within.some((t) => t.word) ? null : signOff(article, d.paragraph + 1);
  const post = signed ? table.range(signed.start, signed.end) : within;
  // A quote opening its paragraph after one that ends in a colon ("as Pollak observed, …:") takes that
  // sentence as its lead-in.
  const prevSentence = sentences[sIndex - 1];
  const leadIn =
    preFrom === sStart &&
    sStart === article.paragraphs[d.paragraph].start &&
    !!prevSentence &&
    /:\s*$/.test(prevSentence.text) &&
    !(prev && prev.open >= prevSentence.start);
  const pre = table.range(leadIn ? prevSentence.start : preFrom, d.open);
  // "Bystrom agreed. “…”", "Sam Lau, the party's spokesman, said in a statement. “…”": a quote opening its
  // sentence right after one that ends in its cue; that sentence is read by its own rule (before.lead).
  // A sentence right after the quote before ("“….” Viguerie said.") is that quote's cue, not a lead; one
  // opening a paragraph of its own ("Howard continued his remarks.") is.
  const after = prev && prev.close >= 0 && prev.paragraph === prevSentence?.paragraph;
  const leads =
    !leadIn &&
    !!prevSentence &&
    /\.\s*$/.test(prevSentence.text) &&
    !pre.some((t) => t.word) &&
    !(prev && (prev.open >= prevSentence.start || (after && wordsIn(text, prev.close, prevSentence.start) === 0))) &&
    (prevSentence.paragraph === d.paragraph ||
      (preFrom === article.paragraphs[d.paragraph].start && prevSentence.paragraph === d.paragraph - 1));
  const lead = leads ? table.range(prevSentence.start, prevSentence.end) : [];
  const lastChar = text.slice(d.pieces.at(-1)![0], d.pieces.at(-1)![1]).trim().slice(-1);
  const endsSentence = lastChar === '.' || /^\s*[”"’]?\s*\./.test(text.slice(postFrom, postFrom + 3));
  const endsWithComma = /[,?!]/.test(lastChar) || /^\s*,/.test(text.slice(postFrom, postFrom + 2));
  // “Why now?” Mills then writes back, “You look cute.”: after a finished quote, a cue that runs straight
  // into the next quote is that one's.
  const leadsNext = /[.?!]/.test(lastChar) && !!next && next.paragraph === d.paragraph && postTo === next.open;
  return new QuoteWindow(
    pre,
    post,
    { endsSentence, endsWithComma, leadsNext },
    article.paragraphs[d.paragraph].title === true,
    leadIn,
    lead,
  );
}

/** Most words of a line that signs off the quote above it ("- Michelle Marks, Philadelphia."). */
const MAX_SIGN_OFF_WORDS = 12;

/** A round-up's paragraph that is only a dash and a source, signing off the quote that ends the one before. */
function signOff(article: Article, index: number): Paragraph | null {
  const p = article.paragraphs[index];
  if (!p || p.title) return null;
  const line = article.text.slice(p.start, p.end);
  return /^[-–—―]/.test(line) && !DOUBLE_MARK.test(line) && wordsIn(article.text, p.start, p.end) <= MAX_SIGN_OFF_WORDS
    ? p
    : null;
}

/**
 * The speaker before a quote, as a candidate, with how the quote stands to them: in the same paragraph;
 * in the next one, when the quote before was left open or its paragraph ended with that speaker's quote,
 * or when the quote opens its paragraph after reported speech. A headline's speaker does not carry into
 * the story.
 */
function continuation(
  article: Article,
  d: Draft,
  prev: Draft | undefined,
  last: TrailItem | undefined,
  skipped: Set<number>,
  sentenceAt: (offset: number) => number,
): Continuation | null {
  if (!last || (last.paragraph === 0 && d.paragraph > 0)) return null;
  const gap = paragraphsApart(last.paragraph, d.paragraph, skipped);
  const p = article.paragraphs[d.paragraph];
  const opens = d.open - p.start <= 1;
  const open = !!prev && prev.close < 0 && paragraphsApart(prev.paragraph, d.paragraph, skipped) === 1;
  // The paragraph before ended with that speaker's quote, or with its cue: no sentence after it.
  const end = article.paragraphs[last.paragraph].end;
  const rest = gap === 1 ? wordsIn(article.text, last.end, end) : -1;
  const ended =
    rest === 0 || (rest > 0 && rest <= MAX_CUE_WORDS && oneSentence(article.text, last.end, end, sentenceAt));
  if (gap > 1 || (gap === 1 && !open && !ended && !(last.reported && opens))) return null;
  const f: Record<string, number> = { [gap === 0 ? 'continue:same-paragraph' : 'continue:next-paragraph']: 1 };
  if (open) f['continue:open-quote'] = 1;
  if (opens) f['continue:opens-paragraph'] = 1;
  if (opens && (d.close < 0 || p.end - d.close <= 2)) f['continue:whole-paragraph'] = 1;
  if (prev?.entity === last.entity) f['continue:previous-quote'] = 1;
  if (last.reported) f['continue:reported'] = 1;
  if (rest === 0) f['continue:ended-paragraph'] = 1;
  else if (ended) f['continue:ended-paragraph-cue'] = 1;
  return { entity: last.entity, features: f };
}

/** The words from `from` to `to` (past a quote's closing mark) are one sentence: a cue, no more. */
function oneSentence(text: string, from: number, to: number, sentenceAt: (offset: number) => number): boolean {
  let i = from;
  while (i < to && !/[\p{L}\p{N}]/u.test(text[i])) i++;
  return sentenceAt(i) === sentenceAt(to - 1);
}

/** How many paragraphs on `to` is from `from`, not counting the captions and credits set between them. */
function paragraphsApart(from: number, to: number, skipped: Set<number>): number {
  if (to - from <= 0) return to - from;
  let n = 1;
  for (let k = from + 1; k < to; k++) if (!skipped.has(k)) n++;
  return n;
}

function strip(d: Attributed): Attributed {
  const { articleId, kind, pieces, paragraph, entity, source, cue, confidence, rules, reason, inherited } = d;
  return {
    articleId,
    kind,
    pieces,
    paragraph,
    entity,
    source,
    cue,
    confidence,
    rules,
    inherited,
    ...(reason && !entity ? { reason } : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Where the context after a quote ends: the end of the sentence holding `from`, or of the next one. */
function sentenceEndAfter(sentences: Sentence[], index: number, from: number): number {
  const s = sentences[index];
  if (!s) return from;
  if (s.end - from > 2) return s.end;
  const next = sentences[index + 1];
  return next && next.paragraph === s.paragraph ? next.end : s.end;
}
