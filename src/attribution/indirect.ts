// Indirect quotes: reported speech without quote marks — "X said that …", "…, X said", "according to
// X, …", "X believes …". Only in sentences that hold no quotation (those were attributed already).
import type { Article, Sentence } from '../types.js';
import type { Attributed } from './attributed.js';
import { cueAfter } from './cue.js';
import { isSourcePhrase } from './phrase.js';
import type { Entity } from './entities.js';
import { resolveSource, type ResolveContext } from './resolve.js';
import { DOUBLE_MARK } from '../text/quotemarks.js';
import { ADVERBS, DAYS, isReportingVerb, PREPOSITIONS, TELL_VERBS, TIME_WORDS, union } from '../lexicon/index.js';
import type { Token, TokenTable } from './tokens.js';

const MIN_CONTENT_WORDS = 4;

export function findIndirect(
  article: Article,
  table: TokenTable,
  sentences: Sentence[],
  direct: Attributed[],
  ctx: ResolveContext,
): Attributed[] {
  const out: Attributed[] = [];
  for (const s of sentences) {
    if (DOUBLE_MARK.test(s.text) || article.paragraphs[s.paragraph]?.title) continue;
    if (direct.some((d) => d.pieces.some(([a, b]) => a < s.end && b > s.start))) continue;
    const tokens = table.range(s.start, s.end);
    const found = leading(tokens) ?? trailing(tokens);
    if (!found) continue;
    const [from, to] = found.content;
    if ((article.text.slice(from, to).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < MIN_CONTENT_WORDS) continue;
    const r = resolveSource(found.source, s.paragraph, ctx);
    const entity: Entity | null = r.entity;
    const cueText = article.text.slice(found.cue.start, found.cue.end);
    out.push({
      articleId: article.id,
      kind: 'indirect',
      pieces: [[from, to]],
      paragraph: s.paragraph,
      entity,
      source: span(article.text, found.source, 0.7),
      cue: { start: found.cue.start, end: found.cue.end, text: cueText, confidence: 0.7 },
      confidence: Math.round(0.6 * (entity ? r.confidence : 1) * 100) / 100,
      inherited: false,
      ...(entity ? {} : { reason: r.reason }),
    });
  }
  return out;
}

interface Found {
  source: Token[];
  cue: { start: number; end: number };
  content: [number, number];
}

// What may follow a verb before "that" opens what was said: when and where ("said on Tuesday that").
const ADVERBIAL_START = union([PREPOSITIONS, DAYS, TIME_WORDS, ADVERBS], 'last this late');

const isReporting = (t: Token) => t.word && !t.cap && isReportingVerb(t.lower);

// "Borrell said (that) the EU was ready …", "According to the Dpa, weapons worth …".
function leading(tokens: Token[]): Found | null {
  if (tokens[0]?.lower === 'according' && tokens[1]?.lower === 'to') {
    const comma = tokens.findIndex((t, k) => k > 2 && t.text === ',');
    if (comma < 0 || comma > 12) return null;
    const source = tokens.slice(2, comma);
    return isSourcePhrase(source) ? { source, cue: { start: tokens[0].start, end: tokens[1].end }, content: contentFrom(tokens, comma + 1) } : null;
  }
  const v = tokens.findIndex((t, k) => k > 0 && k <= 10 && isReporting(t));
  if (v < 0) return null;
  let subject = tokens.slice(0, v);
  while (subject.length && ADVERBS.has(subject[subject.length - 1].lower)) subject = subject.slice(0, -1);
  if (!subject.length || !isSourcePhrase(subject) || subject.some((t) => t.text === ',' && subject.length < 3)) return null;
  let c = v + 1;
  const that = tokens.findIndex((t, k) => k > v && k <= v + 7 && t.lower === 'that');
  // "told reporters (that)": the listener is not what was said.
  if (TELL_VERBS.has(tokens[v].lower)) c = that > 0 ? that : v + 2;
  // "said on Tuesday that", "said in a statement that": when and where it was said is not what was said.
  else if (that > 0 && ADVERBIAL_START.has(tokens[v + 1].lower)) c = that;
  if (tokens[c]?.lower === 'that' || tokens[c]?.text === ',') c++;
  return { source: subject, cue: { start: tokens[v].start, end: tokens[v].end }, content: contentFrom(tokens, c) };
}

// "The talks have failed, the minister said." / "…, said Borrell."
function trailing(tokens: Token[]): Found | null {
  const comma = tokens.map((t) => t.text).lastIndexOf(',');
  if (comma < 3 || tokens.length - comma > 12) return null;
  const hit = cueAfter(tokens.slice(comma));
  if (!hit || !hit.source.length) return null;
  return { source: hit.source, cue: hit.cue, content: [tokens[0].start, tokens[comma - 1].end] };
}

function contentFrom(tokens: Token[], k: number): [number, number] {
  const rest = tokens.slice(k).filter((t, i, all) => i < all.length - 1 || t.word);
  if (!rest.length) return [0, 0];
  return [rest[0].start, rest[rest.length - 1].end];
}

function span(text: string, tokens: Token[], confidence: number) {
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  return { start, end, text: text.slice(start, end), confidence };
}
