// Removes page furniture (banners, teasers, navigation, share counters, captions, credits, bylines) from
// scraped articles. The rules are of the jusText/boilerpipe kind — what a line looks like (furniture.ts)
// and what surrounds it — rather than strings of any one site, and they lean towards keeping text: losing
// a sentence of the story costs more than keeping a stray "Share".
import { ENDS_SENTENCE, isFurnitureLine, isReadMore, SECTION_HEADING, SHARE_WORDS, wordCount } from './furniture.js';

type Label = 'good' | 'furniture' | 'short';

/** What a format knows of a block beyond its text (HTML: its links). */
export interface BlockHint {
  /** Share of the block's letters inside links: 1 for a teaser headline, near 0 for prose. */
  linkShare: number;
  /** A list item: lists of links inside a story (products, sources) are items, teasers mostly not. */
  item?: boolean;
  /** Each line is a paragraph of its own (plain text written with single line breaks), not a wrapped one. */
  lines?: boolean;
}

interface Line {
  text: string;
  block: number;
  label: Label;
  /** Mostly link text. */
  link: boolean;
  item: boolean;
  /** Kept apart from the line before it in its block. */
  own: boolean;
  /** Words of the whole source block: the short lines of a list set with <br>s are one block of text. */
  blockWords: number;
}

const LINK_SHARE = 0.5;

/** Cleans blocks of lines into paragraphs: furniture dropped, whitespace normalised. */
export function cleanBlocks(blocks: string[][], hints?: BlockHint[]): string[] {
  const lines: Line[] = [];
  blocks.forEach((block, b) => {
    const link = (hints?.[b]?.linkShare ?? 0) >= LINK_SHARE;
    const item = hints?.[b]?.item ?? false;
    const own = hints?.[b]?.lines ?? false;
    for (const raw of block) {
      const text = normalizeLine(raw);
      if (text) lines.push({ text, block: b, label: labelLine(text), link, item, own, blockWords: 0 });
    }
  });
  const words = new Map<number, number>();
  for (const l of lines) words.set(l.block, (words.get(l.block) ?? 0) + wordCount(l.text));
  for (const l of lines) l.blockWords = words.get(l.block)!;
  markSections(lines);
  markLinkRuns(lines);
  markShareRuns(lines);
  markTeasers(lines);
  markSandwiched(lines);
  markTrailing(lines);
  return joinBlocks(lines);
}

/**
 * Spaces of every width become one space; invisible characters go, and so do control characters and
 * explicit bidi overrides: a page's text reaches terminals (escape sequences) and Discord (reordered text).
 */
export function normalizeLine(line: string): string {
  return line
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u202D\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

function labelLine(text: string): Label {
  if (isFurnitureLine(text)) return 'furniture';
  const words = wordCount(text);
  // A long run of words is text of the story even without a full stop (a list run into one line).
  return (ENDS_SENTENCE.test(text) && words >= 8) || words >= 40 ? 'good' : 'short';
}

/** Whether a line reads as a sentence of the story rather than a headline or a label. */
function isProse(line: Line): boolean {
  return line.label === 'good' && !line.link;
}

// "Related", "More on this story": a heading over a list of other stories. Inside the article it
// introduces a few links and the story goes on after them; at the end of the page everything after it is
// teasers (headlines and their summaries). Which one it is, the lines after it tell: if most of them are
// prose, only the heading and the headlines right under it go.
function markSections(lines: Line[]): void {
  // Prose lines from each line to the end, counted once (a page of many headings stays linear).
  const proseFrom = new Array<number>(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) proseFrom[i] = proseFrom[i + 1] + (isProse(lines[i]) ? 1 : 0);
  let storySeen = false;
  for (let at = 0; at < lines.length; at++) {
    if (isProse(lines[at])) storySeen = true;
    // Only a heading after some story text: a page that opens with one is a list, not an article.
    if (!storySeen || !SECTION_HEADING.test(lines[at].text)) continue;
    const rest = lines.length - at - 1;
    if (rest > 0 && proseFrom[at + 1] / rest <= 0.5) {
      for (let i = at; i < lines.length; i++) lines[i].label = 'furniture';
      return;
    }
    lines[at].label = 'furniture';
    while (at + 1 < lines.length && !isProse(lines[at + 1])) lines[++at].label = 'furniture';
  }
}

// Two or more lines of links in a row that are not sentences: a list of other stories, and the short
// heading over it. Lists of links inside the story (sources, products) are rarer than teasers.
function markLinkRuns(lines: Line[]): void {
  const teaser = (l: Line) => l.link && l.label !== 'good';
  for (let i = 0; i < lines.length; ) {
    if (!teaser(lines[i])) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && teaser(lines[end])) end++;
    if (end - i >= 2) {
      for (let j = i; j < end; j++) lines[j].label = 'furniture';
      const head = lines[i - 1];
      if (head && head.label === 'short' && wordCount(head.text) <= 8 && !/[.!?]$/.test(head.text)) {
        head.label = 'furniture';
      }
    } else if (!lines[i].item && (shouted(lines[i].text) || isHeadline(lines[i].text))) {
      // A lone headline link between paragraphs of the story is a teaser too (a lone list item is more
      // often a product or a source); so is one in capitals, however long.
      lines[i].label = 'furniture';
    }
    i = end;
  }
}

