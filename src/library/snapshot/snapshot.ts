// A whole built library in one file, so that another process (or a restart) loads in well under a
// second what takes seconds to build. The bulk is bytes that need no parsing: article texts as latin1 or
// UTF-16 blocks (decoded by a copy, then sliced per article), sentences as offsets into those texts
// (never their text again; a loaded library makes a sentence from them only when asked for it), quotes
// as columns of offsets, both indexes as their typed arrays. Only the small, irregular records (article
// metadata, speakers, the odd quote string) are JSON.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { InvertedIndex, type IndexOptions } from '../../search/index.js';
import type { Article, Paragraph, Sentence, Speaker } from '../../types.js';
import { assemble, type Library, type SentenceTable } from '../library.js';
import { packQuotes, QUOTE_CELLS, unpackQuotes, type QuoteRecords } from './records.js';
import {
  align8,
  bufferSource,
  bytesOf,
  checksumOf,
  Checksum,
  fileSource,
  SectionWriter,
  writeAll,
  type ByteSource,
} from './io.js';
import { ENGINE_VERSION } from '../version.js';

export { ENGINE_VERSION };

/** Layout of the file; bump on any change to it. */
export const SNAPSHOT_FORMAT_VERSION = 4;
export const SNAPSHOT_ERROR = 'whosaid snapshot:';
const MAGIC = 'WSLB';
/** Magic, header length, header checksum. */
const PREAMBLE = 12;
/** Characters per text block: big enough to become one external string, small enough for the scratch. */
const BLOCK_CHARS = 2 << 20;

type TextEncoding = 'latin1' | 'utf16le';

interface Header {
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

export interface SnapshotExpectation {
  /** Refuse a snapshot of any other corpus version. */
  corpusVersion?: string;
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

function read(source: ByteSource, expect: SnapshotExpectation): Library {
  if (source.size < PREAMBLE) fail('not a whosaid library snapshot');
  const preamble = Buffer.from(source.read(0, PREAMBLE));
  if (preamble.toString('latin1', 0, 4) !== MAGIC) fail('not a whosaid library snapshot');
  const headerLength = preamble.readUInt32LE(4);
  const headerSum = preamble.readUInt32LE(8);
  if (PREAMBLE + headerLength > source.size) fail('truncated (header)');
  const headerBytes = source.read(PREAMBLE, headerLength);
  if (new Checksum().update(headerBytes).value() !== headerSum) fail('damaged (header checksum mismatch)');
  let header: Header;
  try {
    header = JSON.parse(
      Buffer.from(headerBytes.buffer, headerBytes.byteOffset, headerBytes.length).toString('utf8'),
    ) as Header;
  } catch {
    return fail('damaged (header is not JSON)');
  }
  if (header.format !== SNAPSHOT_FORMAT_VERSION)
    fail(`format ${header.format}, this version reads ${SNAPSHOT_FORMAT_VERSION}`);
  if (header.engine !== ENGINE_VERSION) fail(`engine version ${header.engine}, this engine is ${ENGINE_VERSION}`);
  if (expect.corpusVersion !== undefined && header.corpus !== expect.corpusVersion) {
    fail(`corpus version ${header.corpus}, expected ${expect.corpusVersion}`);
  }
  const start = align8(PREAMBLE + headerLength);
  if (start + header.bodyLength > source.size) fail('truncated');
  if (start + header.bodyLength < source.size) fail('damaged (trailing bytes)');
  if (checksumOf(source, start, header.bodyLength) !== header.checksum) fail('damaged (checksum mismatch)');
  try {
    return readBody(new Sections(source, start, header), header);
  } catch (err) {
    const message = (err as Error).message;
    return fail(`damaged (${message.startsWith(SNAPSHOT_ERROR) ? message.slice(SNAPSHOT_ERROR.length + 1) : message})`);
  }
}

class Sections {
  constructor(
    private readonly source: ByteSource,
    private readonly start: number,
    private readonly header: Header,
  ) {}

  private where(name: string): [number, number] {
    const w = this.header.sections[name];
    if (!w || w[0] + w[1] > this.header.bodyLength) fail(`section ${name} is missing`);
    return w;
  }

  /** A section's bytes, valid until the next read. */
  bytes(name: string, from = 0, length = this.where(name)[1] - from): Buffer {
    const [at, size] = this.where(name);
    if (from + length > size) fail(`section ${name} is shorter than its records`);
    const b = this.source.read(this.start + at + from, length);
    return Buffer.from(b.buffer, b.byteOffset, b.length);
  }

  json<T>(name: string): T {
    return JSON.parse(this.bytes(name).toString('utf8')) as T;
  }

  /** A section into a new typed array of its own (no copy through the scratch buffer). */
  array<T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(
    name: string,
    Kind: { new (n: number): T; BYTES_PER_ELEMENT: number },
    count: number,
  ): T {
    const [at, size] = this.where(name);
    if (size !== count * Kind.BYTES_PER_ELEMENT)
      fail(`section ${name} has ${size} bytes, expected ${count * Kind.BYTES_PER_ELEMENT}`);
    const out = new Kind(count);
    this.source.read(this.start + at, size, bytesOf(out));
    return out;
  }

