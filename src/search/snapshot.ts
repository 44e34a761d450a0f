import { INDEX_ERROR, InvertedIndex, type IndexOptions } from './inverted-index.js';

// A saved index is stamped with its format version: an index written by another version of the
// code is refused (and rebuilt by the caller) rather than read wrongly.
export const INDEX_FORMAT_VERSION = 1;
const MAGIC = 'WSIX';

interface Header {
  version: number;
  options: Required<IndexOptions>;
  terms: number;
  postings: number;
  docs: number;
  termBytes: number;
}

/** The index as bytes: magic, header, terms, then the typed arrays, each 4-byte aligned. */
export function serializeIndex(index: InvertedIndex): Buffer {
  const parts = index.parts();
  const termBytes = Buffer.from(parts.terms.join('\u0000'), 'utf8');
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    options: index.options,
    terms: parts.terms.length,
    postings: parts.docs.length,
    docs: parts.lengths.length,
    termBytes: termBytes.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(headerBytes.length), headerBytes, termBytes];
  let size = chunks.reduce((n, c) => n + c.length, 0);
  const pad = () => {
    const p = (4 - (size % 4)) % 4;
    if (p) {
      chunks.push(Buffer.alloc(p));
      size += p;
    }
  };
  for (const arr of [parts.offsets, parts.docs, parts.lengths, parts.tfs]) {
    pad();
    const b = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
    chunks.push(b);
    size += b.length;
  }
  return Buffer.concat(chunks, size);
}

/** Reads an index written by `serializeIndex`; throws with the index prefix on any other bytes. */
export function deserializeIndex(bytes: Uint8Array): InvertedIndex {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${INDEX_ERROR} not a whosaid index snapshot`);
  const headerLength = buf.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as Header;
  } catch {
    throw new Error(`${INDEX_ERROR} snapshot header is damaged`);
  }
  if (header.version !== INDEX_FORMAT_VERSION) {
    throw new Error(`${INDEX_ERROR} snapshot format ${header.version}, this version reads ${INDEX_FORMAT_VERSION}`);
  }
  let at = 8 + headerLength;
  const terms = header.terms ? buf.toString('utf8', at, at + header.termBytes).split('\u0000') : [];
  at += header.termBytes;
  // Copies: the arrays must be aligned and must not pin the (larger) file buffer.
  const take = <T>(make: (b: ArrayBuffer) => T, count: number, width: number): T => {
    at += (4 - (at % 4)) % 4;
    const bytesLen = count * width;
    if (at + bytesLen > buf.length) throw new Error(`${INDEX_ERROR} snapshot is truncated`);
    const copy = new ArrayBuffer(bytesLen);
    new Uint8Array(copy).set(buf.subarray(at, at + bytesLen));
    at += bytesLen;
    return make(copy);
  };
  const offsets = take((b) => new Uint32Array(b), header.terms + 1, 4);
  const docs = take((b) => new Uint32Array(b), header.postings, 4);
  const lengths = take((b) => new Uint32Array(b), header.docs, 4);
  const tfs = take((b) => new Uint16Array(b), header.postings, 2);
  if (terms.length !== header.terms) throw new Error(`${INDEX_ERROR} snapshot terms do not match its header`);
  return new InvertedIndex({ terms, offsets, docs, tfs, lengths }, header.options);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
