// Finds the spans inside quotation marks, as scraped news writes them: curly and straight marks,
// marks facing the wrong way or with the space on the wrong side, a quote left open at a paragraph's
// end and taken up again in the next. Each mark is given a role (opens, closes, or stray) by a small
// dynamic programme that weighs what the glyph says, what the spaces around it say, and whether the
// text it would enclose looks like a quotation.
import type { Paragraph } from '../types.js';
import { wordsIn } from './tokenizer.js';

export interface MarkSpan {
  /** Offsets of the quoted words (marks and surrounding spaces excluded). */
  start: number;
  end: number;
  /** Offsets of the marks themselves; `close` is -1 for a quote left open at the paragraph's end. */
  open: number;
  close: number;
  paragraph: number;
  /** How well the marks fit: 1 for a clean pair, lower when a mark had to be read against its look. */
  confidence: number;
}

interface Mark {
  at: number;
  /** Length of the mark in characters ('' is two). */
  len: number;
  glyph: 'open' | 'close' | 'neutral';
  /** Looks like an opening mark from its spacing (space before, word after). */
  opensBySpace: boolean;
  closesBySpace: boolean;
}

const DOUBLE_OPEN = '“„«';
const DOUBLE_CLOSE = '”»';
/** Any double quotation mark, straight or curly, either way round. */
export const DOUBLE_MARK = /["“”«»„]/;
/** Characters past ASCII doubleMarks reads: the curly doubles, and the singles that come in twos (‘‘, ’’). */
const DOUBLE_GLYPHS = `${DOUBLE_OPEN}${DOUBLE_CLOSE}‘’`;
/** ASCII characters doubleMarks reads: tag brackets and the straight marks. */
const ASCII_MARKUP = Array.from({ length: 128 }, (_, c) => '<>"\'`'.includes(String.fromCharCode(c)));
const SINGLE_OPEN = '‘‚‹';
const SINGLE_CLOSE = '’›';

const STRAY = 2.5;
const AGAINST_GLYPH = 1;
const AGAINST_SPACE = 1.2;

/**
 * Quoted spans of every paragraph. Single marks count in headlines, where they stand for doubles, and
 * in the body of an article that quotes with single marks only ('…,' said the agency — as much of the
 * British press writes): there a pair must be clean (marks facing the right way, spaced as marks are)
 * and hold two words at least, since the same glyph is also the apostrophe (rock 'n' roll).
 */
export function findQuoteSpans(text: string, paragraphs: Paragraph[]): MarkSpan[] {
  const out: MarkSpan[] = [];
  const lastGt = text.lastIndexOf('>');
  // Appended one by one: spreading a paragraph's spans into push() overflows the stack when a
  // hostile paragraph holds a hundred thousand of them.
  const add = (spans: MarkSpan[]) => {
    for (const s of spans) out.push(s);
  };
  const unmarked: Paragraph[] = [];
  let bodyDoubles = 0;
  for (const p of paragraphs) {
    const marks = doubleMarks(text, p.start, p.end, lastGt);
    add(pairMarks(text, p, withoutNested(text, marks)));
    if (!p.title) bodyDoubles += marks.length;
    if (marks.length === 0) unmarked.push(p);
  }
  for (const p of unmarked) {
    if (p.title) add(pairMarks(text, p, singleMarks(text, p.start, p.end)));
    else if (bodyDoubles === 0)
      add(
        pairMarks(text, p, singleMarks(text, p.start, p.end)).filter(
          (s) => s.confidence === 1 && s.close >= 0 && /\S\s+\S/.test(text.slice(s.start, s.end)),
        ),
      );
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Most words a quotation nested in another with the same marks holds: a term or a phrase being cited. */
const MAX_NESTED_WORDS = 6;

/**
 * “I’d rather live in what he calls “hell” than …”: a quotation inside another is part of the outer one.
 * Two opening marks (the outer one may be straight), then a clean curly pair a few words long, then the
 * outer quote's close or, for a quote that runs on into the next paragraph, no mark at all: the inner
 * pair is no boundary.
 */
function withoutNested(text: string, marks: Mark[]): Mark[] {
  const inner = new Set<number>();
  for (let i = 0; i + 2 < marks.length; i++) {
    const [a, b, c, d] = [marks[i], marks[i + 1], marks[i + 2], marks[i + 3]];
    if (b.glyph !== 'open' || c.glyph !== 'close') continue;
    if (a.glyph === 'close' || (a.glyph === 'neutral' && !a.opensBySpace)) continue;
    if (d ? d.glyph === 'open' || (d.glyph === 'neutral' && !d.closesBySpace) : a.glyph !== 'neutral') continue;
    if (a.glyph === 'neutral' && !(b.opensBySpace && c.closesBySpace)) continue;
    const words = wordsIn(text, b.at + b.len, c.at);
    if (words === 0 || words > MAX_NESTED_WORDS) continue;
    inner.add(i + 1).add(i + 2);
    i += d ? 3 : 2;
  }
  return inner.size ? marks.filter((_, k) => !inner.has(k)) : marks;
}

function doubleMarks(text: string, from: number, to: number, lastGtInText: number): Mark[] {
  const marks: Mark[] = [];
  // The last '<' and '>' seen in this paragraph, kept while scanning: searching back from every mark
  // made a long paragraph quadratic.
  const tag = { lt: -1, gt: -1, lastGtInText };
  for (let i = from; i < to; i++) {
    // Nearly every character is none of the few that matter here: skip those by their code alone.
    const code = text.charCodeAt(i);
    if (code < 128 ? !ASCII_MARKUP[code] : !DOUBLE_GLYPHS.includes(text[i])) continue;
    const c = text[i];
    if (c === '<') tag.lt = i;
    else if (c === '>') tag.gt = i;
    let len = 0;
    let glyph: Mark['glyph'] = 'neutral';
    if (DOUBLE_OPEN.includes(c)) {
      len = 1;
      glyph = 'open';
    } else if (DOUBLE_CLOSE.includes(c)) {
      len = 1;
      glyph = 'close';
    } else if (c === '"') {
      len = 1;
    } else if (c === "'" && text[i + 1] === "'") {
      len = 2; // '' for " (NYT style)
    } else if ((c === '`' || c === '‘') && text[i + 1] === c) {
      len = 2;
      glyph = 'open';
    } else if (c === '’' && text[i + 1] === '’') {
      len = 2; // ’’ for ” (wire copy typed with two apostrophes)
      glyph = 'close';
    }
    if (!len) continue;
    // Inside markup (<tweet author="…">), marks delimit attribute values, not speech.
    if (insideTag(text, i, tag)) {
      i += len - 1;
      continue;
    }
    marks.push(shape(text, i, len, glyph, from, to));
    i += len - 1;
  }
  return marks;
}

function singleMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    let glyph: Mark['glyph'];
    if (SINGLE_OPEN.includes(c)) glyph = 'open';
    else if (SINGLE_CLOSE.includes(c) || c === "'") glyph = c === "'" ? 'neutral' : 'close';
    else continue;
    // An apostrophe inside a word (don’t, Nazarbayev’s) or after a plural s (voters’) is not a mark.
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) continue;
    if (glyph !== 'open' && /s/i.test(before) && /\s/.test(after) && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)))
      continue;
    marks.push(shape(text, i, 1, glyph, from, to));
  }
  return marks;
}

