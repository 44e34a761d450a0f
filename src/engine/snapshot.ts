// A built library saved to a file, so the processes of one machine (shards, restarts) load an index
// instead of each building it. A snapshot is named by its corpus version: a hash of the articles and of
// the code that builds the library from them, so a snapshot is never read for other articles or by
// code that would build something else from them.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserializeIndex, INDEX_FORMAT_VERSION, serializeIndex } from '../search/index.js';
import type { Article } from '../types.js';
import { assemble, buildLibrary, type Library } from './library.js';

/** Bumped when the file layout changes; older files are then ignored and rebuilt. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = 'WSLB';

interface Header {
  format: number;
  version: string;
  json: number;
  sentenceIndex: number;
  quoteIndex: number;
}

const codeHashes = new Map<string, string>();

/**
 * A hash of the sources in some folders of src/, read once. The library's builder (sentences,
 * attribution, index) is part of every corpus version, so a snapshot built by other code is not reused;
 * the answer cache keys on the answering code the same way.
 */
export function codeVersion(dirs: readonly string[]): string {
  const id = dirs.join(',');
  const known = codeHashes.get(id);
  if (known) return known;
  const h = createHash('sha256').update(`format ${SNAPSHOT_FORMAT} index ${INDEX_FORMAT_VERSION}\n`);
  const src = resolve(import.meta.dirname, '..');
  for (const dir of dirs) {
    const folder = join(src, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      // The snapshot and live modules decide where libraries come from, not what they hold.
      if (!/\.(ts|js|json)$/.test(name) || (dir === 'engine' && name !== 'library.ts')) continue;
      h.update(`${dir}/${name}\n`).update(readFileSync(join(folder, name)));
    }
  }
  const hash = h.digest('hex').slice(0, 24);
  codeHashes.set(id, hash);
  return hash;
}

const BUILDER = ['attribution', 'text', 'search', 'engine'] as const;

/** The version of a library built from `articles` (after `base`, a version already computed). */
export function corpusVersion(articles: Article[], base = ''): string {
  const h = createHash('sha256').update(codeVersion(BUILDER)).update(base);
  for (const a of articles) h.update(JSON.stringify(a)).update('\n');
  return h.digest('hex').slice(0, 24);
}

export function snapshotFile(dir: string, version: string): string {
  return join(dir, `library-${version}.snap`);
}

/** The library as bytes: magic, header, the JSON of its parts, then its two indexes. */
export function encodeLibrary(library: Library, version: string): Buffer {
  const json = Buffer.from(JSON.stringify({ articles: library.articles, sentences: library.sentences, quotes: library.quotes, speakers: library.speakers }));
  const sentenceIndex = serializeIndex(library.sentenceIndex);
  const quoteIndex = serializeIndex(library.quoteIndex);
  const header: Header = { format: SNAPSHOT_FORMAT, version, json: json.length, sentenceIndex: sentenceIndex.length, quoteIndex: quoteIndex.length };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, headerBytes, json, sentenceIndex, quoteIndex]);
}

/** Reads bytes written by `encodeLibrary`; throws when they are not that, or are of another version (null: any). */
export function decodeLibrary(bytes: Uint8Array, version: string | null, name = 'snapshot'): Library {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${name} is not a library snapshot`);
  const headerLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.format !== SNAPSHOT_FORMAT) throw new Error(`${name} has snapshot format ${header.format}, this version reads ${SNAPSHOT_FORMAT}`);
  if (version !== null && header.version !== version) throw new Error(`${name} holds corpus version ${header.version}, not ${version}`);
  let at = 8 + headerLength;
  const take = (n: number) => {
    if (at + n > buf.length) throw new Error(`${name} is truncated`);
    const part = buf.subarray(at, at + n);
    at += n;
    return part;
  };
  const data = JSON.parse(take(header.json).toString('utf8')) as Pick<Library, 'articles' | 'sentences' | 'quotes' | 'speakers'>;
  const sentenceIndex = deserializeIndex(take(header.sentenceIndex));
  const quoteIndex = deserializeIndex(take(header.quoteIndex));
  return assemble(data.articles, data.sentences, data.quotes, data.speakers, sentenceIndex, quoteIndex);
}

/** Writes the library to `file` through a temporary file and a rename: readers see all of it or none. */
export async function saveLibrarySnapshot(file: string, library: Library, version: string): Promise<void> {
  await mkdir(resolve(file, '..'), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, encodeLibrary(library, version));
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * Reads a snapshot written for `version`. Null when there is none; throws when the file is damaged or
 * belongs to another version or format (the caller rebuilds).
 */
export async function loadLibrarySnapshot(file: string, version: string): Promise<Library | null> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return decodeLibrary(buf, version, file);
}

export interface SnapshotOptions {
  /** Folder of snapshots; none: always build, save nothing. */
  snapshotDir?: string | null;
  onProgress?: (message: string) => void;
  /** A snapshot that could not be read or written: the library is built (or kept) all the same. */
  onWarning?: (message: string) => void;
  /** Longest wait for another process building the same version before building it here. Default 2 min. */
  lockWaitMs?: number;
  /** How to build when there is no snapshot. Default: here, in this thread (the bot uses a worker thread). */
  build?: (articles: Article[], onProgress: (message: string) => void) => Promise<Library>;
}

export interface Loaded {
  library: Library;
  version: string;
  from: 'snapshot' | 'build';
}

/**
 * The library for `articles`: from its snapshot when there is one, else built and saved. Processes
 * starting together build it once: the first takes a lock file and the others wait for its snapshot.
 */
export async function loadOrBuildLibrary(articles: Article[], version: string, options: SnapshotOptions = {}): Promise<Loaded> {
  const dir = options.snapshotDir;
  const progress = options.onProgress ?? (() => {});
  const build = options.build ?? (async (list: Article[]) => buildLibrary(list, { onStage: (s) => progress(`building ${s}`) }));
  if (!dir) return { library: await build(articles, progress), version, from: 'build' };
  const file = snapshotFile(dir, version);
  const tryLoad = async (): Promise<Library | null> => {
    try {
      return await loadLibrarySnapshot(file, version);
    } catch (err) {
      options.onWarning?.(`unusable snapshot, rebuilding: ${(err as Error).message}`);
      await rm(file, { force: true });
      return null;
    }
  };
  const found = await tryLoad();
  if (found) return { library: found, version, from: 'snapshot' };
  const lock = await takeLock(`${file}.lock`, options.lockWaitMs ?? 120_000, () => existsSync(file));
  try {
    // Another process may have finished it while this one waited for the lock.
    const now = lock.waited ? await tryLoad() : null;
    if (now) return { library: now, version, from: 'snapshot' };
    const library = await build(articles, progress);
    try {
      await saveLibrarySnapshot(file, library, version);
    } catch (err) {
      options.onWarning?.(`could not save the snapshot: ${(err as Error).message}`);
    }
    return { library, version, from: 'build' };
  } finally {
    await lock.release();
  }
}

/**
 * An exclusive lock file. Held by someone else: waits until `done()` says their work exists or the
 * lock is released, and takes over a lock older than `waitMs` (a process that died holding it).
 */
async function takeLock(path: string, waitMs: number, done: () => boolean): Promise<{ waited: boolean; release: () => Promise<void> }> {
  await mkdir(resolve(path, '..'), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { waited, release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { waited, release: async () => {} };
    }
    waited = true;
    if (done()) return { waited, release: async () => {} };
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > waitMs) await rm(path, { force: true });
    else await new Promise((r) => setTimeout(r, 100));
  }
}
