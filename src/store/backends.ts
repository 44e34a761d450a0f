// Where the keyv namespaces live: an in-process Map, a SQLite file, or Redis. Each backend gives keyv
// its adapter per namespace and adds the two things keyv has no call for: listing the keys under a
// prefix (uploads of one server, its unanswered questions) and an atomic counter (rate limits shared
// by every process).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvRedis, { createClient } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
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

const COUNTERS = 'whosaid_counters';
const LEASES = 'whosaid_leases';

/**
 * A SQLite file: every process on the machine that opens it shares the state. WAL and a busy timeout
 * let several processes write without "database is locked"; expired rows are purged now and then,
 * since keyv only drops an expired value when it happens to read it.
 */
export class SqliteBackend implements Backend {
  readonly kind = 'sqlite';
  readonly keyvPrefixes = true;
  private readonly adapters = new Map<string, KeyvSqlite>();
  private readonly main: KeyvSqlite;
  private readonly ready: Promise<void>;
  private readonly purger: NodeJS.Timeout;

  constructor(readonly path: string) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    this.main = this.open();
    this.ready = this.setUp();
    this.ready.catch(() => {});
    this.purger = setInterval(() => this.purge().catch(() => {}), 10 * 60_000);
    this.purger.unref();
  }

  /**
   * The pragma and our table go through the main connection, before any operation: switching to WAL
   * while another connection of ours writes can fail SQLITE_BUSY without waiting (SQLite does not
   * call the busy handler there), so it is tried again a few times rather than failing the store.
   */
  private async setUp(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.main.query('PRAGMA journal_mode=WAL');
        await this.main.query(
          `CREATE TABLE IF NOT EXISTS ${COUNTERS}(key TEXT PRIMARY KEY, count INTEGER NOT NULL, ` +
            'expires INTEGER NOT NULL)',
        );
        await this.main.query(
          `CREATE TABLE IF NOT EXISTS ${LEASES}(key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL)`,
        );
        await this.purge();
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  /** Operations wait for the set-up, so none of them races the switch to WAL. */
  connected(): Promise<void> {
    return this.ready;
  }

  private open(): KeyvSqlite {
    // A busy connection waits its turn rather than failing: under load several connections of this
    // process and others share the file, and the store's own 1 s limit still bounds every operation.
    const adapter = new KeyvSqlite({ uri: `sqlite://${this.path}`, table: 'keyv', busyTimeout: 5000 });
    adapter.on('error', () => {}); // reported by the operation that failed
    return adapter;
  }

  adapter(physical: string): KeyvStoreAdapter {
    let a = this.adapters.get(physical);
    if (!a) {
      // One connection per namespace: keyv writes its namespace onto the adapter it is given.
      a = this.open();
      this.adapters.set(physical, a);
    }
    return a;
  }

  // keys and increment run after connected(), that is after the set-up: no wait of their own.
  async keys(physical: string, prefix: string): Promise<string[]> {
    const low = `${physical}:${prefix}`;
    // A range on the primary key: no LIKE, so no escaping of "%" and "_" in keys.
    const rows = (await this.main.query(
      'SELECT key FROM keyv WHERE key >= ? AND key < ? ORDER BY key',
      low,
      `${low}\uffff`,
    )) as Array<{ key: string }>;
    return rows.map((r) => r.key.slice(physical.length + 1));
  }

  async increment(physical: string, key: string, ttlMs: number): Promise<Count> {
    const now = Date.now();
    // One statement, so two processes counting at once cannot both read the same old count.
    const rows = (await this.main.query(
      `INSERT INTO ${COUNTERS}(key, count, expires) VALUES(?, 1, ?)
       ON CONFLICT(key) DO UPDATE SET
         count = CASE WHEN expires <= ? THEN 1 ELSE count + 1 END,
         expires = CASE WHEN expires <= ? THEN excluded.expires ELSE expires END
       RETURNING count, expires`,
      `${physical}:${key}`,
      now + ttlMs,
      now,
      now,
    )) as Array<{ count: number; expires: number }>;
    return { count: rows[0].count, resetInMs: rows[0].expires - now };
  }

  async lease(physical: string, key: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    // One statement: the row is written only when free, lapsed or ours, and RETURNING says whether it was.
    const rows = (await this.main.query(
      `INSERT INTO ${LEASES}(key, owner, expires) VALUES(?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires
         WHERE ${LEASES}.expires <= ? OR ${LEASES}.owner = excluded.owner
       RETURNING owner`,
      `${physical}:${key}`,
      owner,
      now + ttlMs,
      now,
    )) as Array<{ owner: string }>;
    return rows.length === 1 && rows[0].owner === owner;
  }

  async release(physical: string, key: string, owner: string): Promise<void> {
    await this.main.query(`DELETE FROM ${LEASES} WHERE key = ? AND owner = ?`, `${physical}:${key}`, owner);
  }

  private async purge(): Promise<void> {
    const now = Date.now();
    await this.main.query(
      'DELETE FROM keyv WHERE json_valid(value) ' +
        "AND json_extract(value, '$.expires') IS NOT NULL AND json_extract(value, '$.expires') < ?",
      now,
    );
    await this.main.query(`DELETE FROM ${COUNTERS} WHERE expires <= ?`, now);
    await this.main.query(`DELETE FROM ${LEASES} WHERE expires <= ?`, now);
  }

  async close(): Promise<void> {
    clearInterval(this.purger);
    await this.ready.catch(() => {});
    await Promise.allSettled([this.main, ...this.adapters.values()].map((a) => a.disconnect()));
  }
}

