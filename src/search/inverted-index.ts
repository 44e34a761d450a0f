// An inverted index with TF-IDF weights. Postings are stored column-wise in typed arrays (one run of
// document numbers and term frequencies per term), so a question costs the postings of its own terms
// and the whole index is a handful of buffers: cheap on the heap and quick to save and load.
import { lowerBound, TopK, type Hit } from './top-k.js';

export interface IndexOptions {
  /**
   * How much a passage's length discounts its score, from 0 (raw TF-IDF, equal to natural's
   * `TfIdf.tfidf`) to 1 (score divided by length / average length). Default 0.
   */
  lengthNormalization?: number;
}

export type { Hit };

export interface SearchOptions {
  /** Most hits returned, best first. Default 10. */
  limit?: number;
  /** Keeps only documents it accepts (per-server visibility, one speaker's quotes). */
  filter?: (doc: number) => boolean;
  /** A weight per query term (default 1): words related to the asked ones count less than those. */
  weights?: ReadonlyMap<string, number>;
}

export const INDEX_ERROR = 'whosaid index:';

export class InvertedIndex {
  readonly docCount: number;
  readonly options: Required<IndexOptions>;
  private readonly termIds: Map<string, number>;
  /** Postings of term t are docs/tfs[offsets[t] .. offsets[t + 1]). */
  private readonly offsets: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly tfs: Uint16Array;
  private readonly lengths: Uint32Array;
  private readonly avgLength: number;
  private readonly idfs: Float64Array;
  // One accumulator reused by every search: allocation per question would cost more than the search.
  private readonly acc: Float64Array;
  private readonly touched: Uint32Array;

  /** @internal use `buildIndex` or `InvertedIndex.fromParts`. */
  constructor(parts: IndexParts, options: IndexOptions = {}) {
    this.options = { lengthNormalization: options.lengthNormalization ?? 0 };
    if (!(this.options.lengthNormalization >= 0 && this.options.lengthNormalization <= 1)) {
      throw new Error(`${INDEX_ERROR} lengthNormalization must be between 0 and 1`);
    }
    this.termIds = new Map(parts.terms.map((t, i) => [t, i]));
    this.offsets = parts.offsets;
    this.docs = parts.docs;
    this.tfs = parts.tfs;
    this.lengths = parts.lengths;
    this.docCount = parts.lengths.length;
    let total = 0;
    for (let i = 0; i < this.docCount; i++) total += this.lengths[i];
    this.avgLength = this.docCount ? total / this.docCount : 0;
    this.idfs = new Float64Array(parts.terms.length);
    for (let t = 0; t < parts.terms.length; t++) {
      this.idfs[t] = idfOf(this.docCount, this.offsets[t + 1] - this.offsets[t]);
    }
    this.acc = new Float64Array(this.docCount);
    this.touched = new Uint32Array(this.docCount);
  }

  /** An index from the arrays `parts()` gave (a snapshot); their shapes are checked, not their contents. */
  static fromParts(parts: IndexParts, options: IndexOptions = {}): InvertedIndex {
    const { terms, offsets, docs, tfs } = parts;
    if (offsets.length !== terms.length + 1 || tfs.length !== docs.length || offsets[terms.length] !== docs.length) {
      throw new Error(`${INDEX_ERROR} index parts do not fit together`);
    }
    return new InvertedIndex(parts, options);
  }

  get termCount(): number {
    return this.termIds.size;
  }

  /** Number of documents holding the term. */
  docFrequency(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.offsets[t + 1] - this.offsets[t];
  }

  /** natural's idf: 1 + ln(N / (1 + df)); a term in no document weighs as one in none of N. */
  idf(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? idfOf(this.docCount, 0) : this.idfs[t];
  }

  /** Σ over the query's terms (repeats count) of tf × idf: natural's `TfIdf.tfidf(terms, doc)`. */
  rawScore(terms: string[], doc: number): number {
    let score = 0;
    for (const term of terms) {
      const t = this.termIds.get(term);
      const i = t === undefined ? -1 : this.posting(t, doc);
      if (i >= 0) score += this.tfs[i] * this.idfs[t!];
    }
    return score;
  }

  /** rawScore with the index's length normalisation: what `search` ranks the document by. */
  score(terms: string[], doc: number): number {
    const raw = this.rawScore(terms, doc);
    const b = this.options.lengthNormalization;
    return b > 0 ? raw / this.norm(doc, b) : raw;
  }

  private norm(doc: number, b: number): number {
    return 1 - b + (b * this.lengths[doc]) / this.avgLength;
  }

  /** Whether a document holds a term: a binary search in the term's postings, no re-tokenizing. */
  contains(term: string, doc: number): boolean {
    const t = this.termIds.get(term);
    return t !== undefined && this.posting(t, doc) >= 0;
  }

  /** Where term t's posting for doc sits in `docs`/`tfs`, or -1 when doc does not hold t. */
  private posting(t: number, doc: number): number {
    const end = this.offsets[t + 1];
    const i = lowerBound(this.docs, this.offsets[t], end, doc);
    return i < end && this.docs[i] === doc ? i : -1;
  }

  /** Length of a document in terms. */
  length(doc: number): number {
    return this.lengths[doc];
  }

  /** Average length of the documents, in terms. */
  get averageLength(): number {
    return this.avgLength;
  }

