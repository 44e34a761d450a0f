// The two small pieces a search is made of besides the postings: a binary search in a sorted run of
// document numbers, and a bounded heap of the best hits.
/** A document and its score. */
export interface Hit {
  doc: number;
  score: number;
}

export function lowerBound(a: Uint32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A bounded min-heap keeping the k best (doc, score); ties go to the earlier document. */
export class TopK {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.docs = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  get full(): boolean {
    return this.size === this.k;
  }

  /** The score a document must at least reach to enter a full heap. */
  get worstScore(): number {
    return this.scores[0];
  }

  push(doc: number, score: number): void {
    if (this.size < this.k) {
      this.docs[this.size] = doc;
      this.scores[this.size] = score;
      this.up(this.size++);
    } else if (this.k > 0 && better(doc, score, this.docs[0], this.scores[0])) {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.down(0);
    }
  }

  sorted(): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < this.size; i++) hits.push({ doc: this.docs[i], score: this.scores[i] });
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(this.docs[p], this.scores[p], this.docs[i], this.scores[i])) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.size;
    for (;;) {
      let worst = i;
      const l = 2 * i + 1;
      const r = l + 1;
      if (l < n && better(this.docs[worst], this.scores[worst], this.docs[l], this.scores[l])) worst = l;
      if (r < n && better(this.docs[worst], this.scores[worst], this.docs[r], this.scores[r])) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    const d = this.docs[a];
    this.docs[a] = this.docs[b];
    this.docs[b] = d;
    const s = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = s;
  }
}

function better(d1: number, s1: number, d2: number, s2: number): boolean {
  return s1 > s2 || (s1 === s2 && d1 < d2);
}
