// natural's WordTokenizer splits on [^A-Za-z0-9_] and so cuts "José" to "Jos"; words here are runs of
// letters and digits of every script. natural's RegexpTokenizer with /[^\p{L}\p{N}]+/u gives the same
// tokens (tests hold the two equal), but splits, then filters the empty strings with underscore: one
// match does it in a single pass. (The index build reads its words straight from the text: pipeline.ts.)
const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text, as written (case and accents kept). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}
