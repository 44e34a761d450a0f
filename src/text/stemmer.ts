import { PorterStemmer } from './natural.js';

// The same few thousand words come back all the time; Porter is cheap but not free.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Porter stem of a lower-case token. */
export function stem(token: string): string {
  let out = cache.get(token);
  if (out === undefined) {
    out = PorterStemmer.stem(token);
    if (cache.size < CACHE_LIMIT) cache.set(token, out);
  }
  return out;
}
