import { RegexpTokenizer } from './natural.js';

// natural's WordTokenizer splits on [^A-Za-z0-9_] and so cuts "José" to "Jos"; its RegexpTokenizer
// with a Unicode class keeps letters of every script.
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });

/** Words of a text, as written (case and accents kept). */
export function tokenize(text: string): string[] {
  return tokenizer.tokenize(text);
}
