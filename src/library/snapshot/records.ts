// Quotes in a snapshot, as columns of numbers. A quote repeats what the library already holds — its
// text and sentence are slices of the article, its speaker's name is the speaker's, its id counts within
// the article — so only offsets are written (and, as JSON, the rare strings offsets cannot give back),
// and loading builds each quote in one literal. At ×10 (120k quotes) parsing them as JSON tuples and
// folding every text's spaces with a regex was half of the load.
import type { Article, Quote, QuoteKind, Span, Speaker } from '../../types.js';
import type { Library } from '../library.js';

const KINDS: QuoteKind[] = ['direct', 'mixed', 'indirect'];

/**
 * Numbers per quote in `cells`: article, kind, start, end, sentenceStart, sentenceEnd, paragraph,
 * speaker, sourceStart, sourceEnd, cueStart, cueEnd, reason, flags, rules. -1 for none (article outside
 * the library, no speaker, no source or cue span, no reason). `rules` indexes the distinct lists of rule
 * ids (a few hundred in a corpus). Confidences (quote, source, cue) are float64s in `confidences`, so a
 * loaded quote scores exactly as the built one.
 */
export const QUOTE_CELLS = 15;
/** The quote's text is the plain slice of its article (no spaces to fold): no regex to rebuild it. */
const TEXT_IS_SLICE = 1;
const SENTENCE_IS_SLICE = 2;

interface Overrides {
  id?: string;
  articleId?: string;
  text?: string;
  sentence?: string;
  speaker?: string | null;
  sourceText?: string;
  cueText?: string;
}

/** The irregular rest, as JSON: reason strings, rule lists and, by quote index, whatever offsets cannot give back. */
export interface QuoteRecords {
  reasons: string[];
  /** Distinct lists of rule ids, each joined by spaces. */
  rules: string[];
  overrides: Record<number, Overrides>;
}

export interface PackedQuotes {
  cells: Int32Array;
  confidences: Float64Array;
  records: QuoteRecords;
}

export function packQuotes(library: Library): PackedQuotes {
  const { quotes } = library;
  const speakerIndex = new Map(library.speakers.map((s, i) => [s.id, i]));
  const cells = new Int32Array(quotes.length * QUOTE_CELLS);
  const confidences = new Float64Array(quotes.length * 3);
  const records: QuoteRecords = { reasons: [], rules: [], overrides: {} };
  const reasonIndex = new Map<string, number>();
  const rulesIndex = new Map<string, number>();
  const seen = new Map<string, number>();
  quotes.forEach((q, i) => {
    const a = library.articleById.get(q.articleId);
    const text = a === undefined ? null : library.articles[a].text;
    const n = seen.get(q.articleId) ?? 0;
    seen.set(q.articleId, n + 1);
    const o: Overrides = {};
    let flags = 0;
    if (a === undefined) o.articleId = q.articleId;
    if (q.id !== `${q.articleId}#${n}`) o.id = q.id;
    if (text !== null && text.slice(q.start, q.end) === q.text) flags |= TEXT_IS_SLICE;
    else if (text === null || quoteText(text, q.start, q.end) !== q.text) o.text = q.text;
    if (text !== null && text.slice(q.sentenceStart, q.sentenceEnd) === q.sentence) flags |= SENTENCE_IS_SLICE;
    else if (text === null || sentenceText(text, q.sentenceStart, q.sentenceEnd) !== q.sentence)
      o.sentence = q.sentence;
    const s = q.speakerId === null ? -1 : (speakerIndex.get(q.speakerId) ?? -1);
    if ((s === -1 ? null : library.speakers[s].name) !== q.speaker) o.speaker = q.speaker;
    if (q.source && (text === null || text.slice(q.source.start, q.source.end) !== q.source.text))
      o.sourceText = q.source.text;
    if (q.cue && (text === null || text.slice(q.cue.start, q.cue.end) !== q.cue.text)) o.cueText = q.cue.text;
    let r = -1;
    if (q.reason !== undefined) {
      r = reasonIndex.get(q.reason) ?? records.reasons.length;
      if (r === records.reasons.length) {
        records.reasons.push(q.reason);
        reasonIndex.set(q.reason, r);
      }
    }
    const ruleKey = q.rules.join(' ');
    let rs = rulesIndex.get(ruleKey);
    if (rs === undefined) {
      rs = records.rules.push(ruleKey) - 1;
      rulesIndex.set(ruleKey, rs);
    }
    cells.set(
      [
        a ?? -1,
        KINDS.indexOf(q.kind),
        q.start,
        q.end,
        q.sentenceStart,
        q.sentenceEnd,
        q.paragraph,
        s,
        q.source?.start ?? -1,
        q.source?.end ?? -1,
        q.cue?.start ?? -1,
        q.cue?.end ?? -1,
        r,
        flags,
        rs,
      ],
      i * QUOTE_CELLS,
    );
    confidences.set([q.confidence, q.source?.confidence ?? 0, q.cue?.confidence ?? 0], i * 3);
    if (Object.keys(o).length) records.overrides[i] = o;
  });
  return { cells, confidences, records };
}

