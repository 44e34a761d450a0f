// State that outlives one message and is shared by every bot process: button sessions, feedback,
// rate-limit counters, server settings, uploaded articles. The rest of the code sees only `Store`;
// keyv and its SQLite and Redis adapters stay behind this folder.
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type { Logger } from '../log.js';
import { MemoryBackend, type Backend, type Count } from './backends.js';
import { RedisBackend } from './redis.js';
import { SqliteBackend } from './sqlite.js';

export { countInWindow, type Count } from './backends.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What the bot keeps, each kind under its own namespace with its own lifetime (null: kept until removed). */
export const NAMESPACES = {
  /** A posted answer's items, for its More / Context / 👍👎 buttons. */
  session: { ttlMs: 15 * MINUTE },
  /** One vote per person per answer, keyed `<server or dm>:<session>:<user>`. */
  feedback: { ttlMs: 365 * DAY },
  /** Questions per user in the current window. */
  ratelimit: { ttlMs: MINUTE },
  /** Per server: how answers are shown. */
  settings: { ttlMs: null },
  /** Questions nothing was found for, keyed `<server or dm>:<time>:<random>`, for /corpus gaps. */
  unanswered: { ttlMs: 30 * DAY },
  /** Answers keyed by corpus version, server scope and question: another process asked it already. */
  answers: { ttlMs: 60 * MINUTE },
  /** Articles servers uploaded (raw bytes), keyed `<server>/<file name>`. */
  uploads: { ttlMs: null },
  /** Who each person's last answer in a channel was about, keyed `<channel>:<user>`, for "what else did he say?". */
  context: { ttlMs: 30 * MINUTE },
  /** Bookkeeping of the shared corpus: the generation of the uploads, which processes poll. */
  corpus: { ttlMs: null },
  /** Web pages added by link or from a feed (raw bytes, gzip), keyed `<server or base>/<page id>`. */
  pages: { ttlMs: null },
  /** The addresses and text hashes of those pages, keyed `<server or base>:<u|t>:<hash>`: each story once. */
  seen: { ttlMs: null },
  /** Followed feeds and their polling state, keyed `<server or base>/<feed id>`. */
  feeds: { ttlMs: null },
  /** Pages added per server and day, keyed `<server or base>:<day>`. */
  quota: { ttlMs: DAY },
  /** Who is doing a job that only one process may do at a time (polling a feed). */
  lease: { ttlMs: 10 * MINUTE },
} as const satisfies Record<string, { ttlMs: number | null }>;

export type Namespace = keyof typeof NAMESPACES;

