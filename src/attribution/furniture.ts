// Page furniture that a scraped article keeps and that never speaks: photo credits ("Photo: Tomasz
// Lis/Reuters", "AP Photo/Jane Doe"), labelled lines ("Image:", "Credit:"), and the dateline that opens
// wire copy ("GDANSK, Poland —", "WASHINGTON (AP) —"). Names in them are no one the story quotes or
// refers back to.
import { CREDIT_WORDS, FURNITURE_LABELS, FURNITURE_SECOND_WORDS } from '../lexicon/index.js';
import type { Article } from '../types.js';

/** Most words a credit line has, and most characters (a cheap test first: most paragraphs are longer). */
const CREDIT_WORDS_MAX = 10;
const CREDIT_CHARS_MAX = 160;

const LABEL = /^\s*\(?([\p{L}'’]+)(?:\s+[\p{L}'’]+)?\s*:/u;
// Two capitalised words joined by a slash: "Lis/Reuters", "Photo/Jane".
const SLASHED = /\p{Lu}[\p{L}.'’-]*\s*\/\s*\p{Lu}/u;
// A caption ending in its credit: "… equivalent. Credit: ESA", "… Hong Kong (Image: GETTY )".
const CREDITED = /(?:\(\s*|[.!?]\s+)(?:image|photo|picture|photograph|credit|source)s?\s*:\s*[^()]{1,40}\)?\s*$/iu;
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’-]{2,}(?:,\s*[\p{L}\s.'’-]{2,30}?)?\s*(?:\([^)]{1,20}\)\s*)?(?:—|–|--|-)\s/u;

/** Spans of the article's text that are furniture: credit and caption paragraphs whole, and datelines. */
export function furniture(article: Article): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of article.paragraphs) {
    if (p.title) continue;
    const text = article.text.slice(p.start, p.end);
    if (isCredit(text) || isCaption(text) || CREDITED.test(text.slice(-60))) {
      out.push([p.start, p.end]);
      continue;
    }
    const dateline = p.index <= 2 ? DATELINE.exec(text) : null;
    if (dateline) out.push([p.start, p.start + dateline[0].length]);
  }
  return out;
}

function isCredit(text: string): boolean {
  if (text.length > CREDIT_CHARS_MAX) return false;
  const words = text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  if (!words.length || words.length > CREDIT_WORDS_MAX) return false;
  const label = LABEL.exec(text)?.[1]?.toLowerCase();
  if (label && FURNITURE_LABELS.has(label) && !/[.!?]["”’]?\s*$/.test(text.trim())) return true;
  const lower = words.map((w) => w.toLowerCase());
  return (
    SLASHED.test(text) ||
    (lower.some((w) => CREDIT_WORDS.has(w)) &&
      !lower.some((w, k) => k > 0 && /^\p{Ll}/u.test(words[k]) && w.length > 3))
  );
}

/** "Image caption Scooter Braun has managed …": a caption the page labels, kept in the text by its extractor. */
function isCaption(text: string): boolean {
  const m = /^\s*([A-Za-z]+)\s+([A-Za-z]+)/.exec(text);
  return !!m && FURNITURE_LABELS.has(m[1].toLowerCase()) && FURNITURE_SECOND_WORDS.has(m[2].toLowerCase());
}
