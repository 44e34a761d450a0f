// Attribution of one article, stage by stage: quote marks → content (broken quotes split around their
// cue) → cue and source → resolve → inheritance (a quote with no cue of its own continues the speaker
// before it) → merging of pieces. Each quote keeps its offsets, cue, source span and confidence.
import { findQuoteSpans, type MarkSpan } from '../text/quotemarks.js';
import type { Article, Sentence } from '../types.js';
import { cueAfter, cueBefore, cueInOpenQuote, cueInside, possessiveFrame, transcriptSpeaker, type CueMatch } from './cue.js';
import { ArticleEntities, type Entity } from './entities.js';
import { findIndirect } from './indirect.js';
import {
  ADVERBS, ARTICLES, COORDINATORS, DEMONSTRATIVES, FIRST_PERSON, isPersonRole, isSpeechVerb, MODIFIED_NOUNS, PREPOSITIONS,
  TITLES, union,
} from '../lexicon/index.js';
import { findMentions, type Mention } from './mentions.js';
import { Coref } from './coref.js';
import { resolveSource, type ResolveContext, type SpeakerTrail } from './resolve.js';
import { interviewLines } from './interview.js';
import { TokenTable, type Token } from './tokens.js';
import type { Attributed } from './attributed.js';

export type { Attributed };

interface Draft extends Attributed {
  open: number;
  close: number;
  inner?: CueMatch;
}

/** Quotes shorter than this with no cue are names of things or scare quotes, not speech. */
const MIN_UNCUED_WORDS = 5;

