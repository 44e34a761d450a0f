import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { buildLibrary, type Library } from '../src/engine/index.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const SEED_DIR = resolve(ROOT, 'corpus');
export const SEED_ID = 'kazakhstan-nazarbayev-spokesman';
export const SHARED = resolve(ROOT, '..', 'shared');
export const POLNEAR_DIR = resolve(SHARED, 'eval/polnear/corpus');
export const POLNEAR = resolve(SHARED, 'eval/polnear');

/** The PolNeAR material sits beside the project (../shared); tests that read it say so plainly. */
export function requirePolnear(): void {
  if (!existsSync(POLNEAR_DIR)) throw new Error(`PolNeAR corpus not found at ${POLNEAR_DIR}: these tests need ../shared/eval`);
}

let seed: Promise<Library> | undefined;
/** The seed corpus built once per test file. */
export function seedLibrary(): Promise<Library> {
  seed ??= loadCorpus(SEED_DIR).then(({ articles }) => buildLibrary(articles));
  return seed;
}