function isHeadline(text: string): boolean {
  return wordCount(text) < 15 && !/[.!?]$/.test(text);
}

function shouted(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 10 && upper > 4 * lower;
}

// "Total / 0 / Share": runs of share words and bare counts. Each run is visited once (walking out from
// every share word made a page of thousands of them quadratic).
function markShareRuns(lines: Line[]): void {
  const inRun = (t: string) => /^[\d.,]+[kKmM]?$/.test(t) || SHARE_WORDS.test(t);
  for (let i = 0; i < lines.length; ) {
    if (!inRun(lines[i].text)) {
      i++;
      continue;
    }
    let end = i;
    let share = false;
    for (; end < lines.length && inRun(lines[end].text); end++) if (SHARE_WORDS.test(lines[end].text)) share = true;
    if (share) for (let j = i; j < end; j++) lines[j].label = 'furniture';
    i = end;
  }
}

// A teaser: a text cut short ("…") right before a "Read more" link, and the title lines above it.
function markTeasers(lines: Line[]): void {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].label !== 'furniture' || !isReadMore(lines[i].text)) continue;
    const prev = lines[i - 1];
    if (/(…|\.\.\.)$/.test(prev.text)) prev.label = 'furniture';
  }
}

// Short lines without sentence punctuation between two furniture lines (a banner's "Thank you, X",
// the title between "Previous Article" and "next") belong to the furniture around them.
function markSandwiched(lines: Line[]): void {
  // Whether the next furniture-or-good line after each line is furniture, found in one pass from the
  // end (looking ahead from every line made a page of short lines quadratic). Only lines[i] changes
  // at step i, so the lines after it still have the labels this was computed from.
  const furnitureNext = new Array<boolean>(lines.length).fill(false);
  for (let j = lines.length - 2; j >= 0; j--) {
    const next = lines[j + 1].label;
    furnitureNext[j] = next === 'furniture' || (next !== 'good' && furnitureNext[j + 1]);
  }
  for (let i = 1; i < lines.length - 1; i++) {
    if (lines[i].label === 'furniture') continue;
    if (lines[i].label === 'good' || lines[i].blockWords > 40) continue;
    if (lines[i - 1].label === 'furniture' && furnitureNext[i]) lines[i].label = 'furniture';
  }
}

// After the last furniture line that follows the story, what is left without a full sentence is page
// chrome too. A good line resets it: a page can hold a stray banner mid-story.
function markTrailing(lines: Line[]): void {
  let lastGood = -1;
  for (let i = 0; i < lines.length; i++) if (lines[i].label === 'good') lastGood = i;
  // Whether a furniture line came since the last good one, carried along rather than looked for again
  // at every line.
  let furnitureSeen = false;
  for (let i = lastGood + 1; i < lines.length; i++) {
    const chrome = lines[i].label === 'short' && !ENDS_SENTENCE.test(lines[i].text) && lines[i].blockWords <= 40;
    if (furnitureSeen && chrome) lines[i].label = 'furniture';
    if (lines[i].label === 'furniture') furnitureSeen = true;
  }
}

// Lines kept from one source block are one paragraph: hard-wrapped text reads as it was written.
function joinBlocks(lines: Line[]): string[] {
  const out: string[] = [];
  let block = -1;
  let lastKept = -2;
  lines.forEach((line, i) => {
    if (line.label === 'furniture') return;
    if (line.block === block && lastKept === i - 1 && !line.own) out[out.length - 1] += ` ${line.text}`;
    else out.push(line.text);
    block = line.block;
    lastKept = i;
  });
  return out;
}
