// Runs in a worker thread (see worker.ts): parses one feed and sends back its items, or the reason.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFeedBytes } from './parse.js';

const { body, charset, feedUrl, maxItems } = workerData as {
  body: Uint8Array;
  charset: string | null;
  feedUrl: string;
  maxItems: number;
};
// Loaded: from here the time limit for the document runs (worker.ts).
parentPort!.postMessage({ started: true });
try {
  parentPort!.postMessage({ result: parseFeedBytes(Buffer.from(body), charset, feedUrl, maxItems) });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).message });
}
