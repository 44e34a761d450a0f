// Yes/no answers about lower-case words, remembered. A Map keyed by the words was the obvious memo, but
// attribution asks hundreds of thousands of fresh token strings a build, and each lookup went to memory
// far from anything the stage had just read: the word's hash, its bucket, its entry, the key to compare.
// Here a short word is packed into three numbers with the answers to every question asked of it beside
// them, so a lookup reads the word once and one slot of one table. Longer or unusual words use a Map.

// 5 bits a character: a–z are 1–26, the apostrophe 27, the hyphen 28; 0 ends the word.
const CODE = new Int8Array(128);
for (let c = 97; c <= 122; c++) CODE[c] = c - 96;
CODE[39] = 27;
CODE[45] = 28;

const PER_INT = 6;
const MAX_LENGTH = PER_INT * 3;
const SLOTS = 1 << 15;
// Past this a full table would slow every lookup: the rest go to the Map.
const MAX_PACKED = SLOTS >> 1;
const MAP_LIMIT = 100_000;
// Two bits a question (known, yes) in one int.
const MAX_QUESTIONS = 15;

export class WordFacts {
  // Per slot: three ints of packed word (0, 0, 0 when empty) and the answers' bits.
  private readonly slots = new Int32Array(SLOTS * 4);
  private packed = 0;
  private readonly rest = new Map<string, number>();
  private questions = 0;
  private a = 0;
  private b = 0;
  private c = 0;

  /** A question about words whose answers are kept beside the others': answer, remembered. */
  question(answer: (word: string) => boolean): (word: string) => boolean {
    if (this.questions === MAX_QUESTIONS) throw new Error('WordFacts: too many questions');
    const known = 1 << (2 * this.questions++);
    const yes = known << 1;
    return (word) => this.ask(word, known, yes, answer);
  }

  private ask(word: string, known: number, yes: number, answer: (word: string) => boolean): boolean {
    const at = this.slot(word);
    if (at >= 0) {
      const bits = this.slots[at + 3];
      if (bits & known) return (bits & yes) !== 0;
      const said = answer(word);
      // Slots never move, but the answer may have asked other questions of the same word.
      this.slots[at + 3] |= known | (said ? yes : 0);
      return said;
    }
    const bits = this.rest.get(word) ?? 0;
    if (bits & known) return (bits & yes) !== 0;
    const said = answer(word);
    const now = this.rest.get(word);
    if (now !== undefined || this.rest.size < MAP_LIMIT) this.rest.set(word, (now ?? 0) | known | (said ? yes : 0));
    return said;
  }

  /** Where word's slot starts, taken if the word is new; -1 when it cannot be packed or the table is full. */
  private slot(word: string): number {
    if (!this.pack(word)) return -1;
    const { a, b, c } = this;
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b), 0x27d4eb2f);
    h = (h ^ (h >>> 15)) & (SLOTS - 1);
    const s = this.slots;
    for (;;) {
      const at = h << 2;
      const x = s[at];
      if (x === 0) break;
      if (x === a && s[at + 1] === b && s[at + 2] === c) return at;
      h = (h + 1) & (SLOTS - 1);
    }
    if (this.packed >= MAX_PACKED) return -1;
    const at = h << 2;
    s[at] = a;
    s[at + 1] = b;
    s[at + 2] = c;
    this.packed++;
    return at;
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

/** The one table the lexicon's remembered questions share: a word asked one question is often asked others. */
export const wordFacts = new WordFacts();
