import type { BlockHint } from '../clean.js';

/** What a format parser hands to cleaning: raw blocks of lines, before furniture is removed. */
export interface RawDocument {
  title: string;
  /** Blocks separated by blank lines in the source; each block is its lines, as written. */
  blocks: string[][];
  url?: string;
  date?: string;
  source?: string;
  byline?: string;
  /** What the format knows of each block beyond its text (HTML: its share of link text), by block. */
  hints?: BlockHint[];
  /** For multi-article files (jsonl): the article's own id, appended to the file's id. */
  id?: string;
}

/** Splits text into blocks of non-empty lines separated by blank lines. */
export function toBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line) {
      current.push(line);
    } else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}
