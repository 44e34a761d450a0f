// A whole built library in one file, so that another process (or a restart) loads in well under a
// second what takes seconds to build. The bulk is bytes that need no parsing: article texts as latin1 or
// UTF-16 blocks (decoded by a copy, then sliced per article), sentences as offsets into those texts
// (never their text again; a loaded library makes a sentence from them only when asked for it), quotes
// as columns of offsets, both indexes as their typed arrays. Only the small, irregular records (article
// metadata, speakers, the odd quote string) are JSON.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import type { Article } from '../../types.js';
import type { Library } from '../library.js';
import { packQuotes } from './records.js';
import { align8, bufferSource, bytesOf, Checksum, fileSource, SectionWriter, writeAll } from './io.js';
import { ENGINE_VERSION } from '../version.js';
import {
  json,
  MAGIC,
  PREAMBLE,
  SNAPSHOT_FORMAT_VERSION,
  type Header,
  type SentenceExtras,
  type TextEncoding,
} from './format.js';
import { read, type SnapshotExpectation } from './read.js';

export { ENGINE_VERSION };
export { SNAPSHOT_ERROR, SNAPSHOT_FORMAT_VERSION } from './format.js';
export type { SnapshotExpectation } from './read.js';

/** Characters per text block: big enough to become one external string, small enough for the scratch. */
const BLOCK_CHARS = 2 << 20;

/**
 * Stable name of a corpus as the engine sees it: every field of every article (id, title, text, guildId,
 * metadata, paragraphs), in order, plus ENGINE_VERSION. Equal versions: a saved library is the one this
 * code would build from these articles.
 */
export function corpusVersion(articles: Article[]): string {
  const h = createHash('sha256');
  const field = (s: string | undefined) => {
    // Length-prefixed, so that no two different lists of fields hash the same.
    if (s === undefined) h.update('-;');
    else h.update(`${s.length};`).update(s);
  };
  h.update(`whosaid engine ${ENGINE_VERSION}; ${articles.length} articles;`);
  for (const a of articles) {
    const { text, paragraphs, ...meta } = a;
    // Every other field (id, title, guildId, url, …), keys sorted: the same article built in another
    // order of fields is the same corpus.
    field(JSON.stringify(meta, Object.keys(meta).sort()));
    field(text);
    h.update(paragraphCells([a]));
  }
  return h.digest('hex').slice(0, 32);
}

/** The library as snapshot bytes, stamped with `corpus` (see `corpusVersion`). */
export function encodeLibrary(library: Library, corpus: string): Buffer {
  const { head, body } = layout(library, corpus);
  return Buffer.concat([head, body.concat()]);
}

/**
 * Saves atomically: the bytes go to a temporary file beside `file`, renamed over it when complete, so a
 * reader sees the old file or the new one, never half of one. No fsync: a file torn by a power cut fails
 * its checksum on load and is rebuilt. Writes are synchronous: a save follows a build that blocks anyway.
 */
