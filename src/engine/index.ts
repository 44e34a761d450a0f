export { buildLibrary, assemble } from './library.js';
export type { Library, BuildOptions } from './library.js';
export { loadLibrary } from './load.js';
export type { LoadLibraryOptions } from './load.js';
export {
  corpusVersion,
  decodeLibrary,
  encodeLibrary,
  loadSnapshot,
  saveSnapshot,
  ENGINE_VERSION,
  SNAPSHOT_ERROR,
  SNAPSHOT_FORMAT_VERSION,
} from './snapshot.js';
export type { SnapshotExpectation } from './snapshot.js';
