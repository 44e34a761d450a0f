// Runs in a worker thread (see worker.ts): reads one fetched page into articles, as a file named
// page.html, and sends them back with the warnings.
import { parentPort, workerData } from 'node:worker_threads';
import { parseArticleBytes } from '../corpus/index.js';

// Loaded: from here the time limit for the document runs (worker.ts).
parentPort!.postMessage({ started: true });
const { html } = workerData as { html: Uint8Array };
try {
  parentPort!.postMessage({ result: parseArticleBytes(Buffer.from(html), 'page.html') });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).message });
}
