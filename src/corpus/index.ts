export { loadCorpus, parseArticleBytes, FORMATS, CORPUS_DIR_ERROR, DEFAULT_MAX_FILE_BYTES } from './load.js';
export type { CorpusWarning, LoadOptions, LoadResult } from './load.js';
export { cleanBlocks } from './clean.js';