export function unpackQuotes(articles: Article[], speakers: Speaker[], packed: PackedQuotes): Quote[] {
  const { cells, confidences, records } = packed;
  const count = confidences.length / 3;
  if (cells.length !== count * QUOTE_CELLS) throw new Error('quote cells do not match the confidences');
  const counts = new Int32Array(articles.length);
  const quotes: Quote[] = new Array(count);
  const ruleLists = records.rules.map((r) => (r ? r.split(' ') : []));
  for (let i = 0, c = 0; i < count; i++, c += QUOTE_CELLS) {
    const a = cells[c];
    const article = a >= 0 ? articles[a] : undefined;
    if (a >= 0 && !article) throw new Error(`quote ${i} names article ${a} of ${articles.length}`);
    const s = cells[c + 7];
    const speaker = s >= 0 ? speakers[s] : undefined;
    if (s >= 0 && !speaker) throw new Error(`quote ${i} names speaker ${s} of ${speakers.length}`);
    const kind = KINDS[cells[c + 1]];
    if (!kind) throw new Error(`quote ${i} has kind ${cells[c + 1]}`);
    const o: Overrides | undefined = records.overrides[i];
    const text = article?.text ?? '';
    const articleId = o?.articleId ?? article!.id;
    const n = a >= 0 ? counts[a]++ : 0;
    const start = cells[c + 2];
    const end = cells[c + 3];
    const sentenceStart = cells[c + 4];
    const sentenceEnd = cells[c + 5];
    const flags = cells[c + 13];
    const r = cells[c + 12];
    const quote: Quote = {
      id: o?.id ?? `${articleId}#${n}`,
      articleId,
      kind,
      text: o?.text ?? (flags & TEXT_IS_SLICE ? text.slice(start, end) : quoteText(text, start, end)),
      start,
      end,
      sentence:
        o?.sentence ??
        (flags & SENTENCE_IS_SLICE
          ? text.slice(sentenceStart, sentenceEnd)
          : sentenceText(text, sentenceStart, sentenceEnd)),
      sentenceStart,
      sentenceEnd,
      paragraph: cells[c + 6],
      speaker: o && o.speaker !== undefined ? o.speaker : (speaker?.name ?? null),
      speakerId: speaker?.id ?? null,
      source: unpackSpan(text, cells[c + 8], cells[c + 9], confidences[i * 3 + 1], o?.sourceText),
      cue: unpackSpan(text, cells[c + 10], cells[c + 11], confidences[i * 3 + 2], o?.cueText),
      confidence: confidences[i * 3],
      rules: ruleLists[cells[c + 14]] ?? [],
    };
    if (r >= 0) quote.reason = records.reasons[r];
    quotes[i] = quote;
  }
  return quotes;
}

// What attribution makes of a quote's and a sentence's offsets (see attribution/speakers.ts): the
// records store offsets only when these give back the very same strings.
function quoteText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

function sentenceText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\n+/g, ' ');
}

function unpackSpan(
  text: string,
  start: number,
  end: number,
  confidence: number,
  own: string | undefined,
): Span | null {
  if (start < 0) return null;
  return { start, end, text: own ?? text.slice(start, end), confidence };
}
