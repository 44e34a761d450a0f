import { type RawDocument, toBlocks } from './types.js';

/** Plain text: the first non-empty line is the title, the rest are paragraphs (also PolNeAR's format). */
export function parseTxt(text: string): RawDocument[] {
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new Error('the file is empty');
  const blocks = toBlocks(lines.slice(first + 1).join('\n'));
  return [{ title: lines[first].trim(), blocks, hints: blocks.map((b) => ({ linkShare: 0, lines: !wrapped(b) })) }];
}

/** Longest line a fixed-width wrap leaves (mail and terminals wrap at 72–80 columns). */
const WRAP_WIDTH = 80;

/**
 * Lines of one block are a paragraph wrapped at a fixed width when none but the last is longer than a
 * wrap leaves and none is much shorter than the longest (a wrap fills each line). Otherwise each line is
 * a paragraph of its own, written with single line breaks: a round-up's quotes, one a line.
 */
function wrapped(block: string[]): boolean {
  if (block.length < 2) return true;
  const widths = block.slice(0, -1).map((l) => l.length);
  const widest = Math.max(...widths);
  return widest <= WRAP_WIDTH && Math.min(...widths) >= widest / 2;
}
