import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, StoreError, type Store } from '../../src/store/index.js';
import { captureLogs } from '../discord/harness.js';
import { has, needing } from '../requirements.js';
import { dropPrefix, PrivateRedis, sharedRedisUrl, SHARED_REDIS, uniquePrefix } from './redis.js';

const dirs: string[] = [];
function sqliteUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-store-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'nested', 'whosaid.sqlite')}`;
}

const prefixes: string[] = [];
function redisUrl(): string {
  const prefix = uniquePrefix('store');
  prefixes.push(prefix);
  return sharedRedisUrl(prefix);
}

afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (has('redis')) for (const p of prefixes) await dropPrefix(p);
});

describe.each([
  ['sqlite', sqliteUrl],
  ['redis', redisUrl],
])('the %s store', (kind, makeUrl) => {
  const { it } = needing(...(kind === 'redis' ? (['redis'] as const) : []));
  const open: Store[] = [];
  const openAt = (url: string) => {
    const s = openStore(url);
    open.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('keeps sessions, settings, feedback and uploads across a restart', async () => {
    const url = makeUrl();
    const first = openAt(url);
    expect(first.kind).toBe(kind);
    await first.set('session', 'abc', { items: [1, 2, 3] });
    await first.set('settings', 'g1', { visibility: 'ephemeral' });
    await first.set('feedback', 'g1:abc:u1', { vote: 'down' });
    await first.set('uploads', 'g1/notes.txt', { data: Buffer.from('bytes').toString('base64') });
    await first.close();

    const second = openAt(url);
    expect(await second.get('session', 'abc')).toEqual({ items: [1, 2, 3] });
    expect(await second.get('settings', 'g1')).toEqual({ visibility: 'ephemeral' });
    expect(await second.get('feedback', 'g1:abc:u1')).toEqual({ vote: 'down' });
    expect(await second.get('uploads', 'g1/notes.txt')).toEqual({ data: 'Ynl0ZXM=' });
    // Namespaces do not mix.
    expect(await second.get('settings', 'abc')).toBeUndefined();
  });

  it('lists the entries under a prefix, in key order, taking wildcard characters literally', async () => {
    const store = openAt(makeUrl());
    for (const key of ['g1/b.txt', 'g1/a.md', 'g10/c.txt', 'g2/a.txt', 'g%/x', 'g_/y', 'g*/z'])
      await store.set('uploads', key, key.toUpperCase());
    expect(await store.list('uploads', 'g1/')).toEqual([
      { key: 'g1/a.md', value: 'G1/A.MD' },
      { key: 'g1/b.txt', value: 'G1/B.TXT' },
    ]);
    expect((await store.list('uploads', 'g%/')).map((e) => e.key)).toEqual(['g%/x']);
    expect((await store.list('uploads', 'g_/')).map((e) => e.key)).toEqual(['g_/y']);
    expect((await store.list('uploads', 'g*/')).map((e) => e.key)).toEqual(['g*/z']);
    expect(await store.list('session', 'g1/')).toEqual([]);
    expect(await store.delete('uploads', 'g1/a.md')).toBe(true);
    expect((await store.list('uploads', 'g1/')).map((e) => e.key)).toEqual(['g1/b.txt']);
  });

  it('counts atomically across two processes sharing it', async () => {
    const url = makeUrl();
    const a = openAt(url);
    const b = openAt(url);
    const counts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).increment('ratelimit', 'user:1')),
    );
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (const c of counts) {
      expect(c.resetInMs).toBeGreaterThan(0);
      expect(c.resetInMs).toBeLessThanOrEqual(60_000);
    }
    expect((await a.increment('ratelimit', 'user:2')).count).toBe(1);
  });
});

describe('expiry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('SQLite: a session is gone after 15 minutes, a setting is kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    const store = openStore(sqliteUrl());
    await store.set('session', 's', 1);
    await store.set('settings', 'g', { visibility: 'public' });
    vi.setSystemTime(new Date('2025-01-01T00:15:01Z'));
    expect(await store.get('session', 's')).toBeUndefined();
    expect(await store.list('session', '')).toEqual([]);
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    expect(await store.get('settings', 'g')).toEqual({ visibility: 'public' });
    await store.close();
  });

  needing('redis').it(
    'Redis: sessions carry a 15-minute expiry, counters a one-minute one, settings none',
    async () => {
      const prefix = uniquePrefix('ttl');
      prefixes.push(prefix);
      const store = openStore(sharedRedisUrl(prefix));
      await store.set('session', 's', 1);
      await store.set('settings', 'g', { visibility: 'public' });
      await store.increment('ratelimit', 'u');
      await store.close();
      const client = createClient({ url: SHARED_REDIS });
      await client.connect();
      const session = await client.pTTL(`${prefix}session::s`);
      expect(session).toBeGreaterThan(14 * 60_000);
      expect(session).toBeLessThanOrEqual(15 * 60_000);
      const counter = await client.pTTL(`${prefix}ratelimit::u`);
      expect(counter).toBeGreaterThan(0);
      expect(counter).toBeLessThanOrEqual(60_000);
      expect(await client.pTTL(`${prefix}settings::g`)).toBe(-1);
      await client.close();
    },
  );
});

needing('redis-server').describe('a Redis that goes away and comes back', () => {
  let redis: PrivateRedis | undefined;
  afterAll(async () => {
    await redis?.stop();
  });

  it('fails fast with StoreError, logs one error, recovers on its own and loses nothing', async () => {
    redis = await PrivateRedis.start();
    const logs = captureLogs();
    const store = openStore(redis.url, { logger: logs.logger });
    await store.set('settings', 'g', { visibility: 'ephemeral' });
    await store.set('session', 'kept', { page: 2 });

    await redis.down();
    await logs.waitFor((l) => l.msg.startsWith('store unreachable'));
    for (let i = 0; i < 5; i++) await expect(store.get('settings', 'g')).rejects.toBeInstanceOf(StoreError);
    await expect(store.increment('ratelimit', 'u')).rejects.toBeInstanceOf(StoreError);
    expect(store.healthy).toBe(false);
    expect(logs.lines.filter((l) => l.level >= 50)).toHaveLength(1);

    await redis.up();
    await logs.waitFor((l) => l.msg === 'store reachable again');
    expect(store.healthy).toBe(true);
    expect(await store.get('settings', 'g')).toEqual({ visibility: 'ephemeral' });
    expect(await store.get('session', 'kept')).toEqual({ page: 2 });
    expect(logs.lines.filter((l) => l.level >= 50)).toHaveLength(1);
    await store.close();
  });

  it('a store opened while Redis is down answers StoreError, then works once Redis is up', async () => {
    redis ??= await PrivateRedis.start();
    await redis.down();
    const logs = captureLogs();
    const store = openStore(redis.url, { logger: logs.logger });
    await expect(store.get('session', 'x')).rejects.toBeInstanceOf(StoreError);
    await redis.up();
    await logs.waitFor((l) => l.msg === 'store reachable again');
    await store.set('session', 'x', 1);
    expect(await store.get('session', 'x')).toBe(1);
    await store.close();
  });
});
