// Words and punctuation with their offsets: what the cue and source stages read around a quote.
import { ABBREVIATIONS, isReportingVerb, isSpeechVerb, MONTH_ABBREVIATIONS } from '../lexicon/index.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** A word (letters or digits), or a single punctuation character. */
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Lower case, apostrophes straightened. */
  lower: string;
}

// The lexicon remembers its answers per word (word-memo.ts): asking by the token's lower case is cheap.
/** isSpeechVerb of the token's lower case. */
export const speechVerb = (t: Token): boolean => isSpeechVerb(t.lower);

/** isReportingVerb of the token's lower case. */
export const reportingVerb = (t: Token): boolean => isReportingVerb(t.lower);

// Words may hold inner apostrophes and hyphens (O’Rourke, Kassym-Zhomart), dotted abbreviations
// (U.S., D-N.Y.) and a trailing period when they are an initial or a title (J., Sen.).
const WORD =
  /(?:\p{Lu}\.){2,}|(?:[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*)(?:\.(?=\s[\p{Lu}\d]|[,)]))?|[^\s\p{L}\p{N}]/gu;

const WORD_START = /^[\p{L}\p{N}]/u;
const CAP_START = /^\p{Lu}/u;

// Most tokens start with an ASCII character, where a char code answers what the Unicode regex would.
function wordStart(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 128) return WORD_START.test(t);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function capStart(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 128 ? CAP_START.test(t) : c >= 65 && c <= 90;
}

const COMMA = 44;
const CLOSE_PAREN = 41;
const PERIOD = 46;
const APOSTROPHE = 0x2019;

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isAsciiUpper = (c: number) => c >= 65 && c <= 90;

/**
 * Where WORD's match at p ends, read by char code: p holds an ASCII character that is no space. -1 when
 * a character past ASCII could change the match; the regex decides those. Regex matches made most of
 * attribution's garbage and a good part of its time, and nearly every token of English news is ASCII.
 */
function asciiWordEnd(s: string, p: number): number {
  const c = s.charCodeAt(p);
  // (?:\p{Lu}\.){2,}: "U.S.", "D.C." (charCodeAt past the end is NaN, which fails every test).
  if (isAsciiUpper(c)) {
    let q = p;
    let pairs = 0;
    for (let u = c; ; u = s.charCodeAt(q)) {
      if (u >= 128) return -1;
      if (!isAsciiUpper(u) || s.charCodeAt(q + 1) !== PERIOD) break;
      pairs++;
      q += 2;
    }
    if (pairs >= 2) return q;
  }
  // [^\s\p{L}\p{N}]: punctuation, one character.
  if (!isAsciiAlnum(c)) return p + 1;
  // [\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*: letters and digits, joined by inner marks.
  let q = p + 1;
  for (;;) {
    let u = s.charCodeAt(q);
    while (isAsciiAlnum(u)) u = s.charCodeAt(++q);
    if (u >= 128 && u !== APOSTROPHE) return -1;
    if (u !== 39 && u !== APOSTROPHE && u !== 45 && u !== PERIOD) break;
    const v = s.charCodeAt(q + 1);
    if (v >= 128) return -1;
    if (!isAsciiAlnum(v)) break;
    q += 2;
  }
  // (?:\.(?=\s[\p{Lu}\d]|[,)]))?: a period before a comma, or before a space and a capital or a digit.
  if (s.charCodeAt(q) !== PERIOD) return q;
  const a = s.charCodeAt(q + 1);
  if (a === COMMA || a === CLOSE_PAREN) return q + 1;
  if (a >= 128) return -1;
  if (!isAsciiSpace(a)) return q;
  const b = s.charCodeAt(q + 2);
  if (b >= 128) return -1;
  return isAsciiUpper(b) || (b >= 48 && b <= 57) ? q + 1 : q;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  const n = slice.length;
  let i = 0;
  while (i < n) {
    const c = slice.charCodeAt(i);
    if (isAsciiSpace(c)) {
      i++;
      continue;
    }
    let at = i;
    let end = c < 128 ? asciiWordEnd(slice, i) : -1;
    if (end < 0) {
      WORD.lastIndex = i;
      const m = WORD.exec(slice);
      if (!m) break;
      at = m.index;
      end = at + m[0].length;
    }
    let t = slice.slice(at, end);
    // Keep the period on initials and titles only ("J. Blige", "Sen. Cruz"), not on sentence ends; a
    // period before a comma ends an abbreviation ("McConnell, R-Ky., said").
    if (t.length > 1 && t.charCodeAt(t.length - 1) === PERIOD) {
      const next = slice.charCodeAt(end);
      const abbreviation = next === COMMA || next === CLOSE_PAREN;
      if (!abbreviation && !/^(\p{Lu}\.)+$/u.test(t)) {
        const bare = t.slice(0, -1);
        // "Oct. 31": a month's abbreviation before its day ends no sentence.
        const dated = MONTH_ABBREVIATIONS.has(bare.toLowerCase()) && /^\s\d/.test(slice.slice(end));
        if (!(bare.length === 1 && /\p{Lu}/u.test(bare)) && !ABBREVIATIONS.has(bare.toLowerCase()) && !dated) t = bare;
      }
    }
    i = at + t.length;
    const start = from + at;
    const lower = t.toLowerCase();
    out.push({
      text: t,
      start,
      end: start + t.length,
      word: wordStart(t),
      cap: capStart(t),
      lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
    });
  }
  return out;
}

/**
 * Where token t is in tokens (text order, as tokenize and TokenTable.range give them), or -1: the same
 * answer as tokens.indexOf(t), found by its offset. indexOf over a whole article for each name made
 * finding mentions quadratic in the article's length.
 */
export function tokenIndex(tokens: Token[], t: Token): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < t.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < tokens.length && tokens[k].start === t.start; k++) if (tokens[k] === t) return k;
  // Not where its offset says: tokens out of order, or a token from elsewhere.
  return tokens.indexOf(t);
}

const always = () => true;

/**
 * An article's tokens, made once: every stage reads windows of the same text, and tokenizing each
 * window again cost more than all the rest of attribution.
 */
export class TokenTable {
  readonly tokens: Token[];
  private readonly starts: Int32Array;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    this.starts = new Int32Array(this.tokens.length);
    for (let k = 0; k < this.tokens.length; k++) this.starts[k] = this.tokens[k].start;
  }

  /** The first token that lies within text[from, to) (range(from, to)[0], without the list). */
  first(from: number, to: number): Token | undefined {
    return this.find(from, to, always);
  }

  /** range(from, to).find(yes), without the list. */
  find(from: number, to: number, yes: (t: Token) => boolean): Token | undefined {
    if (to <= from) return undefined;
    for (let k = this.firstAt(from); k < this.tokens.length && this.tokens[k].start < to; k++) {
      if (this.tokens[k].end <= to && yes(this.tokens[k])) return this.tokens[k];
    }
    return undefined;
  }

  /** Tokens that lie within text[from, to). */
  range(from: number, to: number): Token[] {
    if (to <= from) return [];
    const out: Token[] = [];
    for (let k = this.firstAt(from); k < this.tokens.length && this.tokens[k].start < to; k++) {
      if (this.tokens[k].end <= to) out.push(this.tokens[k]);
    }
    return out;
  }

  /**
   * Index of the first token starting at or after `from`. The binary search is written out here and in
   * tokenIndex rather than taken from bisect.ts: these two run for every lookup of every stage, and the
   * shared one's callback measured a few percent slower on the build.
   */
  private firstAt(from: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
