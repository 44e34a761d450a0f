// A library for a corpus version: from its snapshot when one was saved, else built and saved. Bot
// processes on one machine that need the same version at once (shards starting together, or all of
// them noticing a server's upload) build it once: the first takes a lock file beside the snapshot, the
// others wait for its snapshot instead of each building it.
import { existsSync } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusWarning } from '../corpus/index.js';
import type { Article } from '../types.js';
import { buildLibrary, type Library } from './library.js';
import { loadSnapshot, saveSnapshot } from './snapshot/snapshot.js';

export interface BuildOnceOptions {
  /** Folder of snapshots; none: always build, save nothing. */
  snapshotDir?: string | null;
  onProgress?: (message: string) => void;
  /** Articles whose quotes could not be read, and snapshots that could not be read or saved. */
  onWarning?: (warning: CorpusWarning) => void;
  /** How to build when there is no snapshot. Default: here, in this thread (the bot uses a worker). */
  build?: (articles: Article[], hooks: BuildHooks) => Promise<Library>;
  /** Longest wait for another process building the same version before building it here. Default 2 min. */
  lockWaitMs?: number;
}

export interface BuildHooks {
  onProgress: (message: string) => void;
  onArticleError: (articleId: string, error: Error) => void;
}

export interface Loaded {
  library: Library;
  version: string;
  from: 'snapshot' | 'build';
}

export function snapshotFile(dir: string, version: string): string {
  return join(dir, `${version}.snapshot`);
}

export const buildHere = async (articles: Article[], hooks: BuildHooks): Promise<Library> =>
  buildLibrary(articles, {
    onStage: (stage) => hooks.onProgress(`building ${stage}`),
    onArticleError: hooks.onArticleError,
  });

export async function loadOrBuildLibrary(
  articles: Article[],
  version: string,
  options: BuildOnceOptions = {},
): Promise<Loaded> {
  const progress = options.onProgress ?? (() => {});
  const warn = options.onWarning ?? (() => {});
  const hooks: BuildHooks = {
    onProgress: progress,
    onArticleError: (id, err) =>
      warn({ file: articles.find((a) => a.id === id)?.file ?? id, reason: `quotes not read (${err.message})` }),
  };
  const build = options.build ?? buildHere;
  const dir = options.snapshotDir;
  if (!dir) return { library: await build(articles, hooks), version, from: 'build' };
  const file = snapshotFile(dir, version);
  const tryLoad = async (): Promise<Library | null> => {
    try {
      const library = await loadSnapshot(file, { corpusVersion: version });
      progress(`loaded snapshot ${version}`);
      return library;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        warn({ file, reason: `${(err as Error).message}; rebuilding` });
      return null;
    }
  };
  const found = await tryLoad();
  if (found) return { library: found, version, from: 'snapshot' };
  const lock = await takeLock(`${file}.lock`, options.lockWaitMs ?? 120_000, () => existsSync(file));
  try {
    // Another process may have saved it while this one waited for the lock.
    const now = lock.waited ? await tryLoad() : null;
    if (now) return { library: now, version, from: 'snapshot' };
    const library = await build(articles, hooks);
    try {
      await mkdir(dir, { recursive: true });
      await saveSnapshot(file, library, version);
    } catch (err) {
      warn({ file, reason: `could not save the snapshot (${(err as Error).message})` });
    }
    return { library, version, from: 'build' };
  } finally {
    await lock.release();
  }
}

interface Lock {
  waited: boolean;
  release: () => Promise<void>;
}

/**
 * An exclusive lock file. Held by someone else: waits until `done()` says their work exists or the lock
 * is released, and takes over a lock older than `waitMs` (a process that died holding it). A folder
 * where no lock can be made (read-only, not a folder) gives no lock: the build goes ahead regardless.
 */
async function takeLock(path: string, waitMs: number, done: () => boolean): Promise<Lock> {
  const none = async () => {};
  let waited = false;
  try {
    await mkdir(join(path, '..'), { recursive: true });
  } catch {
    return { waited, release: none };
  }
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { waited, release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { waited, release: none };
    }
    waited = true;
    if (done()) return { waited, release: none };
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > waitMs) await rm(path, { force: true });
    else await new Promise((r) => setTimeout(r, 100));
  }
}