export function attributeArticle(article: Article, sentences: Sentence[]): { quotes: Attributed[]; entities: ArticleEntities } {
  const { text } = article;
  const table = new TokenTable(text);
  const drafts = findQuoteSpans(text, article.paragraphs).map((s) => toDraft(article, table, s));
  for (const l of interviewLines(article, table)) {
    drafts.push({
      articleId: article.id, kind: 'direct', pieces: [[l.start, l.end]], paragraph: l.paragraph, entity: null, source: null, cue: null,
      confidence: l.match.confidence, inherited: false, open: l.open, close: l.end, inner: l.match,
    });
  }
  drafts.sort((a, b) => a.open - b.open);
  const quoted = drafts.flatMap((d) => d.pieces);
  const mentions = headlineNames(article, findMentions(table, quoted));
  const sentenceAt = sentenceLocator(sentences);
  for (const m of mentions) {
    m.sentence = sentenceAt(m.start);
    m.paragraph = sentences[m.sentence]?.paragraph ?? 0;
  }
  const entities = new ArticleEntities(mentions);
  markSpeakers(table, entities);
  const trailItems: TrailItem[] = [];
  const trail: SpeakerTrail = { before: (offset) => trailItems.filter((t) => t.end <= offset).reverse() };
  const remember = (item: TrailItem) => {
    let k = trailItems.length;
    while (k > 0 && trailItems[k - 1].end > item.end) k--;
    trailItems.splice(k, 0, item);
  };
  const ctx: ResolveContext = { entities, trail, coref: new Coref(table, sentences, entities, quoted, sentenceAt) };
  // Reported speech first ("Sami recalled how …"): a quote with no cue of its own after it is theirs.
  const indirect = findIndirect(article, table, sentences, drafts, ctx);
  for (const q of indirect) if (q.entity) remember({ entity: q.entity, paragraph: q.paragraph, end: q.pieces[0][1], reported: true });

  drafts.forEach((d, i) => {
    const prev = drafts[i - 1];
    const next = drafts[i + 1];
    const sIndex = sentenceAt(d.open);
    const sStart = sentences[sIndex]?.start ?? 0;
    const preFrom = Math.max(sStart, prev && prev.paragraph === d.paragraph ? (prev.close >= 0 ? prev.close + 1 : prev.pieces.at(-1)![1]) : sStart);
    const paragraphEnd = article.paragraphs[d.paragraph].end;
    const postFrom = d.close >= 0 ? d.close + 1 : paragraphEnd;
    const postTo = Math.min(next && next.paragraph === d.paragraph ? next.open : paragraphEnd, sentenceEndAfter(sentences, sentenceAt(postFrom), postFrom));
    const post = table.range(postFrom, Math.max(postFrom, postTo));
    // A quote opening its paragraph after one that ends in a colon ("as Pollak observed, …:") takes
    // that sentence as its lead-in.
    const prevSentence = sentences[sIndex - 1];
    const leadIn = preFrom === sStart && sStart === article.paragraphs[d.paragraph].start && prevSentence && /:\s*$/.test(prevSentence.text) &&
      !(prev && prev.open >= prevSentence.start)
      ? prevSentence.start
      : preFrom;
    const pre = table.range(leadIn, d.open);
    const lastChar = text.slice(d.pieces.at(-1)![0], d.pieces.at(-1)![1]).trim().slice(-1);
    const endsSentence = lastChar === '.' || /^\s*[”"’]?\s*\./.test(text.slice(postFrom, postFrom + 3));
    const endsWithComma = /[,?!]/.test(lastChar) || /^\s*,/.test(text.slice(postFrom, postFrom + 2));
    const headline = article.paragraphs[d.paragraph].title === true;
    const before = () => cueBefore(pre, { headline, reach: leadIn < preFrom ? 60 : 16 });
    // “Why now?” Mills then writes back, “You look cute.”: after a finished quote, a cue that runs straight
    // into the next quote is that one's.
    const leadsNext = /[.?!]/.test(lastChar) && !!next && next.paragraph === d.paragraph && postTo === next.open;
    const after = adjacentAfter(cueAfter(post, { endsSentence, endsWithComma, leadsNext }), post);
    // "Rubio fired back: “…,” referencing …": a participle after the quote yields to a verb before it, and
    // so does any cue after a quote set inside the writer's clause ("Sullivan proclaims the article a “…,”").
    const lead = isMixed(pre) ? before() : null;
    const match = d.inner ?? (lead?.source.length ? lead : null) ?? (after && !after.source.length ? before() ?? after : after ?? before()) ??
      possessiveFrame(pre, post);
    if (match) {
      d.cue = { ...match.cue, text: text.slice(match.cue.start, match.cue.end), confidence: match.confidence };
      if (match.source.length) {
        const from = match.source[0].start;
        const to = match.source[match.source.length - 1].end;
        d.source = { start: from, end: to, text: text.slice(from, to), confidence: match.confidence };
        const r = resolveSource(match.source, d.paragraph, ctx);
        d.entity = r.entity;
        // "the dissident", "the former minister": how the article refers to them is a description too.
        if (r.entity && r.how === 'role' && /^the\s/i.test(d.source.text)) {
          const role = d.source.text.replace(/^the\s+/i, '').toLowerCase();
          if (!r.entity.descriptions.some((x) => x.toLowerCase().includes(role))) r.entity.descriptions.push(d.source.text.replace(/^The\b/, 'the'));
        }
        d.confidence = round(match.confidence * (r.entity ? r.confidence : 1) * d.confidence);
        if (!r.entity) d.reason = r.reason;
      } else {
        // "Romney went after Trump, calling it “disqualifying”": a participle's subject opens the sentence;
        // failing that, the speaker before.
        const subjectIndex = leadIn < preFrom ? sIndex - 1 : sIndex;
        const subject = sentences[subjectIndex] ? sentenceSubject(text, entities, sentences[subjectIndex], subjectIndex, d.open) : null;
        if (subject) {
          d.entity = subject;
          d.confidence = round(d.confidence * 0.7);
        } else {
          inherit(d, prev, trail.before(d.open)[0], article, 0.7);
        }
      }
      if (match.where === 'before' && isMixed(pre)) d.kind = 'mixed';
    } else {
      inherit(d, prev, trail.before(d.open)[0], article, 0);
    }
    if (d.entity) {
      d.entity.speaks = true;
      remember({ entity: d.entity, paragraph: d.paragraph, end: d.pieces.at(-1)![1] });
    }
  });

  const kept = merge(text, drafts).filter((d) => d.cue || d.entity || words(text, d) >= MIN_UNCUED_WORDS);
  const quotes: Attributed[] = [...kept, ...indirect].sort((a, b) => a.pieces[0][0] - b.pieces[0][0]);
  return { quotes: quotes.map(strip), entities };
}

/**
 * Names used as the subject or object of a verb of saying anywhere in the article ("Benjamin said he
 * believes …", "said Kassenova") are speakers: "he" can point back to them even without a title.
 */
function markSpeakers(table: TokenTable, entities: ArticleEntities): void {
  const tokens = table.tokens;
  let k = 0;
  for (const { mention, entity } of entities.mentions) {
    if (mention.quoted || mention.possessive) continue;
    while (k < tokens.length && tokens[k].start < mention.end) k++;
    let after = k;
    while (after < tokens.length && tokens[after].word && ADVERBS.has(tokens[after].lower)) after++;
    const next = tokens[after];
    let before = k - 1;
    while (before >= 0 && tokens[before].start >= mention.start) before--;
    const prev = tokens[before];
    if ((next?.word && !next.cap && isSpeechVerb(next.lower)) || (prev?.word && !prev.cap && isSpeechVerb(prev.lower))) entity.speaks = true;
  }
}

// A headline in title case capitalises every word; only the names the story also uses are names there.
function headlineNames(article: Article, mentions: Mention[]): Mention[] {
  const title = article.paragraphs[0];
  if (!title?.title) return mentions;
  const words = article.text.slice(title.start, title.end).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  if (words.length < 4 || capitalised / words.length < 0.6) return mentions;
  const body = new Set(mentions.filter((m) => m.start >= title.end).flatMap((m) => m.words));
  return mentions.filter((m) => m.start >= title.end || m.words.every((w) => body.has(w)));
}

/** A role or title right after a name makes the name a modifier: "Trump spokeswoman", "Fight for $15 director". */
function modifierAfter(text: string, end: number): boolean {
  const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(end, end + 30))?.[1];
  return !!next && (isPersonRole(next) || TITLES.has(next) || MODIFIED_NOUNS.has(next));
}

