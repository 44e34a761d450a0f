// Runs in a worker thread (see worker.ts): builds a library from the articles it is given and sends it
// back encoded as a snapshot.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../types.js';
import { buildLibrary } from './library.js';
import { encodeLibrary } from './snapshot/snapshot.js';

const { articles } = workerData as { articles: Article[] };
const library = buildLibrary(articles, {
  onStage: (stage) => parentPort!.postMessage({ stage }),
  onArticleError: (id, err) => parentPort!.postMessage({ articleError: { id, message: err.message } }),
});
parentPort!.postMessage({ bytes: encodeLibrary(library, '') });