export async function saveSnapshot(file: string, library: Library, corpus: string): Promise<void> {
  const { head, body } = layout(library, corpus);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeAll(fd, head);
      body.writeTo(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Reads `encodeLibrary` bytes; anything else (another version, damage) throws with SNAPSHOT_ERROR. */
export function decodeLibrary(bytes: Uint8Array, expect: SnapshotExpectation = {}): Library {
  return read(bufferSource(bytes), expect);
}

/** Loads a snapshot file; a missing file throws the fs error (ENOENT), a bad one SNAPSHOT_ERROR. */
export async function loadSnapshot(file: string, expect: SnapshotExpectation = {}): Promise<Library> {
  const source = fileSource(file);
  try {
    return read(source, expect);
  } finally {
    source.close();
  }
}

function layout(library: Library, corpus: string): { head: Buffer; body: SectionWriter } {
  const { articles, sentences, quotes } = library;
  const body = new SectionWriter();
  body.add('articles', json(articles.map(({ text: _t, paragraphs: _p, ...meta }) => meta)));
  body.add('paragraphs', bytesOf(paragraphCells(articles)));
  body.add('paragraphCounts', bytesOf(Uint32Array.from(articles, (a) => a.paragraphs.length)));

  // Texts that fit in latin1 are stored so (one byte a character, a one-byte string once loaded).
  const blocks: Array<{ encoding: TextEncoding; parts: string[]; chars: number }> = [];
  const open: Partial<Record<TextEncoding, number>> = {};
  const spans = new Uint32Array(articles.length * 3);
  articles.forEach((a, i) => {
    const encoding: TextEncoding = /^[\x00-\xff]*$/.test(a.text) ? 'latin1' : 'utf16le';
    let k = open[encoding];
    if (k === undefined || (blocks[k].chars > 0 && blocks[k].chars + a.text.length > BLOCK_CHARS)) {
      k = open[encoding] = blocks.push({ encoding, parts: [], chars: 0 }) - 1;
    }
    const block = blocks[k];
    spans.set([k, block.chars, block.chars + a.text.length], i * 3);
    block.parts.push(a.text);
    block.chars += a.text.length;
  });
  body.add('textSpans', bytesOf(spans));
  for (const [k, b] of blocks.entries()) body.add(`text${k}`, Buffer.from(b.parts.join(''), b.encoding));

  const cells = new Uint32Array(sentences.length * 4);
  // A sentence is stored as offsets; one that is not exactly its article's slice also keeps its text.
  const extras: SentenceExtras = {};
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences.at(i)!;
    const a = library.articleById.get(s.articleId);
    cells[i * 4] = a ?? 0;
    cells[i * 4 + 1] = s.paragraph;
    cells[i * 4 + 2] = s.start;
    cells[i * 4 + 3] = s.end;
    if (a === undefined) extras[i] = { articleId: s.articleId, text: s.text };
    else if (articles[a].text.slice(s.start, s.end) !== s.text) extras[i] = { text: s.text };
  }
  body.add('sentences', bytesOf(cells));
  body.add('sentenceExtras', json(extras));
  const packed = packQuotes(library);
  body.add('quoteCells', bytesOf(packed.cells));
  body.add('quoteConfidences', bytesOf(packed.confidences));
  body.add('quoteRecords', json(packed.records));
  body.add('speakers', json(library.speakers));

  const indexes = {} as Header['indexes'];
  for (const [name, index] of [
    ['sentence', library.sentenceIndex],
    ['quote', library.quoteIndex],
  ] as const) {
    const parts = index.parts();
    body.add(`${name}Terms`, Buffer.from(parts.terms.join('\u0000'), 'utf8'));
    body.add(`${name}Offsets`, bytesOf(parts.offsets));
    body.add(`${name}Docs`, bytesOf(parts.docs));
    body.add(`${name}Tfs`, bytesOf(parts.tfs));
    body.add(`${name}Lengths`, bytesOf(parts.lengths));
    indexes[name] = {
      options: index.options,
      terms: parts.terms.length,
      postings: parts.docs.length,
      docs: parts.lengths.length,
    };
  }

  const header: Header = {
    format: SNAPSHOT_FORMAT_VERSION,
    engine: ENGINE_VERSION,
    corpus,
    checksum: body.checksum(),
    bodyLength: body.length,
    counts: {
      articles: articles.length,
      sentences: sentences.length,
      quotes: quotes.length,
      paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0),
    },
    textBlocks: blocks.map((b) => b.encoding),
    indexes,
    sections: body.table,
  };
  const headerBytes = json(header);
  const head = Buffer.alloc(align8(PREAMBLE + headerBytes.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(headerBytes.length, 4);
  head.writeUInt32LE(new Checksum().update(headerBytes).value(), 8);
  head.set(headerBytes, PREAMBLE);
  return { head, body };
}

/** index, start, end, title flag (0 absent, 1 true, 2 false) of every paragraph, article after article. */
function paragraphCells(articles: Article[]): Uint32Array {
  let n = 0;
  for (const a of articles) n += a.paragraphs.length;
  const out = new Uint32Array(n * 4);
  let i = 0;
  for (const a of articles) {
    for (const p of a.paragraphs) {
      out[i++] = p.index;
      out[i++] = p.start;
      out[i++] = p.end;
      out[i++] = p.title === undefined ? 0 : p.title ? 1 : 2;
    }
  }
  return out;
}