/**
 * The subject of a sentence, for a participle or a colon with no subject of its own ("Romney went after
 * Trump, calling it …"): the first name before `before` that is not a modifier ("Republican candidate
 * Lindsey Graham"), not a place, and not the object of a verb or preposition ("in South Carolina").
 */
function sentenceSubject(text: string, entities: ArticleEntities, sentence: Sentence, index: number, before: number): Entity | null {
  for (const { mention, entity } of entities.mentions) {
    if (mention.sentence !== index || mention.quoted) continue;
    if (mention.start > before) break;
    if (mention.possessive || entity.kind === 'place' || modifierAfter(text, mention.end)) continue;
    const lead = text.slice(sentence.start, mention.start);
    const prev = /([\p{L}.’'-]+)[^\p{L}]*$/u.exec(lead)?.[1] ?? '';
    const opensClause = !lead.trim() || /,\s*$/.test(lead) || /^\p{Lu}/u.test(prev) || isPersonRole(prev) ||
      TITLES.has(prev.toLowerCase()) || ARTICLES.has(prev.toLowerCase()) || COORDINATORS.has(prev.toLowerCase()) || prev === 'then';
    // The object of a preposition ("in South Carolina", "for the Senate") is not the subject.
    const leadWords = lead.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    const last = leadWords.at(-1) ?? '';
    const object = PREPOSITIONS.has(last) || (ARTICLES.has(last) && PREPOSITIONS.has(leadWords.at(-2) ?? ''));
    if (!opensClause || object) continue;
    const likely = entity.kind === 'person' || entity.kind === 'org' || entity.speaks || (entity.kind === 'unknown' && entity.words.length > 1);
    return likely ? entity : null;
  }
  return null;
}

function toDraft(article: Article, table: TokenTable, s: MarkSpan): Draft {
  const base: Draft = {
    articleId: article.id,
    kind: 'direct',
    pieces: [[s.start, s.end]],
    paragraph: s.paragraph,
    entity: null,
    source: null,
    cue: null,
    confidence: s.confidence,
    inherited: false,
    open: s.open,
    close: s.close,
  };
  const tokens = table.range(s.start, s.end);
  const transcript = transcriptSpeaker(tokens);
  if (transcript) {
    const rest = trimmed(article.text, transcript.to, s.end);
    return rest ? { ...base, pieces: [rest], inner: transcript.match } : base;
  }
  const inner = cueInside(tokens) ?? (s.close < 0 ? cueInOpenQuote(tokens) : null);
  if (!inner) return base;
  const before = trimmed(article.text, s.start, inner.from);
  const after = trimmed(article.text, inner.to, s.end);
  if (!before) return base;
  // An open quote cut at its cue may have nothing after it: what follows was the writer's.
  if (!after) return s.close < 0 ? { ...base, pieces: [before], inner: inner.match } : base;
  return { ...base, pieces: s.close < 0 ? [before] : [before, after], inner: inner.match };
}

function trimmed(text: string, a: number, b: number): [number, number] | null {
  while (a < b && /[\s,.;:–—-]/.test(text[a])) a++;
  while (b > a && /[\s,–—-]/.test(text[b - 1])) b--;
  return b > a ? [a, b] : null;
}

/** A cue after the quote counts when it follows at once ("“…,” he said"), not sentences later. */
function adjacentAfter(match: CueMatch | null, post: Token[]): CueMatch | null {
  if (!match || match.where === 'after-late') return match;
  const firstWord = post.findIndex((t) => t.word);
  const at = post.findIndex((t) => t.start >= Math.min(match.cue.start, match.source[0]?.start ?? Infinity));
  return at - firstWord <= 1 ? match : null;
}

/** No cue: the quote continues the speaker before it, when that speaker is near enough. */
interface TrailItem {
  entity: Entity;
  paragraph: number;
  end: number;
  /** Reported speech without quote marks. */
  reported?: boolean;
}

function inherit(d: Draft, prev: Draft | undefined, last: TrailItem | undefined, article: Article, strength: number): void {
  // A headline's speaker does not carry into the story (paragraph 0 is the title).
  if (!last || (last.paragraph === 0 && d.paragraph > 0)) {
    d.reason = 'no cue and no speaker before it';
    return;
  }
  const sameParagraph = last.paragraph === d.paragraph;
  const continued = prev && prev.close < 0 && prev.paragraph === d.paragraph - 1;
  // A quote opening the paragraph after one that ended with its speaker quoted or reporting speech.
  const opensParagraph = d.open - article.paragraphs[d.paragraph].start <= 1;
  const nextParagraph = last.paragraph === d.paragraph - 1 && (prev?.entity === last.entity || (last.reported === true && opensParagraph));
  if (sameParagraph || continued || nextParagraph) {
    d.entity = last.entity;
    d.inherited = true;
    d.confidence = round(d.confidence * (continued ? 0.85 : sameParagraph ? 0.75 : 0.6) * (strength || 1));
  } else {
    d.reason = 'no cue, and the last speaker is too far back';
  }
}

// Words that open a sentence of speech rather than of narration: "It is now a real revolution."
const SPEECH_OPENERS = union([FIRST_PERSON, DEMONSTRATIVES], 'it they there here what now so and but');

// “A,” he said, “B.” — one quote in two pieces; and a short uncued sentence between two quotes of one
// speaker ("… its men”. It is now a real revolution. “The regime …”) is theirs too.
function merge(text: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && d.entity && prev.entity === d.entity && prev.paragraph === d.paragraph && d.inherited && !d.inner) {
      const gapFrom = prev.close >= 0 ? prev.close + 1 : prev.pieces.at(-1)![1];
      const gap = text.slice(gapFrom, d.open);
      const gapWords = gap.match(/[\p{L}\p{N}’']+/gu) ?? [];
      const cueOnly = prev.cue && prev.cue.start >= gapFrom && prev.cue.end <= d.open && gapWords.length <= 8 && !/[.!?]/.test(gap.replace(/^[\s.,]+/, ''));
      // The sentence between must read as speech: one short sentence, opening with a pronoun or
      // demonstrative, with no name and no verb of saying in it.
      const bridge = !/[.!?]\s*\S.*[.!?]\s*\S/.test(gap.trim().replace(/^[”"’.,\s]+/, '')) && gapWords.length <= 12 && gapWords.length > 0 &&
        SPEECH_OPENERS.has((gapWords[0] ?? '').toLowerCase()) &&
        !gapWords.some((w, k) => isSpeechVerb(w.toLowerCase()) || (k > 0 && /^\p{Lu}/u.test(w) && w !== 'I')) && /[.!?]/.test(gap);
      if (cueOnly || bridge) {
        const between = bridge && !cueOnly ? trimmed(text.replace(/["“”«»„]/g, ' '), gapFrom, d.open) : null;
        const pieces = [...prev.pieces, ...(between ? [between] : []), ...d.pieces];
        out[out.length - 1] = { ...prev, pieces, close: d.close };
        continue;
      }
    }
    out.push(d);
  }
  return out;
}

/** "called the plan “a disaster”": the quote sits inside the writer's sentence. */
function isMixed(pre: Token[]): boolean {
  const last = pre.filter((t) => t.word).at(-1);
  const lastTok = pre.at(-1);
  return !!last && !!lastTok && lastTok.word && !isSpeechVerb(last.lower) && last.lower !== 'that' && last.lower !== 'and';
}

function words(text: string, d: Draft): number {
  return d.pieces.reduce((n, [a, b]) => n + (text.slice(a, b).match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
}

function strip(d: Attributed): Attributed {
  const { articleId, kind, pieces, paragraph, entity, source, cue, confidence, reason, inherited } = d;
  return { articleId, kind, pieces, paragraph, entity, source, cue, confidence, inherited, ...(reason && !entity ? { reason } : {}) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function sentenceLocator(sentences: Sentence[]): (offset: number) => number {
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

/** Where the context after a quote ends: the end of the sentence holding `from`, or of the next one. */
function sentenceEndAfter(sentences: Sentence[], index: number, from: number): number {
  const s = sentences[index];
  if (!s) return from;
  if (s.end - from > 2) return s.end;
  const next = sentences[index + 1];
  return next && next.paragraph === s.paragraph ? next.end : s.end;
}