/**
 * Redis, shared by every process on every machine. One connection for all namespaces; commands fail
 * at once while it is down (no offline queue: a question must not wait for Redis), and it reconnects
 * on its own, backing off to one attempt every 2 s. Keys are `<prefix><namespace>::<key>`.
 */
export class RedisBackend implements Backend {
  readonly kind = 'redis';
  readonly keyvPrefixes = false;
  private readonly client;
  private readonly adapters = new Map<string, KeyvRedis<unknown>>();
  private readonly listeners: Array<(up: boolean, reason?: string) => void> = [];
  /** Pending until the first connection succeeds or fails: operations wait for it, not for retries. */
  private readonly first: Promise<void>;

  constructor(url: string) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (attempt: number) => Math.min(100 * 2 ** attempt, 2000) },
    });
    this.client.setMaxListeners(50);
    let settle!: () => void;
    this.first = new Promise<void>((resolve) => (settle = resolve));
    this.client.on('error', (err: Error) => {
      settle();
      this.tell(false, err.message || String(err));
    });
    this.client.on('ready', () => {
      settle();
      this.tell(true);
    });
    // Connecting goes on in the background: the bot answers while Redis is still out of reach.
    this.client.connect().catch(() => {});
  }

  private tell(up: boolean, reason?: string): void {
    for (const l of this.listeners) l(up, reason);
  }

  onHealth(listener: (up: boolean, reason?: string) => void): void {
    this.listeners.push(listener);
  }

  connected(): Promise<void> {
    return this.first;
  }

  adapter(physical: string): KeyvStoreAdapter {
    let a = this.adapters.get(physical);
    if (!a) {
      a = new KeyvRedis(this.client, { namespace: physical, throwOnErrors: true, throwOnConnectError: true });
      a.on('error', () => {}); // reported by the operation that failed, and once by the store
      this.adapters.set(physical, a);
    }
    return a;
  }

  async keys(physical: string, prefix: string): Promise<string[]> {
    const head = `${physical}::`;
    const match = `${globEscape(head + prefix)}*`;
    const found = new Set<string>();
    let cursor = '0';
    do {
      const page = await this.client.scan(cursor, { MATCH: match, COUNT: 500 });
      cursor = String(page.cursor);
      for (const k of page.keys) found.add(String(k).slice(head.length));
    } while (cursor !== '0');
    return [...found].sort();
  }

  async increment(physical: string, key: string, ttlMs: number): Promise<Count> {
    const id = `${physical}::${key}`;
    // The first increment of a window creates the key with its lifetime; INCR keeps that lifetime.
    const [, count, pttl] = await this.client.multi().set(id, '0', { PX: ttlMs, NX: true }).incr(id).pTTL(id).exec();
    return { count: Number(count), resetInMs: Math.max(0, Number(pttl)) };
  }

  async lease(physical: string, key: string, owner: string, ttlMs: number): Promise<boolean> {
    const id = `${physical}::${key}`;
    const taken = await this.client.eval(LEASE_SCRIPT, { keys: [id], arguments: [owner, String(ttlMs)] });
    return Number(taken) === 1;
  }

  async release(physical: string, key: string, owner: string): Promise<void> {
    await this.client.eval(RELEASE_SCRIPT, { keys: [`${physical}::${key}`], arguments: [owner] });
  }

  async close(): Promise<void> {
    this.listeners.length = 0;
    if (!this.client.isOpen) return;
    // QUIT lets commands already sent finish; while disconnected there is nothing to wait for.
    await (this.client.isReady ? this.client.close() : this.client.destroy());
  }
}

// Scripts run atomically in Redis: nobody can take the key between the read and the write.
const LEASE_SCRIPT = `local held = redis.call('GET', KEYS[1])
if held == false or held == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}
