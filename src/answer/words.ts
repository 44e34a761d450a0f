// The words of a question as typed, and answers that repeat one another.
import type { AnswerItem } from '../types.js';

/** The topic's words as typed: capitalised ones must match their case, and lower-case ones too when the asker uses capitals. */
export function exactWords(topic: string, caseAware: boolean): RegExp[] {
  const escapeRegex = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (topic.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .filter((w) => w.length > 2)
    .map((w) => {
      const whole = `(?<![\\p{L}\\p{N}])${escapeRegex(w)}(?![\\p{L}\\p{N}])`;
      if (/^\p{Lu}/u.test(w)) return new RegExp(whole, 'u');
      // Someone who writes names with capitals and this word without one means the common noun: "wall",
      // not the "Wall" of Wall Street (unless it opens a sentence, and no name). Typed all in lower case,
      // it is any.
      if (!caseAware) return new RegExp(whole, 'iu');
      const lower = escapeRegex(w.toLowerCase());
      const opening = escapeRegex(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      return new RegExp(`(?<![\\p{L}\\p{N}])${lower}(?![\\p{L}\\p{N}])|(?:^|[.!?]\\s+)${opening}(?![\\p{L}\\p{N}])(?!\\s+\\p{Lu})`, 'u');
    });
}

/** How many of the words as typed (see exactWords) the text holds. */
export function exactHits(words: RegExp[], text: string): number {
  return words.filter((w) => w.test(text)).length;
}

/** Whether the asker writes with capitals: then a lower-case word is the common noun. */
export function caseAware(text: string): boolean {
  return /\p{Lu}/u.test(text);
}

/** The same words quoted in several articles are one answer. */
export function distinct(items: AnswerItem[]): AnswerItem[] {
  const seen = new Set<string>();
  return items.filter((it) => {
    const key = it.quote.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
