import { CONTRACTION_HALVES, QUOTING_WORDS, union } from '../lexicon/index.js';
import { naturalStopwords } from './natural.js';

// natural's list, plus the halves of contractions the tokenizer leaves behind ("doesn" + "t").
const STOP = union([new Set(naturalStopwords), CONTRACTION_HALVES], 'us yes just it’s an the');

/** Words too common to tell passages apart (lower case). */
export function isStopWord(token: string): boolean {
  return STOP.has(token);
}

/** Words of a question that are about asking, not about what was said ("Who is quoted saying …"). */
export function isQueryStopWord(token: string): boolean {
  return STOP.has(token) || QUOTING_WORDS.has(token);
}