/** Raised by every Store method when the backend fails, so callers can degrade instead of crash. */
export class StoreError extends Error {
  constructor(operation: string, namespace: Namespace, cause: unknown) {
    super(`store ${operation} in ${namespace} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'StoreError';
  }
}

export interface Entry<T> {
  key: string;
  value: T;
}

export interface Store {
  /** `memory`, `sqlite`, `redis` or `custom`: where the state lives, for logs and health. */
  readonly kind: string;
  /** False from a failure until the next success (or, for Redis, until it reconnects). */
  readonly healthy: boolean;
  get<T>(namespace: Namespace, key: string): Promise<T | undefined>;
  /** ttlMs defaults to the namespace's lifetime. */
  set<T>(namespace: Namespace, key: string, value: T, ttlMs?: number): Promise<void>;
  delete(namespace: Namespace, key: string): Promise<boolean>;
  /** The live entries whose key starts with `prefix`, in key order. */
  list<T>(namespace: Namespace, prefix: string): Promise<Entry<T>[]>;
  /**
   * Adds one to a counter living `ttlMs` (default: the namespace's) from its first increment; atomic
   * across processes.
   */
  increment(namespace: Namespace, key: string, ttlMs?: number): Promise<Count>;
  /**
   * Takes or renews a lease in the `lease` namespace: true when `owner` now holds `key` for `ttlMs`
   * (it was free, lapsed, or `owner`'s already). Atomic across processes and machines.
   */
  lease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease up before it lapses, when `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  logger?: Logger;
  /** Replaces the backend's adapter of each namespace: the tests pass failing and hanging ones. */
  backend?: (namespace: Namespace) => KeyvStoreAdapter | Map<unknown, unknown>;
  /**
   * Longest wait for one operation before it fails. Discord wants an answer within 3 seconds: a store
   * that hangs (a Redis far away or down) must cost the buttons, not the answer. Default 1 s.
   */
  timeoutMs?: number;
  /** After a timeout, operations fail at once for this long before one tries again. Default 1 s. */
  retryMs?: number;
}

/**
 * Opens the store for STORE_URL: `sqlite://path` (relative to the working folder; created on first
 * use), `redis://host:port[/db][?prefix=name:]` (keys start with the prefix, default `whosaid:`), or
 * `memory://` (nothing kept across restarts).
 */
export function openStore(url: string, options: OpenStoreOptions = {}): Store {
  return new KeyvStore(backendFor(url, options), options);
}

function backendFor(url: string, options: OpenStoreOptions): { backend: Backend; prefix: string } {
  if (options.backend) {
    const make = options.backend;
    return { backend: new MemoryBackend('custom', (physical) => make(physical as Namespace)), prefix: '' };
  }
  const scheme = url.split(':')[0];
  if (scheme === 'sqlite')
    return { backend: new SqliteBackend(url.slice('sqlite://'.length) || 'data/whosaid.sqlite'), prefix: '' };
  if (scheme === 'redis' || scheme === 'rediss') {
    const u = new URL(url);
    const prefix = u.searchParams.get('prefix') ?? 'whosaid:';
    u.search = '';
    return { backend: new RedisBackend(u.toString()), prefix };
  }
  if (scheme === 'memory') return { backend: new MemoryBackend(), prefix: '' };
  throw new Error(`unsupported STORE_URL scheme "${scheme}"`);
}

class TimeoutError extends Error {}

class KeyvStore implements Store {
  readonly kind: string;
  private readonly backend: Backend;
  private readonly prefix: string;
  private readonly spaces = new Map<Namespace, Keyv>();
  private closed = false;
  /** Since when the store is failing, for the log line when it is back. */
  private down: { since: number } | null = null;
  /** When an operation last timed out (or last tried again after one). */
  private stalled: number | null = null;

  constructor(
    { backend, prefix }: { backend: Backend; prefix: string },
    private readonly options: OpenStoreOptions,
  ) {
    this.backend = backend;
    this.prefix = prefix;
    this.kind = backend.kind;
    backend.onHealth?.((up, reason) => {
      if (!up) return this.markDown(reason ?? 'connection lost');
      // Connected again: no need to wait for an operation to find out.
      this.stalled = null;
      this.markUp();
    });
  }

  get healthy(): boolean {
    return this.down === null;
  }

  private physical(namespace: Namespace): string {
    return `${this.prefix}${namespace}`;
  }

  private space(namespace: Namespace): Keyv {
    let k = this.spaces.get(namespace);
    if (!k) {
      const ttl = NAMESPACES[namespace].ttlMs ?? undefined;
      // throwOnErrors: keyv otherwise turns a failed read into "not found", and an expired-looking
      // button is a worse answer than "I can't reach my memory right now".
      k = new Keyv({
        store: this.backend.adapter(this.physical(namespace)),
        namespace: this.physical(namespace),
        ttl,
        throwOnErrors: true,
        useKeyPrefix: this.backend.keyvPrefixes,
      });
      // Failures reach the caller as StoreError and the log once as "store unreachable".
      k.on('error', (err: unknown) => this.options.logger?.debug({ namespace, err: String(err) }, 'store error'));
      this.spaces.set(namespace, k);
    }
    return k;
  }

  private markDown(reason: string): void {
    if (this.down) return;
    this.down = { since: Date.now() };
    this.options.logger?.error(
      { store: this.kind, reason },
      'store unreachable: answers go on, but buttons, feedback, settings, shared rate limits and uploads ' +
        'are degraded until it is back',
    );
  }

  private markUp(): void {
    if (!this.down) return;
    const downForMs = Date.now() - this.down.since;
    this.down = null;
    this.options.logger?.info({ store: this.kind, downForMs }, 'store reachable again');
  }

  private async run<T>(operation: string, namespace: Namespace, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError(operation, namespace, 'the store is closed');
    if (this.stalled) {
      // A store that stopped answering would cost every operation the whole timeout: until one
      // tries again, the others fail at once. (A store that refuses fails fast by itself.)
      const now = Date.now();
      if (now - this.stalled < (this.options.retryMs ?? 1000))
        throw new StoreError(operation, namespace, 'no answer recently (trying again shortly)');
      this.stalled = now;
    }
    let timer: NodeJS.Timeout | undefined;
    const limit = this.options.timeoutMs ?? 1000;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`no answer within ${limit} ms`)), limit);
    });
    try {
      const result = await Promise.race([(this.backend.connected?.() ?? Promise.resolve()).then(work), timeout]);
      this.stalled = null;
      this.markUp();
      return result;
    } catch (err) {
      const error = new StoreError(operation, namespace, err);
      if (!this.closed) {
        if (err instanceof TimeoutError) this.stalled = Date.now();
        this.markDown(error.message);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  get<T>(namespace: Namespace, key: string): Promise<T | undefined> {
    return this.run('get', namespace, () => this.space(namespace).get<T>(key));
  }

  async set<T>(namespace: Namespace, key: string, value: T, ttlMs?: number): Promise<void> {
    const ttl = ttlMs ?? NAMESPACES[namespace].ttlMs ?? undefined;
    const ok = await this.run('set', namespace, () => this.space(namespace).set(key, value, ttl));
    if (ok === false) throw new StoreError('set', namespace, 'the backend refused the write');
  }

  delete(namespace: Namespace, key: string): Promise<boolean> {
    return this.run('delete', namespace, () => this.space(namespace).delete(key));
  }

  list<T>(namespace: Namespace, prefix: string): Promise<Entry<T>[]> {
    return this.run('list', namespace, async () => {
      const keys = await this.backend.keys(this.physical(namespace), prefix);
      if (!keys.length) return [];
      const values = await this.space(namespace).getMany<T>(keys);
      const out: Entry<T>[] = [];
      keys.forEach((key, i) => {
        if (values[i] !== undefined) out.push({ key, value: values[i] as T });
      });
      return out;
    });
  }

  increment(namespace: Namespace, key: string, ttlMs?: number): Promise<Count> {
    const ttl = ttlMs ?? NAMESPACES[namespace].ttlMs ?? MINUTE;
    return this.run('increment', namespace, async () => {
      if (this.backend.increment) return this.backend.increment(this.physical(namespace), key, ttl);
      throw new Error('this backend keeps no counters');
    });
  }

  lease(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.run('lease', 'lease', () => this.backend.lease(this.physical('lease'), key, owner, ttlMs));
  }

  release(key: string, owner: string): Promise<void> {
    return this.run('release', 'lease', () => this.backend.release(this.physical('lease'), key, owner));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The backend closes its connections once (Redis namespaces share one), not each keyv.
    this.spaces.clear();
    await this.backend.close();
  }
}

/**
 * Checks, before the bot connects, that a SQLite store can be written: a read-only or locked file, or
 * a folder that cannot hold one, is a mistake to report at once in one line, not as failing buttons
 * later. Redis is not checked: while it is down the bot answers anyway and reconnects on its own.
 * Returns the problem, or null; the store is left open when it works, closed when it does not.
 */
export async function checkStore(
  url: string,
  options: OpenStoreOptions = {},
): Promise<{ store: Store | null; problem: string | null }> {
  let store: Store;
  try {
    store = openStore(url, options);
  } catch (err) {
    return { store: null, problem: `cannot use STORE_URL ${url}: ${(err as Error).message}` };
  }
  if (store.kind !== 'sqlite') return { store, problem: null };
  // The probe goes through a store of its own without the logger: a failure here ends start-up in one
  // line, so the "answers go on, degraded" error the running store would log is not true of it.
  const probe = openStore(url, { ...options, logger: undefined });
  try {
    await probe.set('session', '__whosaid_probe__', 1, 1000);
    await probe.delete('session', '__whosaid_probe__');
    return { store, problem: null };
  } catch (err) {
    await store.close().catch(() => {});
    const cause = err instanceof StoreError && err.cause instanceof Error ? err.cause.message : (err as Error).message;
    return {
      store: null,
      problem: `cannot write to STORE_URL ${url} (read-only, locked, or not a database?): ${cause}`,
    };
  } finally {
    await probe.close().catch(() => {});
  }
}
