export { buildLibrary, assemble } from './library.js';
export type { Library, BuildOptions } from './library.js';
export { loadLibrary, loadVersionedLibrary } from './load.js';
export type { LoadLibraryOptions } from './load.js';
export { codeVersion, corpusVersion, loadLibrarySnapshot, loadOrBuildLibrary, saveLibrarySnapshot, snapshotFile, SNAPSHOT_FORMAT } from './snapshot.js';
export type { Loaded, SnapshotOptions } from './snapshot.js';
export { checkUploadName, LiveLibrary, parseUpload, UPLOAD_LIMITS, uploadsFingerprint } from './live.js';
export type { ScopeUpdate, Upload } from './live.js';
export { CorpusSync } from './sync.js';
