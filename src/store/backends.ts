// Where the keyv namespaces live: an in-process Map, a SQLite file, or Redis. Each backend gives keyv
// its adapter per namespace and adds the two things keyv has no call for: listing the keys under a
// prefix (uploads of one server, its unanswered questions) and an atomic counter (rate limits shared
// by every process).
// The SQLite and Redis backends are in sqlite.ts and redis.ts.
import type { KeyvStoreAdapter } from 'keyv';

export interface Count {
  count: number;
  /** Time left before the counter starts again from zero. */
  resetInMs: number;
}

export interface Backend {
  readonly kind: 'memory' | 'sqlite' | 'redis' | 'custom';
  /** The adapter keyv keeps one namespace in (`physical` is the namespace's name in the backend). */
  adapter(physical: string): KeyvStoreAdapter | Map<unknown, unknown>;
  /** Whether keyv should put `namespace:` before keys itself (Redis adapters prefix on their own). */
  readonly keyvPrefixes: boolean;
  /** The keys of a namespace that start with `prefix`, without the namespace, sorted. */
  keys(physical: string, prefix: string): Promise<string[]>;
  /** Adds one to a counter that expires `ttlMs` after its first increment. Absent: done through keyv. */
  increment?(physical: string, key: string, ttlMs: number): Promise<Count>;
  /** Takes `key` for `owner` for `ttlMs` when it is free, lapsed or `owner`'s already; atomic. */
  lease(physical: string, key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees `key` when `owner` holds it. */
  release(physical: string, key: string, owner: string): Promise<void>;
  /** Resolves when a first connection is made, at once when the backend cannot connect right now. */
  connected?(): Promise<void>;
  /** Called with false when the backend loses its connection and true when it has it again. */
  onHealth?(listener: (up: boolean, reason?: string) => void): void;
  close(): Promise<void>;
}

/** Entries a memory namespace keeps: expired values are only dropped when read, so the oldest go. */
export const MEMORY_ENTRIES = 20_000;

/** A Map that forgets its oldest entry past a size: memory:// must not grow for as long as the bot runs. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

/** State in this process only: tests, and `STORE_URL=memory://`. */
export class MemoryBackend implements Backend {
  readonly keyvPrefixes = true;
  private readonly maps = new Map<string, Map<unknown, unknown>>();
  private readonly counters = new Map<string, { count: number; expires: number }>();
  private readonly leases = new Map<string, { owner: string; expires: number }>();

  constructor(
    readonly kind: 'memory' | 'custom' = 'memory',
    private readonly make: (physical: string) => KeyvStoreAdapter | Map<unknown, unknown> = () =>
      new BoundedMap(MEMORY_ENTRIES),
  ) {}

  adapter(physical: string): KeyvStoreAdapter | Map<unknown, unknown> {
    let m = this.maps.get(physical);
    if (!m) {
      m = this.make(physical) as Map<unknown, unknown>;
      this.maps.set(physical, m);
    }
    return m;
  }

  async keys(physical: string, prefix: string): Promise<string[]> {
    const m = this.adapter(physical);
    if (!(m instanceof Map)) return [];
    const head = `${physical}:${prefix}`;
    // Awaited: a test's hanging adapter answers with a promise that never settles.
    const keys = (await (m.keys() as unknown)) as Iterable<unknown>;
    return [...keys]
      .map(String)
      .filter((k) => k.startsWith(head))
      .map((k) => k.slice(physical.length + 1))
      .sort();
  }

  async increment(physical: string, key: string, ttlMs: number): Promise<Count> {
    if (this.kind === 'custom') return incrementThroughAdapter(this.adapter(physical), `${physical}:${key}`, ttlMs);
    return countInWindow(this.counters, `${physical}:${key}`, ttlMs);
  }

  async lease(physical: string, key: string, owner: string, ttlMs: number): Promise<boolean> {
    const id = `${physical}:${key}`;
    if (this.kind === 'custom') return leaseThroughAdapter(this.adapter(physical), id, owner, ttlMs);
    const now = Date.now();
    const held = this.leases.get(id);
    if (held && held.expires > now && held.owner !== owner) return false;
    this.leases.set(id, { owner, expires: now + ttlMs });
    return true;
  }

  async release(physical: string, key: string, owner: string): Promise<void> {
    const id = `${physical}:${key}`;
    if (this.kind === 'custom') {
      const adapter = this.adapter(physical);
      const held = (await adapter.get(id)) as { owner: string } | undefined;
      if (held?.owner === owner) await adapter.delete(id);
      return;
    }
    if (this.leases.get(id)?.owner === owner) this.leases.delete(id);
  }

  async close(): Promise<void> {
    this.maps.clear();
    this.counters.clear();
    this.leases.clear();
  }
}

/** Adds one to `id`'s counter in `counters`, starting a new window of `ttlMs` when the last has ended. */
export function countInWindow(
  counters: Map<string, { count: number; expires: number }>,
  id: string,
  ttlMs: number,
  now = Date.now(),
): Count {
  let c = counters.get(id);
  if (!c || c.expires <= now) {
    c = { count: 0, expires: now + ttlMs };
    counters.set(id, c);
  }
  c.count++;
  return { count: c.count, resetInMs: c.expires - now };
}

/** A test's adapter (failing, hanging): its counter goes through it, so it fails as it does. */
async function incrementThroughAdapter(
  adapter: KeyvStoreAdapter | Map<unknown, unknown>,
  id: string,
  ttlMs: number,
): Promise<Count> {
  const now = Date.now();
  const raw = (await adapter.get(id)) as { count: number; expires: number } | undefined;
  const c =
    raw && raw.expires > now ? { count: raw.count + 1, expires: raw.expires } : { count: 1, expires: now + ttlMs };
  await adapter.set(id, c);
  return { count: c.count, resetInMs: c.expires - now };
}

/** A test's adapter: not atomic, but it fails and hangs as the adapter does. */
async function leaseThroughAdapter(
  adapter: KeyvStoreAdapter | Map<unknown, unknown>,
  id: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  const now = Date.now();
  const held = (await adapter.get(id)) as { owner: string; expires: number } | undefined;
  if (held && held.expires > now && held.owner !== owner) return false;
  await adapter.set(id, { owner, expires: now + ttlMs });
  return true;
}
