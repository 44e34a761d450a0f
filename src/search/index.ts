export { buildIndex, InvertedIndex, INDEX_ERROR } from './inverted-index.js';
export type { Hit, IndexOptions, IndexParts, SearchOptions } from './inverted-index.js';
export { serializeIndex, deserializeIndex, INDEX_FORMAT_VERSION } from './snapshot.js';
