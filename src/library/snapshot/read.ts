// Reading a snapshot back: the preamble, header and checksums checked first, then the sections into
// a library (see snapshot.ts for what is stored how).
import { InvertedIndex } from '../../search/index.js';
import type { Article, Paragraph, Sentence, Speaker } from '../../types.js';
import { assemble, type Library, type SentenceTable } from '../library.js';
import { QUOTE_CELLS, unpackQuotes, type QuoteRecords } from './records.js';
import { align8, bytesOf, checksumOf, Checksum, type ByteSource } from './io.js';
import { ENGINE_VERSION } from '../version.js';
import {
  fail,
  MAGIC,
  PREAMBLE,
  SNAPSHOT_ERROR,
  SNAPSHOT_FORMAT_VERSION,
  type Header,
  type SentenceExtras,
} from './format.js';

export interface SnapshotExpectation {
  /** Refuse a snapshot of any other corpus version. */
  corpusVersion?: string;
}

export function read(source: ByteSource, expect: SnapshotExpectation): Library {
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
