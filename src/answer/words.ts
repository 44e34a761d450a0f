// The words of a question as typed, and answers that repeat one another.
import type { InvertedIndex } from '../search/index.js';
import { indexTerms } from '../text/pipeline.js';
import type { AnswerItem } from '../types.js';

/** A word as typed: the pattern it must match, and the index terms any text matching it holds. */
export interface TypedWord {
  re: RegExp;
  terms: string[];
}

/**
 * The topic's words as typed: capitalised ones must match their case, and lower-case ones too when the
 * asker uses capitals.
 */
export function exactWords(topic: string, caseAware: boolean): TypedWord[] {
  return typedPatterns(topic, caseAware).map(([word, re]) => ({ re, terms: indexTerms(word) }));
}

function typedPatterns(topic: string, caseAware: boolean): Array<[string, RegExp]> {
  const escapeRegex = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (topic.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .filter((w) => w.length > 2)
    .map((w) => {
      const whole = `(?<![\\p{L}\\p{N}])${escapeRegex(w)}(?![\\p{L}\\p{N}])`;
      if (/^\p{Lu}/u.test(w)) return [w, new RegExp(whole, 'u')] as [string, RegExp];
      // Someone who writes names with capitals and this word without one means the common noun: "wall",
      // not the "Wall" of Wall Street (unless it opens a sentence, and no name). Typed all in lower case,
      // it is any.
      if (!caseAware) return [w, new RegExp(whole, 'iu')] as [string, RegExp];
      const lower = escapeRegex(w.toLowerCase());
      const opening = escapeRegex(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      const either = `(?<![\\p{L}\\p{N}])${lower}(?![\\p{L}\\p{N}])|(?:^|[.!?]\\s+)${opening}(?![\\p{L}\\p{N}])(?!\\s+\\p{Lu})`;
      return [w, new RegExp(either, 'u')] as [string, RegExp];
    });
}

/**
 * How many of the words as typed (see exactWords) quote `doc` of `index` holds, its text `text`. The
 * patterns are slow and most quotes lack the word altogether: a word whose terms the quote does not hold
 * is not tested.
 */
export function exactHits(words: TypedWord[], index: InvertedIndex, doc: number, text: string): number {
  let n = 0;
  for (const w of words) if (w.terms.every((t) => index.contains(t, doc)) && w.re.test(text)) n++;
  return n;
}

/** Whether the asker writes with capitals: then a lower-case word is the common noun. */
export function caseAware(text: string): boolean {
  return /\p{Lu}/u.test(text);
}

/**
 * The first `limit` items `make` gives for `from`, the same words quoted in several articles being one
 * answer. Items are made only until the limit is reached: a speaker may have thousands of quotes.
 */
export function distinct<T>(from: Iterable<T>, make: (x: T) => AnswerItem, limit: number): AnswerItem[] {
  const seen = new Set<string>();
  const out: AnswerItem[] = [];
  for (const x of from) {
    if (out.length >= limit) break;
    const item = make(x);
    const key = item.quote
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
