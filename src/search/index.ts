export { buildIndex, InvertedIndex, INDEX_ERROR } from './inverted-index.js';
export type { Hit, IndexOptions, IndexParts, SearchOptions } from './inverted-index.js';
