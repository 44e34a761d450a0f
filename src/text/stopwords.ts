import { naturalStopwords } from './natural.js';

// natural's list, plus the halves of contractions the tokenizer leaves behind ("doesn" + "t").
const STOP = new Set([
  ...naturalStopwords,
  'don', 'doesn', 'didn', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn', 'couldn', 'shouldn',
  'wouldn', 'ain', 'll', 're', 've', 'us', 'yes', 'just', 'it’s', 'an', 'the',
]);

/** Words too common to tell passages apart (lower case). */
export function isStopWord(token: string): boolean {
  return STOP.has(token);
}

/** Words of a question that are about asking, not about what was said ("Who is quoted saying …"). */
const QUERY_STOP = new Set(['quote', 'quotes', 'quoted', 'quoting', 'say', 'says', 'saying', 'tell', 'told', 'telling']);

export function isQueryStopWord(token: string): boolean {
  return STOP.has(token) || QUERY_STOP.has(token);
}
