// Building a library (sentences, attribution, index) is seconds of CPU for a large corpus. In the bot's
// thread that would stall the gateway heartbeat and every interaction waiting for its 3-second
// acknowledgement, so the bot builds in a worker thread and gets the library back as snapshot bytes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.js';
import { buildHere, type BuildHooks } from './build-once.js';
import type { Library } from './library.js';
import { decodeLibrary } from './snapshot/snapshot.js';

const WORKER = new URL('./build-worker.ts', import.meta.url).href;
// tsx's ESM registration, found here: an eval'd worker would resolve packages from the working folder.
const TSX = (() => {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('tsx/package.json');
  const api = (require(pkg) as { exports: Record<string, { import: string | { default: string } }> }).exports['./esm/api'].import;
  return pathToFileURL(join(dirname(pkg), typeof api === 'string' ? api : api.default)).href;
})();

/**
 * Builds in a worker thread. The worker registers tsx itself: a worker does not inherit the loader a
 * process was started with (`node --import tsx`), nor does one started from the tests.
 */
export function buildInWorker(articles: Article[], hooks: BuildHooks): Promise<Library> {
  return new Promise<Library>((resolve, reject) => {
    const worker = new Worker(`import(${JSON.stringify(TSX)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`, {
      eval: true,
      workerData: { articles },
    });
    let done = false;
    worker.on('message', (m: { stage?: string; articleError?: { id: string; message: string }; bytes?: Uint8Array }) => {
      if (m.stage) hooks.onProgress(`building ${m.stage}`);
      if (m.articleError) hooks.onArticleError(m.articleError.id, new Error(m.articleError.message));
      if (!m.bytes) return;
      done = true;
      try {
        resolve(decodeLibrary(m.bytes));
      } catch (err) {
        reject(err);
      }
      void worker.terminate();
    });
    worker.on('error', (err) => {
      done = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`the build worker stopped (exit code ${code})`));
    });
  });
}

/** A worker build, or a build in this thread when no worker can run (the library is wanted either way). */
export function builder(onWarning: (message: string) => void) {
  return async (articles: Article[], hooks: BuildHooks): Promise<Library> => {
    try {
      return await buildInWorker(articles, hooks);
    } catch (err) {
      onWarning(`building in this thread: the build worker failed (${(err as Error).message})`);
      return buildHere(articles, hooks);
    }
  };
}