  /** Documents holding any of the terms, in order: the postings of those terms, never every document. */
  docsWith(terms: string[]): number[] {
    const out = new Set<number>();
    for (const term of new Set(terms)) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      for (let i = this.offsets[t], end = this.offsets[t + 1]; i < end; i++) out.add(this.docs[i]);
    }
    return [...out].sort((a, b) => a - b);
  }

  /** Best documents for the terms. Work follows the postings of the terms, never every document. */
  search(terms: string[], options: SearchOptions = {}): Hit[] {
    const limit = options.limit ?? 10;
    const weights = new Map<number, number>();
    for (const term of terms) {
      const t = this.termIds.get(term);
      if (t !== undefined) weights.set(t, (weights.get(t) ?? 0) + (options.weights?.get(term) ?? 1));
    }
    if (!weights.size || limit <= 0) return [];
    const { acc, touched, docs, tfs, offsets } = this;
    let n = 0;
    for (const [t, qtf] of weights) {
      const w = qtf * this.idfs[t];
      for (let i = offsets[t], end = offsets[t + 1]; i < end; i++) {
        const d = docs[i];
        if (acc[d] === 0) touched[n++] = d;
        acc[d] += tfs[i] * w;
      }
    }
    const b = this.options.lengthNormalization;
    const { filter } = options;
    const heap = new TopK(Math.min(limit, n));
    // Once the heap is full, most documents score below its worst: one comparison turns them away.
    let floor = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      let score = acc[d];
      acc[d] = 0;
      // Length normalisation can raise a short passage's score: compare only the final score.
      if (b > 0) score /= this.norm(d, b);
      if (score < floor) continue;
      if (filter && !filter(d)) continue;
      heap.push(d, score);
      if (heap.full) floor = heap.worstScore;
    }
    return heap.sorted();
  }

  /** The raw arrays, for snapshots. */
  parts(): IndexParts {
    const terms = new Array<string>(this.termIds.size);
    for (const [term, t] of this.termIds) terms[t] = term;
    return { terms, offsets: this.offsets, docs: this.docs, tfs: this.tfs, lengths: this.lengths };
  }
}

export interface IndexParts {
  terms: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  lengths: Uint32Array;
}

/** Builds the index over documents given as their terms (document n = position n). */
export function buildIndex(documents: Iterable<string[]>, options: IndexOptions = {}): InvertedIndex {
  const builder = new IndexBuilder();
  for (const terms of documents) builder.add(terms);
  return builder.finish(options);
}

/**
 * Collects documents one at a time. Each document's distinct terms are appended to two flat growing
 * arrays (term id, tf); `finish` counts, then scatters them into the per-term runs. A list per term
 * instead would be tens of thousands of JS arrays, and at a few hundred thousand passages the garbage
 * collector would cost more than the indexing.
 */
export class IndexBuilder {
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private rowTerm = new Uint32Array(1 << 16);
  private rowTf = new Uint16Array(1 << 16);
  private rows = 0;
  /** Row just past each document's last row. */
  private docEnds = new Uint32Array(1 << 12);
  private lengths = new Uint32Array(1 << 12);
  private docs = 0;
  /** Per term: document frequency, last document seen in, and its row there. */
  private df = new Uint32Array(1 << 12);
  private lastDoc = new Int32Array(1 << 12).fill(-1);
  private lastRow = new Uint32Array(1 << 12);

  add(terms: readonly string[]): void {
    const doc = this.docs;
    if (doc === this.docEnds.length) {
      this.docEnds = grow(this.docEnds, doc * 2);
      this.lengths = grow(this.lengths, doc * 2);
    }
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      let t = this.termIds.get(term);
      if (t === undefined) t = this.newTerm(term);
      if (this.lastDoc[t] === doc) {
        const r = this.lastRow[t];
        if (this.rowTf[r] < 65535) this.rowTf[r]++;
        continue;
      }
      if (this.rows === this.rowTerm.length) {
        this.rowTerm = grow(this.rowTerm, this.rows * 2);
        this.rowTf = grow(this.rowTf, this.rows * 2);
      }
      this.lastDoc[t] = doc;
      this.lastRow[t] = this.rows;
      this.df[t]++;
      this.rowTerm[this.rows] = t;
      this.rowTf[this.rows++] = 1;
    }
    this.docEnds[doc] = this.rows;
    this.lengths[doc] = terms.length;
    this.docs++;
  }

  finish(options: IndexOptions = {}): InvertedIndex {
    const termCount = this.terms.length;
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t] + this.df[t];
    const cursor = offsets.slice(0, termCount);
    const docs = new Uint32Array(this.rows);
    const tfs = new Uint16Array(this.rows);
    // Documents come in order, so every term's run comes out sorted by document.
    for (let d = 0, r = 0; d < this.docs; d++) {
      for (const end = this.docEnds[d]; r < end; r++) {
        const k = cursor[this.rowTerm[r]]++;
        docs[k] = d;
        tfs[k] = this.rowTf[r];
      }
    }
    const lengths = this.lengths.slice(0, this.docs);
    return new InvertedIndex({ terms: this.terms, offsets, docs, tfs, lengths }, options);
  }

  private newTerm(term: string): number {
    const t = this.terms.length;
    this.termIds.set(term, t);
    this.terms.push(term);
    if (t === this.df.length) {
      this.df = grow(this.df, t * 2);
      this.lastDoc = grow(this.lastDoc, t * 2);
      this.lastDoc.fill(-1, t);
      this.lastRow = grow(this.lastRow, t * 2);
    }
    return t;
  }
}

function grow<T extends Uint16Array | Uint32Array | Int32Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

function idfOf(n: number, df: number): number {
  return 1 + Math.log(n / (1 + df));
}
