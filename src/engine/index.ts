export { buildLibrary, assemble } from './library.js';
export type { Library, BuildOptions } from './library.js';
export { loadLibrary } from './load.js';
export type { LoadLibraryOptions } from './load.js';
