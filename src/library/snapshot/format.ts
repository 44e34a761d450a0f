// The layout of a snapshot file, shared by the writer (snapshot.ts) and the reader (read.ts).
import type { IndexOptions } from '../../search/index.js';
import type { Sentence } from '../../types.js';

/** Layout of the file; bump on any change to it. */
export const SNAPSHOT_FORMAT_VERSION = 4;
export const SNAPSHOT_ERROR = 'whosaid snapshot:';
export const MAGIC = 'WSLB';
/** Magic, header length, header checksum. */
export const PREAMBLE = 12;

export type TextEncoding = 'latin1' | 'utf16le';

export interface Header {
  format: number;
  engine: string;
  corpus: string;
  /** Checksum of everything after the header. */
  checksum: number;
  bodyLength: number;
  counts: { articles: number; sentences: number; quotes: number; paragraphs: number };
  textBlocks: TextEncoding[];
  indexes: Record<
    'sentence' | 'quote',
    { options: Required<IndexOptions>; terms: number; postings: number; docs: number }
  >;
  /** Section name → [offset in body, byte length]. */
  sections: Record<string, [number, number]>;
}

/** A sentence that is not exactly its article's slice, or whose article is not in the library. */
export type SentenceExtras = Record<number, Partial<Pick<Sentence, 'articleId' | 'text'>>>;

export function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function fail(message: string): never {
  throw new Error(`${SNAPSHOT_ERROR} ${message}`);
}
