// The SQLite backend (see Backend in backends.ts): state shared by the processes of one machine.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import type { KeyvStoreAdapter } from 'keyv';
import type { Backend, Count } from './backends.js';

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
