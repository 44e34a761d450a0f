// A feed of thousands of items takes the XML parser about a second: in the bot's thread that would
// hold every answer and the gateway heartbeat, so feeds are parsed in a worker thread, given up after a
// time limit (a parser stuck on a hostile document is terminated, not waited on). A worker costs about
// 45 MB and half a second of CPU to start, so a few run at once and the rest wait their turn: twenty
// /feeds add at once must not start twenty.
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../ts-worker.js';
import { FEED_ITEMS_READ, FeedParseError, type ParsedFeed } from './parse.js';

const WORKER = new URL('./parse-worker.ts', import.meta.url).href;

export const FEED_PARSE_TIMEOUT_MS = 20_000;
/** Feed parses running at once in this process. */
export const FEED_PARSE_WORKERS = 2;

let running = 0;
const waiting: Array<() => void> = [];

/** Waits for a free worker slot; the function returned gives it back (to the next in line, if any). */
async function slot(): Promise<() => void> {
  if (running < FEED_PARSE_WORKERS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

export async function parseFeedInWorker(
  body: Buffer,
  charset: string | null,
  feedUrl: string,
  timeoutMs = FEED_PARSE_TIMEOUT_MS,
): Promise<ParsedFeed> {
  const release = await slot();
  // The time limit runs from the worker's start, not from the wait for a slot.
  return new Promise<ParsedFeed>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = tsWorker(WORKER, { workerData: { body, charset, feedUrl, maxItems: FEED_ITEMS_READ } });
    } catch (err) {
      release();
      return reject(err);
    }
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      worker.terminate().then(release, release);
    };
    const timer = setTimeout(
      () => finish(() => reject(new FeedParseError(`the feed took longer than ${timeoutMs / 1000} s to read`))),
      timeoutMs,
    );
    worker.on('message', (m: { feed?: ParsedFeed; error?: string }) =>
      finish(() => (m.feed ? resolve(m.feed) : reject(new FeedParseError(m.error ?? 'not a feed')))),
    );
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (exitCode) => finish(() => reject(new Error(`the feed worker stopped (exit code ${exitCode})`))));
  });
}
