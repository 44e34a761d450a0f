// Whether a quote says the asked words the other way round: "Did she say the package was a handout?"
// of “a lifeline, not a handout.” holds the words, but denies them. A word is denied when a negation
// (not, never, no, n't) stands just before it; a quote and a question that differ in that say different things.
import { foldCase } from '../text/normalize.js';
import { indexTerm } from '../text/pipeline.js';
import { tokenize } from '../text/tokenizer.js';

/** Words looked back from a word for a negation: "not a handout", "never been so hopeful". */
const NEGATION_REACH = 3;
/** "t" is what is left of "n't" once "don't" is cut into words. */
const NEGATION = new Set(['not', 'never', 'no', 'cannot', 't', 'nor']);

/** Each term of the text with whether a negation stands just before it (denied if any is). */
function polarity(text: string): Map<string, boolean> {
  const words = tokenize(foldCase(text));
  const out = new Map<string, boolean>();
  words.forEach((w, i) => {
    const term = indexTerm(w);
    if (!term) return;
    const denied = words.slice(Math.max(0, i - NEGATION_REACH), i).some((x) => NEGATION.has(x));
    out.set(term, (out.get(term) ?? false) || denied);
  });
  return out;
}

/**
 * The first asked word (as typed) that the quote denies and the question does not, or the other way
 * round; undefined when the two agree on every word they share.
 */
export function deniedWord(quote: string, asked: string): string | undefined {
  const inQuote = polarity(quote);
  const inAsked = polarity(asked);
  return tokenize(asked).find((w) => {
    const t = indexTerm(foldCase(w));
    return t !== '' && inQuote.has(t) && inQuote.get(t) !== inAsked.get(t);
  });
}
