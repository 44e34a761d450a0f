// Quotes in a snapshot, as compact tuples. A quote repeats what the library already holds — its text
// and sentence are slices of the article, its speaker's name is the speaker's, its id counts within the
// article — so only what differs is written, and loading builds each quote in one literal (a hundred
// thousand quotes at ×10: parsing keyed objects and copying them again was most of the load).
import type { Article, Quote, QuoteKind, Span, Speaker } from '../types.js';
import type { Library } from './library.js';

const KINDS: QuoteKind[] = ['direct', 'mixed', 'indirect'];

/**
 * [article, kind, start, end, sentenceStart, sentenceEnd, paragraph, speaker, confidence, source, cue,
 *  reason, overrides]. speaker: index in the speakers, -1 for none. source/cue: [start, end,
 *  confidence] or 0, with the text as a 4th cell when it is not the slice. reason: index in the
 *  reasons table, -1 for none. overrides: 0, or {id?, articleId?, text?, sentence?} where those differ.
 */
export type PackedQuote = [
  number, number, number, number, number, number, number, number, number,
  PackedSpan | 0, PackedSpan | 0, number, Overrides | 0,
];
type PackedSpan = [number, number, number] | [number, number, number, string];
interface Overrides {
  id?: string;
  articleId?: string;
  text?: string;
  sentence?: string;
  speaker?: string | null;
}

export interface PackedQuotes {
  reasons: string[];
  quotes: PackedQuote[];
}

export function packQuotes(library: Library): PackedQuotes {
  const speakerIndex = new Map(library.speakers.map((s, i) => [s.id, i]));
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  const seen = new Map<string, number>();
  const quotes = library.quotes.map((q): PackedQuote => {
    const a = library.articleById.get(q.articleId);
    const text = a === undefined ? null : library.articles[a].text;
    const n = seen.get(q.articleId) ?? 0;
    seen.set(q.articleId, n + 1);
    const overrides: Overrides = {};
    if (a === undefined) overrides.articleId = q.articleId;
    if (q.id !== `${q.articleId}#${n}`) overrides.id = q.id;
    if (text === null || quoteText(text, q.start, q.end) !== q.text) overrides.text = q.text;
    if (text === null || sentenceText(text, q.sentenceStart, q.sentenceEnd) !== q.sentence) overrides.sentence = q.sentence;
    const s = q.speakerId === null ? -1 : speakerIndex.get(q.speakerId) ?? -1;
    if ((s === -1 ? null : library.speakers[s].name) !== q.speaker) overrides.speaker = q.speaker;
    let r = -1;
    if (q.reason !== undefined) {
      r = reasonIndex.get(q.reason) ?? reasons.length;
      if (r === reasons.length) {
        reasons.push(q.reason);
        reasonIndex.set(q.reason, r);
      }
    }
    return [
      a ?? -1, KINDS.indexOf(q.kind), q.start, q.end, q.sentenceStart, q.sentenceEnd, q.paragraph, s, q.confidence,
      packSpan(text, q.source), packSpan(text, q.cue), r, Object.keys(overrides).length ? overrides : 0,
    ];
  });
  return { reasons, quotes };
}

export function unpackQuotes(articles: Article[], speakers: Speaker[], packed: PackedQuotes): Quote[] {
  const counts = new Int32Array(articles.length);
  return packed.quotes.map((p, i) => {
    const [a, kind, start, end, sentenceStart, sentenceEnd, paragraph, s, confidence, source, cue, r, o] = p;
    const article = a >= 0 ? articles[a] : undefined;
    if (a >= 0 && !article) throw new Error(`quote ${i} names article ${a} of ${articles.length}`);
    const speaker = s >= 0 ? speakers[s] : undefined;
    if (s >= 0 && !speaker) throw new Error(`quote ${i} names speaker ${s} of ${speakers.length}`);
    const text = article?.text ?? '';
    const articleId = o && o.articleId !== undefined ? o.articleId : article!.id;
    const n = a >= 0 ? counts[a]++ : 0;
    const quote: Quote = {
      id: o && o.id !== undefined ? o.id : `${articleId}#${n}`,
      articleId,
      kind: KINDS[kind],
      text: o && o.text !== undefined ? o.text : quoteText(text, start, end),
      start,
      end,
      sentence: o && o.sentence !== undefined ? o.sentence : sentenceText(text, sentenceStart, sentenceEnd),
      sentenceStart,
      sentenceEnd,
      paragraph,
      speaker: o && o.speaker !== undefined ? o.speaker : speaker?.name ?? null,
      speakerId: speaker?.id ?? null,
      source: unpackSpan(text, source),
      cue: unpackSpan(text, cue),
      confidence,
    };
    if (r >= 0) quote.reason = packed.reasons[r];
    return quote;
  });
}

// What attribution makes of a quote's and a sentence's offsets (see attribution/speakers.ts): the
// records store offsets only when these give back the very same strings.
function quoteText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

function sentenceText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\n+/g, ' ');
}

function packSpan(text: string | null, span: Span | null): PackedSpan | 0 {
  if (!span) return 0;
  const cells: [number, number, number] = [span.start, span.end, span.confidence];
  return text !== null && text.slice(span.start, span.end) === span.text ? cells : [...cells, span.text];
}

function unpackSpan(text: string, p: PackedSpan | 0): Span | null {
  if (!p) return null;
  return { start: p[0], end: p[1], text: p.length === 4 ? p[3] : text.slice(p[0], p[1]), confidence: p[2] };
}
