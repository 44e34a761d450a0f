// natural's WordTokenizer splits on [^A-Za-z0-9_] and so cuts "José" to "Jos"; words here are runs of
// letters and digits of every script. natural's RegexpTokenizer with /[^\p{L}\p{N}]+/u gives the same
// tokens (tests hold the two equal), but splits, then filters the empty strings with underscore: one
// match does it in a single pass. (The index build reads its words straight from the text: pipeline.ts.)
const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text, as written (case and accents kept). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// A no-break space and the General Punctuation block (curly quotes, dashes, an ellipsis): what news
// holds past ASCII that is no letter or digit.
const isPlainMark = (c: number) => c === 0xa0 || (c >= 0x2000 && c <= 0x206f);

/**
 * Runs of letters and digits in text[from, to), as text.slice(from, to).match(/[\p{L}\p{N}]+/gu) counts
 * them, read by char code: the regex's slice and array of matches were a good part of attribution's
 * garbage. Any other character past ASCII (it may be a letter) leaves the count to the regex.
 */
export function wordsIn(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let alnum = false;
    if (c < 128) alnum = isAsciiAlnum(c);
    else if (!isPlainMark(c)) return text.slice(from, to).match(WORD)?.length ?? 0;
    if (alnum && !inWord) n++;
    inWord = alnum;
  }
  return n;
}
