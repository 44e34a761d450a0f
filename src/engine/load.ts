import { loadCorpus, type CorpusWarning } from '../corpus/index.js';
import { buildLibrary, type Library } from './library.js';

export interface LoadLibraryOptions {
  onWarning?: (warning: CorpusWarning) => void;
  /** Progress lines for long loads ("loading 120/924 files"). */
  onProgress?: (message: string) => void;
}

/** Corpus folder → library. Bad files are reported through onWarning and skipped. */
export async function loadLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Library> {
  const progress = options.onProgress ?? (() => {});
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
  for (const w of warnings) options.onWarning?.(w);
  const library = buildLibrary(articles, {
    onStage: (stage) => progress(`building ${stage}`),
    onArticleError: (id, err) => options.onWarning?.({ file: articles.find((a) => a.id === id)?.file ?? id, reason: `quotes not read (${err.message})` }),
  });
  progress(
    `ready: ${library.articles.length} articles, ${library.sentences.length} sentences, ` +
      `${library.quotes.length} quotes, ${library.speakers.length} speakers in ${Date.now() - started} ms`,
  );
  return library;
}
