// What a running bot serves from: the base library and each server's own, kept in step across processes
// through the store.
export { checkUploadName, LiveLibrary, parseUpload, SHARED_SCOPE, UPLOAD_LIMITS, uploadsFingerprint } from './live.js';
export type { ScopeUpdate, Upload } from './live.js';
export { pageRecord, shortHash, type PageRecord } from './pages.js';
export { CorpusSync } from './sync.js';
