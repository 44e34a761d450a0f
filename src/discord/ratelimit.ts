// Questions per user per minute, counted in the store so every process (every shard, every machine)
// adds to the same count. When the store is down each process counts on its own: the limit then holds
// per process, which is looser but still a limit, and questions are never refused for want of a store.
import type { Logger } from '../log.js';
import { countInWindow, type Store } from '../store/index.js';

export interface Verdict {
  allowed: boolean;
  /** Until the window starts again. */
  retryInMs: number;
  /** The count came from this process alone, the store being down. */
  local: boolean;
}

export const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly local = new Map<string, { count: number; expires: number }>();

  constructor(
    private readonly store: Store,
    readonly perMinute: number,
    private readonly logger?: Logger,
  ) {}

  /** Counts one question by `userId` and says whether it may be answered. */
  async hit(userId: string): Promise<Verdict> {
    try {
      const { count, resetInMs } = await this.store.increment('ratelimit', `user:${userId}`, WINDOW_MS);
      return { allowed: count <= this.perMinute, retryInMs: resetInMs, local: false };
    } catch (err) {
      this.logger?.debug({ user: userId, err: String(err) }, 'rate limit counted in this process: store unavailable');
      return { ...this.hitLocally(userId), local: true };
    }
  }

  private hitLocally(userId: string): Omit<Verdict, 'local'> {
    const now = Date.now();
    if (this.local.size > 10_000) for (const [k, v] of this.local) if (v.expires <= now) this.local.delete(k);
    const { count, resetInMs } = countInWindow(this.local, userId, WINDOW_MS, now);
    return { allowed: count <= this.perMinute, retryInMs: resetInMs };
  }
}

/** "Try again in 42 seconds" for people. */
export function waitWords(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}
