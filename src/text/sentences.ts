import type { Article, Sentence } from '../types.js';

// natural's SentenceTokenizer splits inside quotations and after "U.S." or "Mr."; news needs a splitter
// that knows its abbreviations and its quote marks.

// Always followed by a name or a number: never the end of a sentence.
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'mme',
  'dr',
  'prof',
  'sen',
  'sens',
  'rep',
  'reps',
  'gov',
  'govs',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'adm',
  'cmdr',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'atty',
  'amb',
  'st',
  'mt',
  'ft',
  'fig',
  'vol',
  'pp',
  'op',
  'cf',
  'vs',
  'v',
  'e.g',
  'i.e',
  'ca',
  'approx',
  'no',
  'nos',
]);

// Abbreviations that can also end a sentence ("in the U.S." / "at 9 p.m."): a boundary only when the
// next word is one that typically starts a sentence.
const ENDINGS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'bros',
  'etc',
  'al',
  'dept',
  'univ',
  'assn',
  'ave',
  'blvd',
  'rd',
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'ill',
  'ind',
  'kan',
  'kans',
  'ky',
  'la',
  'md',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
]);

const STARTERS = new Set([
  'a',
  'an',
  'the',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'if',
  'when',
  'while',
  'after',
  'before',
  'as',
  'at',
  'in',
  'on',
  'for',
  'of',
  'to',
  'by',
  'with',
  'from',
  'since',
  'although',
  'though',
  'because',
  'however',
  'meanwhile',
  'still',
  'also',
  'then',
  'now',
  'what',
  'who',
  'why',
  'how',
  'where',
  'which',
  'one',
  'some',
  'many',
  'most',
  'all',
  'no',
  'not',
  'asked',
  'said',
  'according',
]);

const CLOSERS = '"\'”’»)]';
const OPENERS = '"\'“‘«([';

/** Splits an article's paragraphs into sentences, each located in the article text. */
export function splitSentences(article: Pick<Article, 'id' | 'text' | 'paragraphs'>): Sentence[] {
  const out: Sentence[] = [];
  for (const p of article.paragraphs) {
    for (const [start, end] of sentenceBounds(article.text, p.start, p.end)) {
      out.push({ articleId: article.id, paragraph: p.index, start, end, text: article.text.slice(start, end) });
    }
  }
  return out;
}

/** [start, end) of each sentence in text[from, to), trimmed of spaces. */
export function sentenceBounds(text: string, from = 0, to = text.length): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '.' && c !== '?' && c !== '!') continue;
    // An ellipsis inside a quotation ("them. … Democratic") is a pause, not an end.
    if (c === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue;
    let j = i + 1;
    while (j < to && (text[j] === '?' || text[j] === '!')) j++;
    while (j < to && CLOSERS.includes(text[j])) j++;
    const end = j;
    let k = j;
    while (k < to && /\s/.test(text[k])) k++;
    if (k >= to) break;
    const spaced = k > j;
    if (!isBoundary(text, i, k, spaced, to)) continue;
    pushTrimmed(text, start, end, bounds);
    start = k;
    i = k - 1;
  }
  pushTrimmed(text, start, to, bounds);
  return bounds;
}

function isBoundary(text: string, mark: number, next: number, spaced: boolean, to: number): boolean {
  const c = text[next];
  const word = wordBefore(text, mark);
  if (!spaced) {
    // "here.Read" — a missing space after a full word, not "U.S.A", "ilfattoquotidiano.it" or "?”,".
    return /^\p{Ll}{2,}$/u.test(word) && /\p{Lu}\p{Ll}/u.test(text.slice(next, next + 2));
  }
  if (OPENERS.includes(c)) return text[mark] !== '.' || !TITLES.has(word.toLowerCase());
  const upper = /\p{Lu}/u.test(c);
  const digit = /\d/.test(c);
  if (!upper && !digit) return false;
  if (text[mark] !== '.') return true;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  // An initial ("Mary J. Blige", "M. Stanton Evans").
  if (/^\p{Lu}$/u.test(word)) return false;
  if (digit) return !ENDINGS.has(lower);
  const isAbbrev = ENDINGS.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word);
  if (!isAbbrev) return true;
  const nextWord = /^[\p{L}']+/u.exec(text.slice(next, Math.min(to, next + 30)))?.[0] ?? '';
  return STARTERS.has(nextWord.toLowerCase());
}

/** The word just before a period, dots inside it kept ("U.S", "p.m", "Mr"). */
function wordBefore(text: string, mark: number): string {
  let i = mark;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, mark).replace(/^\.+/, '');
}

function pushTrimmed(text: string, start: number, end: number, out: Array<[number, number]>): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push([start, end]);
}
