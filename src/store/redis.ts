// The Redis backend (see Backend in backends.ts): state shared by every process on every machine.
import KeyvRedis, { createClient } from '@keyv/redis';
import type { KeyvStoreAdapter } from 'keyv';
import type { Backend, Count } from './backends.js';

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
