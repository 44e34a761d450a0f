// Feed parses in worker threads: each worker costs tens of MB and half a second of CPU to start, so
// many /feeds add at once (or many servers' at once) must queue, not start a worker each.
import type { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { FEED_PARSE_WORKERS, parseFeedInWorker } from '../../src/feeds/worker.js';
import { rss } from './make.js';

const live = { now: 0, peak: 0 };

vi.mock('../../src/ts-worker.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ts-worker.js')>();
  return {
    tsWorker: (...args: Parameters<typeof original.tsWorker>): Worker => {
      const worker = original.tsWorker(...args);
      live.now++;
      live.peak = Math.max(live.peak, live.now);
      worker.once('exit', () => live.now--);
      return worker;
    },
  };
});

describe('feed parse workers', { timeout: 60_000 }, () => {
  it(`at most ${FEED_PARSE_WORKERS} run at once; the others wait their turn and are all read`, async () => {
    const doc = (n: number) => Buffer.from(rss(`Feed ${n}`, [{ id: 'a', link: 'https://news.example/a', title: 'A' }]));
    const feeds = await Promise.all(
      Array.from({ length: 6 }, (_, n) => parseFeedInWorker(doc(n), null, 'https://news.example/f')),
    );
    expect(feeds.map((f) => f.title)).toEqual(['Feed 0', 'Feed 1', 'Feed 2', 'Feed 3', 'Feed 4', 'Feed 5']);
    expect(live.peak).toBeGreaterThan(0);
    expect(live.peak).toBeLessThanOrEqual(FEED_PARSE_WORKERS);
  });
});
