// What presentation shows of an answer, the same in Discord and the terminal: a long quote trimmed to
// the sentences that hold what was asked (marked), and article titles short enough to read.
import type { AnswerItem } from '../types.js';

export interface Piece {
  text: string;
  /** Holds what was asked: shown in bold (Discord) or between ** (terminal). */
  marked: boolean;
}

/** A quote longer than this shows only its matching sentences, the rest trimmed with "…". */
export const LONG_QUOTE = 280;
/** Titles are cut to this many characters. */
export const TITLE_LENGTH = 80;

const ELLIPSIS = '…';

/**
 * The quote as pieces: the matching sentences marked; in a long quote, the other sentences trimmed to
 * "…". `max` bounds the characters shown (a marked sentence longer than that is cut too).
 */
export function excerpt(item: AnswerItem, max = Infinity): Piece[] {
  const quote = item.quote;
  const marks = (item.match ?? [])
    .filter((r) => r.start < r.end && r.end <= quote.length)
    .sort((a, b) => a.start - b.start);
  if (!marks.length) return [{ text: cutText(quote, max), marked: false }];
  const long = quote.length > LONG_QUOTE || quote.length > max;
  const pieces: Piece[] = [];
  let at = 0;
  for (const r of marks) {
    const between = quote.slice(at, r.start);
    const gap = at === 0 ? `${ELLIPSIS} ` : ` ${ELLIPSIS} `;
    if (between.trim()) pieces.push({ text: long ? gap : between, marked: false });
    else if (between) pieces.push({ text: between, marked: false });
    pieces.push({ text: quote.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  const after = quote.slice(at);
  if (after.trim()) pieces.push({ text: long ? ` ${ELLIPSIS}` : after, marked: false });
  return fit(pieces, max);
}

/** Pieces cut to `max` characters in all, the cut marked with "…". */
function fit(pieces: Piece[], max: number): Piece[] {
  const out: Piece[] = [];
  let room = max;
  for (const p of pieces) {
    if (room <= 0) break;
    if (p.text.length <= room) {
      out.push(p);
      room -= p.text.length;
    } else {
      out.push({ ...p, text: cutText(p.text, room) });
      break;
    }
  }
  return out;
}

function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * A title short enough to read: a site name after " | " or " - " off, then cut at a word to
 * TITLE_LENGTH characters.
 */
export function shortTitle(title: string): string {
  let t = title.trim();
  const site = /^(.{20,}?)\s+[|–—-]\s+[^|–—-]{2,40}$/u.exec(t);
  if (site) t = site[1];
  return cutText(t, TITLE_LENGTH);
}

/** The one article every item cites, or null when they cite several. */
export function sharedArticle(items: AnswerItem[]): AnswerItem['article'] | null {
  if (!items.length) return null;
  const first = items[0].article;
  return items.every((it) => it.article.id === first.id) ? first : null;
}
