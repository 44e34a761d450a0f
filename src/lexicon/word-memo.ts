// A yes/no answer about lower-case words, remembered. A Map keyed by the words was the obvious memo, but
// attribution asks it of hundreds of thousands of fresh token strings a build, and each lookup went to
// memory far from anything the stage had just read: the word's hash, its bucket, its entry, the key to
// compare. Here a short word is packed into three numbers and its answer sits beside them, so a lookup
// reads the word once and one slot of a table. Longer or unusual words keep the Map.

// 5 bits a character: a–z are 1–26, the apostrophe 27, the hyphen 28; 0 ends the word.
const CODE = new Int8Array(128);
for (let c = 97; c <= 122; c++) CODE[c] = c - 96;
CODE[39] = 27;
CODE[45] = 28;

const PER_INT = 6;
const MAX_LENGTH = PER_INT * 3;
const SLOTS = 1 << 15;
// Past this, a full table would slow every lookup: the rest go to the Map (as many as it takes).
const MAX_PACKED = SLOTS >> 1;
const MAP_LIMIT = 100_000;

export class WordMemo {
  // Per slot: three ints of packed word (0, 0, 0 when empty) and the answer (0 or 1).
  private readonly slots = new Int32Array(SLOTS * 4);
  private packed = 0;
  private readonly rest = new Map<string, boolean>();
  private a = 0;
  private b = 0;
  private c = 0;

  constructor(private readonly answer: (word: string) => boolean) {}

  get(word: string): boolean {
    if (!this.pack(word)) return this.fromMap(word);
    const { a, b, c } = this;
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b), 0x27d4eb2f);
    h = (h ^ (h >>> 15)) & (SLOTS - 1);
    const s = this.slots;
    for (;;) {
      const at = h << 2;
      const x = s[at];
      if (x === 0) break;
      if (x === a && s[at + 1] === b && s[at + 2] === c) return s[at + 3] === 1;
      h = (h + 1) & (SLOTS - 1);
    }
    if (this.packed >= MAX_PACKED) return this.fromMap(word);
    const yes = this.answer(word);
    const at = h << 2;
    s[at] = a;
    s[at + 1] = b;
    s[at + 2] = c;
    s[at + 3] = yes ? 1 : 0;
    this.packed++;
    return yes;
  }

  private fromMap(word: string): boolean {
    let yes = this.rest.get(word);
    if (yes === undefined) {
      yes = this.answer(word);
      if (this.rest.size < MAP_LIMIT) this.rest.set(word, yes);
    }
    return yes;
  }

  /** Packs word into a, b, c; false when it is empty, too long, or has a character past the 28 codes. */
  private pack(word: string): boolean {
    const n = word.length;
    if (n === 0 || n > MAX_LENGTH) return false;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const ch = word.charCodeAt(i);
      const code = ch < 128 ? CODE[ch] : 0;
      if (code === 0) return false;
      if (i < PER_INT) a = (a << 5) | code;
      else if (i < 2 * PER_INT) b = (b << 5) | code;
      else c = (c << 5) | code;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    return true;
  }
}
