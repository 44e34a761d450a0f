// Words and punctuation with their offsets: what the cue and source stages read around a quote.
import { ABBREVIATIONS, MONTH_ABBREVIATIONS } from '../lexicon/index.js';

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

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let t = m[0];
    // Keep the period on initials and titles only ("J. Blige", "Sen. Cruz"), not on sentence ends; a
    // period before a comma ends an abbreviation ("McConnell, R-Ky., said").
    if (t.length > 1 && t.charCodeAt(t.length - 1) === 46) {
      const next = slice.charCodeAt(m.index + t.length);
      const abbreviation = next === COMMA || next === CLOSE_PAREN;
      if (!abbreviation && !/^(\p{Lu}\.)+$/u.test(t)) {
        const bare = t.slice(0, -1);
        // "Oct. 31": a month's abbreviation before its day ends no sentence.
        const dated = MONTH_ABBREVIATIONS.has(bare.toLowerCase()) && /^\s\d/.test(slice.slice(m.index + t.length));
        if (!(bare.length === 1 && /\p{Lu}/u.test(bare)) && !ABBREVIATIONS.has(bare.toLowerCase()) && !dated) {
          t = bare;
          WORD.lastIndex = m.index + t.length;
        }
      }
    }
    const start = from + m.index;
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

  /** Tokens that lie within text[from, to). */
  range(from: number, to: number): Token[] {
    if (to <= from) return [];
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let k = lo; k < this.tokens.length && this.tokens[k].start < to; k++) {
      if (this.tokens[k].end <= to) out.push(this.tokens[k]);
    }
    return out;
  }
}
