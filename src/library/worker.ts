// Building a library (sentences, attribution, index) is seconds of CPU for a large corpus. In the bot's
// thread that would stall the gateway heartbeat and every interaction waiting for its 3-second
// acknowledgement, so the bot builds in a worker thread and gets the library back as snapshot bytes.
import { tsWorker } from '../ts-worker.js';
import type { Article } from '../types.js';
import { buildHere, type BuildHooks } from './build-once.js';
import type { Library } from './library.js';
import { decodeLibrary } from './snapshot/snapshot.js';

const WORKER = new URL('./build-worker.ts', import.meta.url).href;

/** Builds in a worker thread (which registers tsx itself: see ts-worker.ts). */
export function buildInWorker(articles: Article[], hooks: BuildHooks): Promise<Library> {
  return new Promise<Library>((resolve, reject) => {
    const worker = tsWorker(WORKER, { workerData: { articles } });
    let done = false;
    worker.on(
      'message',
      (m: { stage?: string; articleError?: { id: string; message: string }; bytes?: Uint8Array }) => {
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
      },
    );
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
