// Per-server settings, in the store. Read on every answer, so kept here for a short while: a server's
// interactions all reach the one process that runs its shard, and that process updates its copy when
// /settings changes them, so the copy is stale only after a reshard, and for at most CACHE_MS.
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';

export type Visibility = 'public' | 'ephemeral';

export interface ServerSettings {
  /** Whether answers are posted for the channel or shown only to the asker. */
  visibility: Visibility;
}

export const DEFAULT_SETTINGS: ServerSettings = { visibility: 'public' };
const CACHE_MS = 30_000;

export class Settings {
  private readonly cache = new Map<string, { value: ServerSettings; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
  ) {}

  /** A server's settings; the defaults for DMs and while the store is down. */
  async get(guildId: string | null): Promise<ServerSettings> {
    if (!guildId) return DEFAULT_SETTINGS;
    const cached = this.cache.get(guildId);
    if (cached && cached.until > Date.now()) return cached.value;
    try {
      const stored = await this.store.get<Partial<ServerSettings>>('settings', guildId);
      const value = { ...DEFAULT_SETTINGS, ...stored };
      this.remember(guildId, value);
      return value;
    } catch (err) {
      this.logger?.debug(
        { guild: guildId, err: String(err) },
        'settings unavailable: using the last known or the defaults',
      );
      return cached?.value ?? DEFAULT_SETTINGS;
    }
  }

  /** Saves a change; throws StoreError when the store is down (nothing changed then). */
  async update(guildId: string, change: Partial<ServerSettings>): Promise<ServerSettings> {
    const current = await this.store.get<Partial<ServerSettings>>('settings', guildId);
    const value = { ...DEFAULT_SETTINGS, ...current, ...change };
    await this.store.set('settings', guildId, value);
    this.remember(guildId, value);
    return value;
  }

  private remember(guildId: string, value: ServerSettings): void {
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(guildId, { value, until: Date.now() + CACHE_MS });
  }
}