function shape(text: string, at: number, len: number, glyph: Mark['glyph'], from: number, to: number): Mark {
  const before = at > from ? text[at - 1] : ' ';
  const after = at + len < to ? text[at + len] : ' ';
  const spaceBefore = /[\s([{\u2014\u2013-]/.test(before);
  const spaceAfter = /\s/.test(after) || at + len >= to;
  const punctAfter = /[,.;:!?)\]}…]/.test(after);
  const wordAfter = /[\p{L}\p{N}‘'([…$£€#@]/u.test(after);
  return {
    at,
    len,
    glyph,
    opensBySpace: spaceBefore && wordAfter,
    closesBySpace: (!spaceBefore && (spaceAfter || punctAfter)) || punctAfter,
  };
}

function insideTag(text: string, i: number, tag: { lt: number; gt: number; lastGtInText: number }): boolean {
  const { lt, gt } = tag;
  if (lt < 0) return false;
  return gt < lt && /^<\/?[a-z][\w-]*(\s|$)/i.test(text.slice(lt, lt + 30)) && tag.lastGtInText > i;
}

const costOpen = (m: Mark) =>
  (m.glyph === 'close' ? AGAINST_GLYPH : 0) + (m.closesBySpace && !m.opensBySpace ? AGAINST_SPACE : 0);
const costClose = (m: Mark) =>
  (m.glyph === 'open' ? AGAINST_GLYPH : 0) + (m.opensBySpace && !m.closesBySpace ? AGAINST_SPACE : 0);

/** What a span between two marks costs as a quotation: nothing, or a penalty when it can't be one. */
function contentCost(text: string, start: number, end: number): number {
  // Only the first character past the spaces counts: slicing and trimming the whole span, for every
  // mark and every state the search keeps, copied each quote many times over.
  let i = start;
  while (i < end && isSpaceAt(text, i)) i++;
  if (i >= end) return 3;
  if (',.;:!?)'.includes(text[i])) return 2;
  return 0;
}

/** What String.prototype.trim takes off (\s): ASCII by char code, the rest by the regex. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(text[i]);
}

interface Pair {
  open: number;
  close: number;
  prev: Pair | null;
}

interface State {
  cost: number;
  /** Index of the opening mark when inside a quote, else -1. */
  open: number;
  /** Pairs chosen so far, newest first (shared between states, never copied). */
  pairs: Pair | null;
  count: number;
  /** Penalties paid, for confidence. */
  strain: number;
}