  u32(name: string, from = 0, count?: number): Uint32Array {
    const b = this.bytes(name, from * 4, count === undefined ? undefined : count * 4);
    if (b.byteOffset % 4 === 0) return new Uint32Array(b.buffer, b.byteOffset, b.length >> 2);
    return new Uint32Array(Uint8Array.from(b).buffer);
  }
}

function readBody(sections: Sections, header: Header): Library {
  const { articles: articleCount, sentences: sentenceCount } = header.counts;
  const metas = sections.json<Array<Omit<Article, 'text' | 'paragraphs'>>>('articles');
  if (metas.length !== articleCount) fail('article records do not match the header');
  const paragraphCounts = sections.u32('paragraphCounts', 0, articleCount).slice();
  if (paragraphCounts.reduce((n, c) => n + c, 0) !== header.counts.paragraphs)
    fail('paragraph counts do not match the header');
  const cells = sections.u32('paragraphs', 0, header.counts.paragraphs * 4);
  const paragraphs: Paragraph[][] = new Array(articleCount);
  for (let i = 0, c = 0; i < articleCount; i++) {
    const list: Paragraph[] = new Array(paragraphCounts[i]);
    for (let p = 0; p < list.length; p++, c += 4) {
      const para: Paragraph = { index: cells[c], start: cells[c + 1], end: cells[c + 2] };
      if (cells[c + 3]) para.title = cells[c + 3] === 1;
      list[p] = para;
    }
    paragraphs[i] = list;
  }
  const spans = sections.u32('textSpans', 0, articleCount * 3).slice();
  const blocks = header.textBlocks.map((encoding, k) => sections.bytes(`text${k}`).toString(encoding));
  const articles: Article[] = new Array(articleCount);
  for (let i = 0; i < articleCount; i++) {
    const block = blocks[spans[i * 3]];
    if (block === undefined || spans[i * 3 + 2] > block.length) fail(`article ${i} lies outside its text block`);
    // In the order toArticle gives its fields, so that a loaded article prints as a built one.
    const { id, title, ...rest } = metas[i];
    articles[i] = {
      id,
      title,
      text: block.slice(spans[i * 3 + 1], spans[i * 3 + 2]),
      paragraphs: paragraphs[i],
      ...rest,
    };
  }

  const sentenceCells = sections.array('sentences', Uint32Array, sentenceCount * 4);
  const sentences = new LoadedSentences(articles, sentenceCells, sections.json<SentenceExtras>('sentenceExtras'));
  const sentenceArticle = new Uint32Array(sentenceCount);
  for (let i = 0; i < sentenceCount; i++) {
    const a = sentenceCells[i * 4];
    if (a >= articleCount) fail(`sentence ${i} names no article`);
    // Sentences that kept their own article id (not in the library) point at article 0, as assemble does.
    sentenceArticle[i] = sentences.ownArticle(i) ? 0 : a;
  }
  const speakers = sections.json<Speaker[]>('speakers');
  const quotes = unpackQuotes(articles, speakers, {
    cells: sections.array('quoteCells', Int32Array, header.counts.quotes * QUOTE_CELLS),
    confidences: sections.array('quoteConfidences', Float64Array, header.counts.quotes * 3),
    records: sections.json<QuoteRecords>('quoteRecords'),
  });
  const index = (name: 'sentence' | 'quote', docs: number): InvertedIndex => {
    const info = header.indexes[name];
    if (info.docs !== docs) fail(`the ${name} index has ${info.docs} documents, the library ${docs}`);
    const terms = info.terms ? sections.bytes(`${name}Terms`).toString('utf8').split('\u0000') : [];
    if (terms.length !== info.terms) fail(`the ${name} index terms do not match the header`);
    return InvertedIndex.fromParts(
      {
        terms,
        offsets: sections.array(`${name}Offsets`, Uint32Array, info.terms + 1),
        docs: sections.array(`${name}Docs`, Uint32Array, info.postings),
        tfs: sections.array(`${name}Tfs`, Uint16Array, info.postings),
        lengths: sections.array(`${name}Lengths`, Uint32Array, info.docs),
      },
      info.options,
    );
  };
  const sentenceIndex = index('sentence', sentences.length);
  const quoteIndex = index('quote', quotes.length);
  return assemble(articles, sentences, quotes, speakers, sentenceIndex, quoteIndex, { sentenceArticle });
}

/** A sentence that is not exactly its article's slice, or whose article is not in the library. */
type SentenceExtras = Record<number, Partial<Pick<Sentence, 'articleId' | 'text'>>>;

/** A loaded library's sentences: four numbers each (article, paragraph, start, end), made on demand. */
class LoadedSentences implements SentenceTable {
  readonly length: number;

  constructor(
    private readonly articles: Article[],
    private readonly cells: Uint32Array,
    private readonly extras: SentenceExtras,
  ) {
    this.length = cells.length / 4;
  }

  at(i: number): Sentence | undefined {
    if (!(Number.isInteger(i) && i >= 0 && i < this.length)) return undefined;
    const c = this.cells;
    const a = this.articles[c[i * 4]];
    const start = c[i * 4 + 2];
    const end = c[i * 4 + 3];
    const extra = this.extras[i];
    return {
      articleId: extra?.articleId ?? a.id,
      paragraph: c[i * 4 + 1],
      start,
      end,
      text: extra?.text ?? a.text.slice(start, end),
    };
  }

  ownArticle(i: number): boolean {
    return this.extras[i]?.articleId !== undefined;
  }
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

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function fail(message: string): never {
  throw new Error(`${SNAPSHOT_ERROR} ${message}`);
}
