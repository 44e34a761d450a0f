// Leases: one holder at a time across processes (two stores on one SQLite file or one Redis stand for
// two processes), renewed by the holder, free again when it lapses or is released.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from '../../src/store/index.js';
import { needing } from '../requirements.js';
import { failingBackend } from './failing.js';
import { dropPrefix, sharedRedisUrl, uniquePrefix } from './redis.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-lease-'));
const prefix = uniquePrefix('lease');
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

async function exercise(a: Store, b: Store): Promise<void> {
  expect(await a.lease('feed:1', 'A', 300)).toBe(true);
  // Held by A: B is refused, A renews.
  expect(await b.lease('feed:1', 'B', 300)).toBe(false);
  expect(await a.lease('feed:1', 'A', 300)).toBe(true);
  // Another key is another lease.
  expect(await b.lease('feed:2', 'B', 300)).toBe(true);
  // Released by its holder only.
  await b.release('feed:1', 'B');
  expect(await b.lease('feed:1', 'B', 300)).toBe(false);
  await a.release('feed:1', 'A');
  expect(await b.lease('feed:1', 'B', 60)).toBe(true);
  // Lapsed: free for the next one.
  await new Promise((r) => setTimeout(r, 120));
  expect(await a.lease('feed:1', 'A', 300)).toBe(true);
  expect(await b.lease('feed:1', 'B', 300)).toBe(false);
}

/** Many tries at once from both: exactly one wins. */
async function race(a: Store, b: Store): Promise<void> {
  const tries = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).lease('race', `owner-${i}`, 5_000));
  const won = (await Promise.all(tries)).filter(Boolean);
  expect(won).toHaveLength(1);
}

describe('leases', () => {
  it('memory: one holder, renewals, release, lapse', async () => {
    const s = openStore('memory://');
    await exercise(s, s);
    await race(s, s);
    await s.close();
  });

  it('SQLite: two connections to one file (two processes) never hold the same lease', async () => {
    const url = `sqlite://${join(dir, 'lease.sqlite')}`;
    const a = openStore(url);
    const b = openStore(url);
    await exercise(a, b);
    await race(a, b);
    await Promise.all([a.close(), b.close()]);
  });

  it('a failing store fails the lease with StoreError: nobody thinks it holds it', async () => {
    const s = openStore('memory://', { backend: failingBackend });
    await expect(s.lease('k', 'A', 100)).rejects.toBeInstanceOf(StoreError);
  });
});

needing('redis').describe('leases in Redis', () => {
  afterAll(async () => {
    await dropPrefix(prefix);
  });

  it('two clients (two machines) never hold the same lease', async () => {
    const a = openStore(sharedRedisUrl(prefix));
    const b = openStore(sharedRedisUrl(prefix));
    await exercise(a, b);
    await race(a, b);
    await Promise.all([a.close(), b.close()]);
  });
});
