import { type RawDocument, toBlocks } from './types.js';

/** Plain text: the first non-empty line is the title, the rest are paragraphs (also PolNeAR's format). */
export function parseTxt(text: string): RawDocument[] {
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new Error('the file is empty');
  return [{ title: lines[first].trim(), blocks: toBlocks(lines.slice(first + 1).join('\n')) }];
}
