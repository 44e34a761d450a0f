// Strangers' documents are read in worker threads. A feed of thousands of items takes the XML parser
// about a second, and the HTML reader's cost grows much faster than some pages (100,000 nested elements:
// 13 s): in the bot's thread that would hold every answer and the gateway heartbeat. A worker is given
// up after a time limit (a parser stuck on a hostile document is terminated, not waited on). A worker
// costs about 45 MB and half a second of CPU to start, so a few run at once and the rest wait their
// turn: twenty /feeds add at once must not start twenty.
import type { Worker } from 'node:worker_threads';
import type { LoadResult } from '../corpus/index.js';
import { tsWorker } from '../ts-worker.js';
import { FEED_ITEMS_READ, FeedParseError, type ParsedFeed } from './parse.js';

const FEED_WORKER = new URL('./parse-worker.ts', import.meta.url).href;
const PAGE_WORKER = new URL('./page-worker.ts', import.meta.url).href;

export const FEED_PARSE_TIMEOUT_MS = 20_000;
/**
 * A page read past this is refused. News pages take well under a second (5 MB of paragraphs: 0.9 s);
 * a page kept is read again on the bot's thread when its server's library is built, so this also
 * bounds how long one page can hold that thread there.
 */
export const PAGE_READ_TIMEOUT_MS = 10_000;
/** Documents read at once in this process (feeds and pages together). */
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

/**
 * How long a worker may take to start (Node and the reader's modules loaded) before it is given up. Its
 * time limit for the document runs from when it says it started: a loaded machine can take seconds to
 * start one, and that is no fault of the document.
 */
const WORKER_START_TIMEOUT_MS = 30_000;

/**
 * Runs a worker module that posts `{ started }` once its modules are loaded, then `{ result }` or
 * `{ error }` once; its time limit runs from its start.
 */
async function inWorker<T>(
  moduleUrl: string,
  workerData: unknown,
  timeoutMs: number,
  failure: (message: string) => Error,
): Promise<T> {
  const release = await slot();
  return new Promise<T>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = tsWorker(moduleUrl, { workerData });
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
    let timer = setTimeout(
      () => finish(() => reject(new Error(`the reader did not start within ${WORKER_START_TIMEOUT_MS / 1000} s`))),
      WORKER_START_TIMEOUT_MS,
    );
    worker.on('message', (m: { started?: boolean; result?: T; error?: string }) => {
      if (m.started) {
        clearTimeout(timer);
        timer = setTimeout(
          () => finish(() => reject(failure(`took longer than ${timeoutMs / 1000} s to read`))),
          timeoutMs,
        );
        return;
      }
      finish(() => (m.result ? resolve(m.result) : reject(failure(m.error ?? 'could not be read'))));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (exitCode) => finish(() => reject(new Error(`the worker stopped (exit code ${exitCode})`))));
  });
}

export function parseFeedInWorker(
  body: Buffer,
  charset: string | null,
  feedUrl: string,
  timeoutMs = FEED_PARSE_TIMEOUT_MS,
): Promise<ParsedFeed> {
  const data = { body, charset, feedUrl, maxItems: FEED_ITEMS_READ };
  return inWorker<ParsedFeed>(FEED_WORKER, data, timeoutMs, (why) =>
    why.startsWith('took') ? new FeedParseError(`the feed ${why}`) : new FeedParseError(why),
  );
}

/** A fetched page read into articles, as the corpus reads a file named `page.html`. */
export function readPageInWorker(html: Buffer, timeoutMs = PAGE_READ_TIMEOUT_MS): Promise<LoadResult> {
  return inWorker<LoadResult>(PAGE_WORKER, { html }, timeoutMs, (why) => new Error(`the page ${why}`));
}
