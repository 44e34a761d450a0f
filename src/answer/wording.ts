// How sure an answer sounds. Two things can be unsure: whether the quote found is the one asked about
// (the match: see rank.ts) and whether the article says clearly who said it (the attribution's
// confidence, AnswerItem.confidence). The thresholds are here, and only here.
import type { AnswerItem } from '../types.js';

/**
 * Attribution confidence from which an answer says "X said it". Confidence is the calibrated chance that
 * the named speaker is right (see scripts/eval-calibration.ts): of quotes given 0.9 or more, 95% or more
 * are right on PolNeAR dev and on the webnews pages.
 */
export const SURE = 0.9;
/**
 * From this up to SURE, "most likely X": the named speaker is more likely right than wrong. Below it, "the
 * article does not say clearly who".
 */
export const LIKELY = 0.5;

export type Certainty = 'sure' | 'likely' | 'unclear';

/** How clearly the article says who said the item's quote. */
export function certainty(item: AnswerItem): Certainty {
  if (!item.speaker || item.confidence === null) return 'unclear';
  return item.confidence >= SURE ? 'sure' : item.confidence >= LIKELY ? 'likely' : 'unclear';
}

/** "X said it." / "Most likely X said it." / "The article does not say clearly who said it (perhaps X)." */
export function saidIt(item: AnswerItem): string {
  switch (certainty(item)) {
    case 'sure':
      return `${item.speaker} said it`;
    case 'likely':
      return `Most likely ${item.speaker} said it`;
    default:
      return item.speaker
        ? `The corpus has this quote, but the article does not say clearly who said it (perhaps ${item.speaker})`
        : 'The corpus has this quote but does not say who said it';
  }
}

/** "the closest is X's" with the same care. */
export function closest(item: AnswerItem): string {
  switch (certainty(item)) {
    case 'sure':
      return `the closest is ${possessive(item.speaker!)}`;
    case 'likely':
      return `the closest is most likely ${possessive(item.speaker!)}`;
    default:
      return item.speaker
        ? `the closest one's speaker is not clear from the article (perhaps ${item.speaker})`
        : 'the closest one does not say who said it';
  }
}

/** "Ann Author's", "James's"; a group named by a plural in lower case takes the apostrophe only ("analysts'"). */
export function possessive(name: string): string {
  return /^\p{Ll}.*s$/u.test(name) ? `${name}'` : `${name}'s`;
}
