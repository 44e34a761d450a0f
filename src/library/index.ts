export { allSentences, articleCounts, buildLibrary, assemble } from './library.js';
export type { Library, BuildOptions, SentenceTable } from './library.js';
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
} from './snapshot/snapshot.js';
export type { SnapshotExpectation } from './snapshot/snapshot.js';
export { loadVersionedLibrary } from './load.js';
export { buildHere, loadOrBuildLibrary, snapshotFile } from './build-once.js';
export type { BuildHooks, BuildOnceOptions, Loaded } from './build-once.js';
export { codeVersion } from './code-version.js';
export { buildInWorker, builder } from './worker.js';
