export {
  corpusFiles,
  loadCorpus,
  parseArticleBytes,
  FORMATS,
  CORPUS_DIR_ERROR,
  DEFAULT_MAX_FILE_BYTES,
  MAX_ARTICLE_CHARS,
} from './load.js';
export type { CorpusFile, CorpusWarning, LoadOptions, LoadResult } from './load.js';
export { cleanBlocks } from './clean.js';
