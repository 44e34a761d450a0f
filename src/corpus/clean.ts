// Removes page furniture (banners, teasers, navigation, share counters, disclaimers) from scraped
// articles. The rules are of the jusText/boilerpipe kind — what a line looks like and what surrounds
// it — rather than strings of any one site, and they lean towards keeping text: losing a sentence of
// the story costs more than keeping a stray "Share".

type Label = 'good' | 'furniture' | 'short';

interface Line {
  text: string;
  block: number;
  label: Label;
}

// A heading after which a page lists other stories: everything from it to the end is furniture.
const SECTION_HEADING =
  /^(related( posts| articles| stories| news| content| coverage| links)?|you (may|might) (also )?(like|enjoy)|more (stories|news|articles|from [\w .]+)|recommended( for you| stories| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|latest (news|stories|posts)|popular (posts|stories)|index of news|other (stories|news)|don'?t miss|top stories|around the web|from (our|the) (partners|web))\s*:?$/i;

const NAVIGATION =
  /^(previous|next|prev|older|newer)( (article|post|story|page))?\s*[:»«›‹<>→←]*$|^(home|menu|search|back to top|skip to (main )?content|top)$/i;

const READ_MORE =
  /^(read|see|click|tap|continue reading|keep reading|watch|listen)\b.{0,60}\b(more|rest|full (story|article|text)|here|original|source|article|story)\b.{0,40}$/i;

const DISCLAIMER =
  /(\bhave been indexed\b|\bhas been indexed\b|do not claim (legitimacy|ownership)|\ball rights reserved\b|\bclick here\b|^©|^copyright\b|\bcookies?\b.*\b(accept|consent|policy)\b|\bterms of (use|service)\b.*\bprivacy\b)/i;

// Calls for money or sign-ups, spoken to the reader; a line made of them is a banner. Stories about
// donations use the same words, but rarely in the second person and never densely.
const APPEALS =
  /\b(support us|support (our|independent) \w+|your (support|contribution|donation|subscription)s?|become a (supporter|member|subscriber|patron)|donate( now| today)|make a (donation|contribution)|subscribe (now|today|to our)|sign up (for|now|here|to)|join us)\b/gi;

// Headings of a single furniture line that do not end the story ("Also on HuffPost:").
const LONE_HEADING = /^(also on [\w .’']+|advertisement|sponsored( content)?|share this( article| story)?|tags?|filed under)\s*:?$/i;

const SHARE_WORDS = /^(share|shares|shared|tweet|email|e-mail|print|pin|like|likes|total|comments?|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link)$/i;

const TEASER_IMAGE = /\bthumbnail$/i;
const DOMAIN_ONLY = /^(https?:\/\/)?(www\.)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i;
const ENDS_SENTENCE = /[.!?…"”’»)\]:]$/;

/** Cleans blocks of lines into paragraphs: furniture dropped, whitespace normalised. */
export function cleanBlocks(blocks: string[][]): string[] {
  const lines: Line[] = [];
  blocks.forEach((block, b) => {
    for (const raw of block) {
      const text = normalizeLine(raw);
      if (text) lines.push({ text, block: b, label: labelLine(text) });
    }
  });
  dropSectionTail(lines);
  markShareRuns(lines);
  markTeasers(lines);
  markSandwiched(lines);
  markTrailing(lines);
  return joinBlocks(lines);
}

/** Spaces of every width become one space; invisible characters go. */
export function normalizeLine(line: string): string {
  return line
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

function labelLine(text: string): Label {
  if (isFurniture(text)) return 'furniture';
  return ENDS_SENTENCE.test(text) && wordCount(text) >= 8 ? 'good' : 'short';
}

function isFurniture(text: string): boolean {
  const words = wordCount(text);
  if (SECTION_HEADING.test(text) || LONE_HEADING.test(text) || NAVIGATION.test(text) || SHARE_WORDS.test(text)) return true;
  if (words <= 14 && READ_MORE.test(text)) return true;
  // Word count first: the disclaimer patterns backtrack on a long line full of their trigger words.
  if (words <= 60 && DISCLAIMER.test(text)) return true;
  if (TEASER_IMAGE.test(text)) return true;
  if (DOMAIN_ONLY.test(text) && !/\s/.test(text)) return true;
  const appeals = text.match(APPEALS)?.length ?? 0;
  return (appeals >= 2 && words <= 80) || (appeals >= 1 && words <= 12);
}

// "Related Posts" and its kin open a list of other stories that runs to the end of the page.
function dropSectionTail(lines: Line[]): void {
  const at = lines.findIndex((l) => SECTION_HEADING.test(l.text));
  // Only a heading after some story text: a page that opens with one is a list, not an article.
  if (at < 0 || !lines.slice(0, at).some((l) => l.label === 'good')) return;
  for (let i = at; i < lines.length; i++) lines[i].label = 'furniture';
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
    if (lines[i].label !== 'furniture' || !READ_MORE.test(lines[i].text)) continue;
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
    if (lines[i].label === 'good' || wordCount(lines[i].text) > 40) continue;
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
    if (furnitureSeen && lines[i].label === 'short' && !ENDS_SENTENCE.test(lines[i].text)) lines[i].label = 'furniture';
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
    if (line.block === block && lastKept === i - 1) out[out.length - 1] += ` ${line.text}`;
    else out.push(line.text);
    block = line.block;
    lastKept = i;
  });
  return out;
}

function wordCount(text: string): number {
  return text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
