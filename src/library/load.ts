import { loadCorpus, type CorpusWarning } from '../corpus/index.js';
import { loadOrBuildLibrary, type BuildOnceOptions, type Loaded } from './build-once.js';
import type { Library } from './library.js';
import { corpusVersion } from './snapshot/snapshot.js';

export interface LoadLibraryOptions {
  onWarning?: (warning: CorpusWarning) => void;
  /** Progress lines for long loads ("loading 120/924 files"). */
  onProgress?: (message: string) => void;
  /**
   * Folder of library snapshots, `<corpus version>.snapshot`: loaded when one matches the corpus just
   * read, else the library is built and saved there for the next process.
   */
  snapshotDir?: string | null;
  /** How to build when there is no snapshot (default: in this thread; the bot uses a worker). */
  build?: BuildOnceOptions['build'];
}

/** Corpus folder → library. Bad files are reported through onWarning and skipped. */
export async function loadLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Library> {
  return (await loadVersionedLibrary(dir, options)).library;
}

/** The same, with the corpus version the library is of and whether a snapshot served it. */
export async function loadVersionedLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Loaded> {
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
  const loaded = await loadOrBuildLibrary(articles, corpusVersion(articles), {
    snapshotDir: options.snapshotDir,
    build: options.build,
    onProgress: progress,
    onWarning: warn,
  });
  const { library } = loaded;
  progress(
    `ready: ${library.articles.length} articles, ${library.sentences.length} sentences, ` +
      `${library.quotes.length} quotes, ${library.speakers.length} speakers in ${Date.now() - started} ms`,
  );
  return loaded;
}