/** States kept per mark: enough for real text, bounded for a paragraph made of quote marks. */
const BEAM = 8;

/** Chooses roles for the marks of one paragraph and returns the quoted spans. */
function pairMarks(text: string, p: Paragraph, marks: Mark[]): MarkSpan[] {
  if (!marks.length) return [];
  // States: outside (open = -1) or inside since mark k, cheapest first. Kept as the cheapest per distinct
  // `open`; a state is made only when it is kept, since most are dearer than one kept already.
  let states: State[] = [{ cost: 0, open: -1, pairs: null, count: 0, strain: 0 }];
  marks.forEach((m, i) => {
    const next = new Map<number, State>();
    const keep = (cost: number, open: number, pairs: Pair | null, count: number, strain: number) => {
      const cur = next.get(open);
      if (!cur || cost < cur.cost) next.set(open, { cost, open, pairs, count, strain });
    };
    for (const s of states) {
      keep(s.cost + STRAY, s.open, s.pairs, s.count, s.strain + STRAY);
      if (s.open < 0) {
        const c = costOpen(m);
        keep(s.cost + c, i, s.pairs, s.count, s.strain + c);
      } else {
        const o = marks[s.open];
        const c = costClose(m) + contentCost(text, o.at + o.len, m.at);
        keep(s.cost + c, -1, { open: s.open, close: i, prev: s.pairs }, s.count + 1, s.strain + c);
      }
    }
    states = [...next.values()].sort((a, b) => a.cost - b.cost).slice(0, BEAM);
  });
  let best: State | undefined;
  for (const s of states) {
    // A quote still open at the end runs to the paragraph's end (continued in the next paragraph).
    const cost = s.open >= 0 ? s.cost + 0.5 + contentCost(text, marks[s.open].at + marks[s.open].len, p.end) : s.cost;
    if (!best || cost < best.cost) best = { ...s, cost };
  }
  const spans: MarkSpan[] = [];
  const strainPerPair = best!.strain / Math.max(1, best!.count + (best!.open >= 0 ? 1 : 0));
  const confidence = Math.max(0.3, 1 - strainPerPair / 5);
  for (let pair = best!.pairs; pair; pair = pair.prev)
    spans.unshift(span(text, p, marks[pair.open], marks[pair.close], confidence));
  if (best!.open >= 0) spans.push(span(text, p, marks[best!.open], null, confidence * 0.9));
  return spans.filter((s) => s.end > s.start);
}

function span(text: string, p: Paragraph, open: Mark, close: Mark | null, confidence: number): MarkSpan {
  let start = open.at + open.len;
  let end = close ? close.at : p.end;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end, open: open.at, close: close ? close.at : -1, paragraph: p.index, confidence };
}
