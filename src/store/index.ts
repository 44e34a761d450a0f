// State that outlives one message: button sessions and feedback. The rest of the code sees only
// `Store`; keyv (and, later, its SQLite and Redis adapters) stays behind this file.
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type { Logger } from '../log.js';

/** What the bot keeps, each kind under its own namespace with its own lifetime. */
export const NAMESPACES = {
  /** A posted answer's items, for its More / Context / 👍👎 buttons. */
  session: { ttlMs: 15 * 60_000 },
  /** One vote per person per answer. Kept until the next issue decides retention; a year for now. */
  feedback: { ttlMs: 365 * 24 * 60 * 60_000 },
} as const;

export type Namespace = keyof typeof NAMESPACES;

/** Raised by every Store method when the backend fails, so callers can degrade instead of crash. */
export class StoreError extends Error {
  constructor(operation: string, namespace: Namespace, cause: unknown) {
    super(`store ${operation} in ${namespace} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreError';
  }
}

export interface Store {
  /** `memory`, `sqlite` or `redis`: where the state lives, for logs and health. */
  readonly kind: string;
  get<T>(namespace: Namespace, key: string): Promise<T | undefined>;
  /** ttlMs defaults to the namespace's lifetime. */
  set<T>(namespace: Namespace, key: string, value: T, ttlMs?: number): Promise<void>;
  delete(namespace: Namespace, key: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  logger?: Logger;
  /**
   * Builds the keyv backend of one namespace. Default: an in-process Map. The tests pass a failing
   * adapter here; the next issue builds @keyv/sqlite and @keyv/redis ones from STORE_URL.
   */
  backend?: (namespace: Namespace) => KeyvStoreAdapter | Map<unknown, unknown>;
  /**
   * Longest wait for one operation before it fails. Discord wants an answer within 3 seconds: a store
   * that hangs (a Redis far away or down) must cost the buttons, not the answer. Default 1 s.
   */
  timeoutMs?: number;
}

/**
 * Opens the store for STORE_URL. Only memory exists yet: sqlite:// and redis:// URLs are accepted by
 * the configuration (their packages are installed) but fall back to memory with a warning until the
 * persistence issue wires them.
 */
export function openStore(url: string, options: OpenStoreOptions = {}): Store {
  const scheme = url.split(':')[0];
  if (!options.backend && scheme !== 'memory') {
    options.logger?.warn(
      { store: scheme },
      `STORE_URL ${scheme}:// is not wired yet; keeping state in memory (buttons and feedback are lost on restart)`,
    );
  }
  return new KeyvStore(options);
}

class KeyvStore implements Store {
  readonly kind: string;
  private readonly spaces = new Map<Namespace, Keyv>();
  private closed = false;

  constructor(private readonly options: OpenStoreOptions) {
    this.kind = options.backend ? 'custom' : 'memory';
  }

  private space(namespace: Namespace): Keyv {
    let k = this.spaces.get(namespace);
    if (!k) {
      const store = this.options.backend?.(namespace) ?? new Map();
      // throwOnErrors: keyv otherwise turns a failed read into "not found", and an expired-looking
      // button is a worse answer than "I can't reach my memory right now".
      k = new Keyv({ store, namespace, ttl: NAMESPACES[namespace].ttlMs, throwOnErrors: true });
      k.on('error', (err: unknown) => this.options.logger?.warn({ namespace, err: String(err) }, 'store error'));
      this.spaces.set(namespace, k);
    }
    return k;
  }

  private async run<T>(operation: string, namespace: Namespace, work: (k: Keyv) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError(operation, namespace, 'the store is closed');
    let timer: NodeJS.Timeout | undefined;
    const limit = this.options.timeoutMs ?? 1000;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
    });
    try {
      return await Promise.race([work(this.space(namespace)), timeout]);
    } catch (err) {
      throw new StoreError(operation, namespace, err);
    } finally {
      clearTimeout(timer);
    }
  }

  get<T>(namespace: Namespace, key: string): Promise<T | undefined> {
    return this.run('get', namespace, (k) => k.get<T>(key));
  }

  async set<T>(namespace: Namespace, key: string, value: T, ttlMs?: number): Promise<void> {
    const ok = await this.run('set', namespace, (k) => k.set(key, value, ttlMs ?? NAMESPACES[namespace].ttlMs));
    if (ok === false) throw new StoreError('set', namespace, 'the backend refused the write');
  }

  delete(namespace: Namespace, key: string): Promise<boolean> {
    return this.run('delete', namespace, (k) => k.delete(key));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.spaces.values()].map((k) => k.disconnect()));
    this.spaces.clear();
  }
}
