import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusFiles, loadCorpus, type CorpusWarning } from '../corpus/index.js';
import { loadOrBuildLibrary, snapshotFile, type BuildOnceOptions, type Loaded } from './build-once.js';
import type { Library } from './library.js';
import { corpusVersion, ENGINE_VERSION, loadSnapshot } from './snapshot/snapshot.js';

export interface LoadLibraryOptions {
  onWarning?: (warning: CorpusWarning) => void;
  /** Progress lines for long loads ("loading 120/924 files"). */
  onProgress?: (message: string) => void;
  /**
   * Folder of library snapshots, `<corpus version>.snapshot`: loaded when one matches the corpus just
   * read, else the library is built and saved there for the next process. Beside each, a small file
   * list (`<files key>.files.json`) lets a folder whose files are unchanged (same names, sizes and
   * modification times) load its snapshot without reading a single article again.
   */
  snapshotDir?: string | null;
  /** How to build when there is no snapshot (default: in this thread; the bot uses a worker). */
  build?: BuildOnceOptions['build'];
  /** Keep only this many snapshots in `snapshotDir`, the most recently used (default: keep all). */
  keepSnapshots?: number;
}

/** Corpus folder → library. Bad files are reported through onWarning and skipped. */
export async function loadLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Library> {
  return (await loadVersionedLibrary(dir, options)).library;
}

/** What a files list records: the corpus version those files gave, and the warnings reading them gave. */
interface FilesRecord {
  version: string;
  warnings: CorpusWarning[];
}

/** The same, with the corpus version the library is of and whether a snapshot served it. */
export async function loadVersionedLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Loaded> {
  const progress = options.onProgress ?? (() => {});
  const warn = options.onWarning ?? (() => {});
  const started = Date.now();
  const snapshotDir = options.snapshotDir;
  const listing = snapshotDir ? await filesKey(dir) : null;
  const recorded = snapshotDir && listing ? await fromFilesRecord(snapshotDir, listing) : null;
  let loaded: Loaded;
  if (recorded) {
    progress(`loaded snapshot ${recorded.loaded.version}`);
    for (const w of recorded.warnings) warn(w);
    loaded = recorded.loaded;
  } else {
    let lastReport = 0;
    const { articles, warnings } = await loadCorpus(dir, {
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastReport > 500 || done === total) {
          lastReport = now;
          progress(`reading files ${done}/${total}`);
        }
      },
    });
    for (const w of warnings) warn(w);
    loaded = await loadOrBuildLibrary(articles, corpusVersion(articles), {
      snapshotDir,
      build: options.build,
      onProgress: progress,
      onWarning: warn,
    });
    if (snapshotDir && listing) await saveFilesRecord(snapshotDir, listing, { version: loaded.version, warnings });
  }
  if (snapshotDir && options.keepSnapshots) await pruneSnapshots(snapshotDir, options.keepSnapshots, loaded.version);
  const { library } = loaded;
  progress(
    `ready: ${library.articles.length} articles, ${library.sentences.length} sentences, ` +
      `${library.quotes.length} quotes, ${library.speakers.length} speakers in ${Date.now() - started} ms`,
  );
  return loaded;
}

/** A hash of the engine and of every corpus file's name, size and modification time. */
async function filesKey(dir: string): Promise<string> {
  const { files, warnings } = await corpusFiles(dir);
  const hash = createHash('sha256').update(`files 1 ${ENGINE_VERSION}\n`);
  for (const f of files) hash.update(`${f.rel}\t${f.size}\t${f.mtimeMs}\n`);
  for (const w of warnings) hash.update(`!${w.file}\t${w.reason}\n`);
  return hash.digest('hex').slice(0, 32);
}

const recordFile = (dir: string, key: string) => join(dir, `${key}.files.json`);

async function fromFilesRecord(
  dir: string,
  key: string,
): Promise<{ loaded: Loaded; warnings: CorpusWarning[] } | null> {
  let record: FilesRecord;
  try {
    record = JSON.parse(await readFile(recordFile(dir, key), 'utf8')) as FilesRecord;
    if (typeof record.version !== 'string' || !Array.isArray(record.warnings)) return null;
  } catch {
    return null;
  }
  try {
    const file = snapshotFile(dir, record.version);
    const library = await loadSnapshot(file, { corpusVersion: record.version });
    // Marks it used, for pruning: access times are not kept on every file system.
    await utimes(file, new Date(), new Date()).catch(() => {});
    return { loaded: { library, version: record.version, from: 'snapshot' }, warnings: record.warnings };
  } catch {
    // The snapshot was deleted or is damaged: read the corpus as if there were no record.
    return null;
  }
}

async function saveFilesRecord(dir: string, key: string, record: FilesRecord): Promise<void> {
  if (!existsSync(snapshotFile(dir, record.version))) return;
  const file = recordFile(dir, key);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, file);
  } catch {
    // A cache that can't be written costs the next run a read of the corpus, nothing more.
    await rm(tmp, { force: true });
  }
}

/**
 * Deletes all but the `keep` most recently used snapshots (the current one always stays) and the file
 * lists pointing at them: a cache under the user's home would otherwise grow by one snapshot per code
 * version.
 */
async function pruneSnapshots(dir: string, keep: number, current: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const snapshots: Array<{ version: string; used: number }> = [];
  for (const name of names) {
    if (!name.endsWith('.snapshot')) continue;
    const version = name.slice(0, -'.snapshot'.length);
    const info = await stat(join(dir, name)).catch(() => null);
    if (info) snapshots.push({ version, used: version === current ? Infinity : info.mtimeMs });
  }
  snapshots.sort((a, b) => b.used - a.used);
  const gone = new Set(snapshots.slice(keep).map((s) => s.version));
  if (!gone.size) return;
  for (const version of gone) await rm(snapshotFile(dir, version), { force: true });
  for (const name of names) {
    if (!name.endsWith('.files.json')) continue;
    const record = await readFile(join(dir, name), 'utf8').then(
      (t) => JSON.parse(t) as FilesRecord,
      () => null,
    );
    if (!record || gone.has(record.version)) await rm(join(dir, name), { force: true });
  }
}
