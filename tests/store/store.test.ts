import { afterEach, describe, expect, it, vi } from 'vitest';
import { NAMESPACES, openStore, StoreError } from '../../src/store/index.js';
import { failingBackend, hangingBackend } from './failing.js';
import { BoundedMap, MEMORY_ENTRIES } from '../../src/store/backends.js';

describe('the store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps values per namespace: the same key in two namespaces is two values', async () => {
    const store = openStore('memory://');
    await store.set('session', 'k', { page: 1 });
    await store.set('feedback', 'k', 'up');
    expect(await store.get('session', 'k')).toEqual({ page: 1 });
    expect(await store.get('feedback', 'k')).toBe('up');
    expect(await store.delete('session', 'k')).toBe(true);
    expect(await store.get('session', 'k')).toBeUndefined();
    expect(await store.get('feedback', 'k')).toBe('up');
    await store.close();
  });

  it('forgets a session after its namespace TTL (15 minutes), and honours a TTL given per value', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    const store = openStore('memory://');
    await store.set('session', 'a', 1);
    await store.set('session', 'b', 2, 60_000);
    expect(NAMESPACES.session.ttlMs).toBe(15 * 60_000);
    vi.setSystemTime(new Date('2025-01-01T00:01:01Z'));
    expect(await store.get('session', 'a')).toBe(1);
    expect(await store.get('session', 'b')).toBeUndefined();
    vi.setSystemTime(new Date('2025-01-01T00:15:01Z'));
    expect(await store.get('session', 'a')).toBeUndefined();
    await store.close();
  });

  it('turns backend failures into StoreError instead of "not found"', async () => {
    const store = openStore('memory://', { backend: failingBackend });
    await expect(store.get('session', 'x')).rejects.toBeInstanceOf(StoreError);
    await expect(store.set('session', 'x', 1)).rejects.toThrow(/store set in session failed: connection refused/);
    await expect(store.delete('session', 'x')).rejects.toBeInstanceOf(StoreError);
  });

  it('fails an operation the backend never answers, instead of waiting for it', async () => {
    const store = openStore('memory://', { backend: hangingBackend, timeoutMs: 20 });
    await expect(store.get('session', 'x')).rejects.toThrow(/store get in session failed: no answer within 20 ms/);
  });

  it('refuses work once closed, and closing twice is harmless', async () => {
    const store = openStore('memory://');
    await store.close();
    await store.close();
    await expect(store.get('session', 'x')).rejects.toThrow(/closed/);
  });
});

describe('the memory store over a long run', () => {
  it('keeps at most MEMORY_ENTRIES values a namespace, forgetting the oldest', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ] as const)
      map.set(k, v);
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
    map.set('c', 30);
    expect([...map.entries()]).toEqual([
      ['b', 2],
      ['c', 30],
      ['d', 4],
    ]);
    expect(MEMORY_ENTRIES).toBeGreaterThanOrEqual(10_000);
  });
});
