// The content stage: a quote's pieces. A cue inside the marks (between dashes, a transcript's "NAME:", a
// lost closing mark before ", said X,") splits the quote around it; after attribution, the pieces of one
// speaker's quote broken by its cue are joined again, and so is a short uncued sentence of speech between
// two quotes of one speaker.
import { DEMONSTRATIVES, FIRST_PERSON, isSpeechVerb, union } from '../lexicon/index.js';
import type { MarkSpan } from '../text/quotemarks.js';
import { wordsIn } from '../text/tokenizer.js';
import type { Article } from '../types.js';
import { type Attributed, unattributed } from './attributed.js';
import { cueInOpenQuote, cueInside, transcriptSpeaker, type CueMatch } from './cue.js';
import type { TokenTable } from './tokens.js';

export interface Draft extends Attributed {
  /** Where the opening mark stands (the label's start for an interview line). */
  open: number;
  /** Where the closing mark stands, -1 when the quote runs on to its paragraph's end. */
  close: number;
  /** A cue found inside the marks. */
  inner?: CueMatch;
}

export function toDraft(article: Article, table: TokenTable, s: MarkSpan): Draft {
  const base: Draft = {
    ...unattributed(article.id, 'direct', [[s.start, s.end]], s.paragraph),
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

export function trimmed(text: string, a: number, b: number): [number, number] | null {
  while (a < b && /[\s,.;:–—-]/.test(text[a])) a++;
  while (b > a && /[\s,–—-]/.test(text[b - 1])) b--;
  return b > a ? [a, b] : null;
}

// Words that open a sentence of speech rather than of narration: "It is now a real revolution."
const SPEECH_OPENERS = union([FIRST_PERSON, DEMONSTRATIVES], 'it they there here what now so and but');

// “A,” he said, “B.” — one quote in two pieces; and a short uncued sentence between two quotes of one
// speaker ("… its men”. It is now a real revolution. “The regime …”) is theirs too.
export function merge(text: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && d.entity && prev.entity === d.entity && prev.paragraph === d.paragraph && d.inherited && !d.inner) {
      const gapFrom = prev.close >= 0 ? prev.close + 1 : prev.pieces.at(-1)![1];
      const gap = text.slice(gapFrom, d.open);
      const gapWords = gap.match(/[\p{L}\p{N}’']+/gu) ?? [];
      const cueOnly =
        prev.cue &&
        prev.cue.start >= gapFrom &&
        prev.cue.end <= d.open &&
        gapWords.length <= 8 &&
        !/[.!?]/.test(gap.replace(/^[\s.,]+/, ''));
      // The sentence between must read as speech: one short sentence, opening with a pronoun or
      // demonstrative, with no name and no verb of saying in it.
      const bridge =
        !/[.!?]\s*\S.*[.!?]\s*\S/.test(gap.trim().replace(/^[”"’.,\s]+/, '')) &&
        gapWords.length <= 12 &&
        gapWords.length > 0 &&
        SPEECH_OPENERS.has((gapWords[0] ?? '').toLowerCase()) &&
        !gapWords.some((w, k) => isSpeechVerb(w.toLowerCase()) || (k > 0 && /^\p{Lu}/u.test(w) && w !== 'I')) &&
        /[.!?]/.test(gap);
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

/** Words in a quote's pieces. */
export function wordCount(text: string, d: Attributed): number {
  let n = 0;
  for (const [a, b] of d.pieces) n += wordsIn(text, a, b);
  return n;
}
