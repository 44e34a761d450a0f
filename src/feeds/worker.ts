// A feed of thousands of items takes the XML parser about a second: in the bot's thread that would
// hold every answer and the gateway heartbeat, so feeds are parsed in a worker thread, given up after a
// time limit (a parser stuck on a hostile document is terminated, not waited on).
import { tsWorker } from '../ts-worker.js';
import { FEED_ITEMS_READ, FeedParseError, type ParsedFeed } from './parse.js';

const WORKER = new URL('./parse-worker.ts', import.meta.url).href;

export const FEED_PARSE_TIMEOUT_MS = 20_000;

export function parseFeedInWorker(
  body: Buffer,
  charset: string | null,
  feedUrl: string,
  timeoutMs = FEED_PARSE_TIMEOUT_MS,
): Promise<ParsedFeed> {
  return new Promise<ParsedFeed>((resolve, reject) => {
    const worker = tsWorker(WORKER, { workerData: { body, charset, feedUrl, maxItems: FEED_ITEMS_READ } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
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
