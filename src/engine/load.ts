import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCorpus, type CorpusWarning } from '../corpus/index.js';
import { buildLibrary, type Library } from './library.js';
import { corpusVersion, loadSnapshot, saveSnapshot } from './snapshot.js';

export interface LoadLibraryOptions {
  onWarning?: (warning: CorpusWarning) => void;
  /** Progress lines for long loads ("loading 120/924 files"). */
  onProgress?: (message: string) => void;
  /**
   * Folder of library snapshots, `<corpus version>.snapshot`: loaded when one matches the corpus just
   * read, else the library is built and saved there for the next process.
   */
  snapshotDir?: string;
}

/** Corpus folder → library. Bad files are reported through onWarning and skipped. */
export async function loadLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Library> {
  const progress = options.onProgress ?? (() => {});
  const warn = options.onWarning ?? (() => {});
  const started = Date.now();
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
  let library: Library | null = null;
  let file: string | null = null;
  let version = '';
  if (options.snapshotDir) {
    version = corpusVersion(articles);
    file = join(options.snapshotDir, `${version}.snapshot`);
    library = await tryLoad(file, version, warn);
    if (library) progress(`loaded snapshot ${version}`);
  }
  if (!library) {
    library = buildLibrary(articles, {
      onStage: (stage) => progress(`building ${stage}`),
      onArticleError: (id, err) => warn({ file: articles.find((a) => a.id === id)?.file ?? id, reason: `quotes not read (${err.message})` }),
    });
    if (file) {
      try {
        await mkdir(options.snapshotDir!, { recursive: true });
        await saveSnapshot(file, library, version);
      } catch (err) {
        warn({ file, reason: `could not save the snapshot (${(err as Error).message})` });
      }
    }
  }
  progress(
    `ready: ${library.articles.length} articles, ${library.sentences.length} sentences, ` +
      `${library.quotes.length} quotes, ${library.speakers.length} speakers in ${Date.now() - started} ms`,
  );
  return library;
}

/** The snapshot, or null (with a warning unless there simply is none yet): the caller builds. */
async function tryLoad(file: string, version: string, warn: (w: CorpusWarning) => void): Promise<Library | null> {
  try {
    return await loadSnapshot(file, { corpusVersion: version });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      warn({ file, reason: `${(err as Error).message}; rebuilding` });
    }
    return null;
  }
}
