// Uploaded articles live in the store, so every bot process (every shard, every machine) sees them.
// A process that adds or removes one rebuilds that server's library, then records the server's new
// fingerprint and bumps the corpus generation; the others poll the generation and rebuild the servers
// whose fingerprint differs from what they hold. Polling a key works the same on SQLite and Redis.
// Pages fetched from the web (by link or from a feed) travel the same way, in the `pages` namespace.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { SHARED_SCOPE, uploadsFingerprint, type LiveLibrary, type ScopeUpdate, type Upload } from './live.js';
import type { PageRecord } from './pages.js';

const GENERATION = 'generation';
const guildKey = (guildId: string) => `guild:${guildId}`;

export interface CorpusSyncOptions {
  pollMs: number;
  logger?: Logger;
}

export class CorpusSync {
  private seen: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly live: LiveLibrary,
    private readonly options: CorpusSyncOptions,
  ) {}

  /** Pulls the uploads once the base corpus is ready, then keeps polling for changes. */
  start(): Promise<void> {
    const first = this.live.ready.then(() => this.refresh());
    first.catch(() => {});
    this.timer = setInterval(() => {
      this.refresh().catch(() => {});
    }, this.options.pollMs);
    this.timer.unref();
    return first;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
  }

  /** Brings every server's library up to date with the store, when the generation moved. */
  refresh(): Promise<void> {
    // One refresh at a time; a poll during one joins it.
    this.running ??= this.pull().finally(() => (this.running = null));
    return this.running;
  }

  private async pull(): Promise<void> {
    if (this.stopped) return;
    let generation: string | undefined;
    let wanted: Map<string, string>;
    try {
      // The generation first: an upload landing after it is caught by the next poll.
      generation = (await this.store.get<string>('corpus', GENERATION)) ?? '';
      if (generation === this.seen) return;
      wanted = new Map(
        (await this.store.list<string>('corpus', 'guild:')).map((e) => [e.key.slice('guild:'.length), e.value]),
      );
    } catch (err) {
      // The store logs that it is down; the libraries already built stay as they are.
      this.options.logger?.debug({ err: String(err) }, 'corpus poll skipped: store unavailable');
      return;
    }
    let complete = true;
    // The shared scope first: every server's library is built on it.
    const scopes = new Set([SHARED_SCOPE, ...wanted.keys(), ...this.live.guilds()]);
    for (const guildId of scopes) {
      if (this.stopped) return;
      if ((wanted.get(guildId) ?? null) === this.live.fingerprintOf(guildId)) continue;
      try {
        const uploads = wanted.has(guildId) ? await this.sourcesOf(guildId) : [];
        this.report(await this.live.setGuild(guildId, uploads), 'another process changed it');
      } catch (err) {
        complete = false;
        this.options.logger?.warn(
          { guild: guildId, err: String(err) },
          "could not update a server's articles; keeping its current ones",
        );
      }
    }
    if (complete) this.seen = generation;
  }

  /** A server's uploads, from the store. Throws StoreError when it is down. */
  async uploadsOf(guildId: string): Promise<Upload[]> {
    return (await this.store.list<Upload>('uploads', `${guildId}/`)).map((e) => e.value);
  }

  /** A server's fetched pages (or the shared scope's), from the store. Throws StoreError when it is down. */
  async pagesOf(scope: string): Promise<PageRecord[]> {
    return (await this.store.list<PageRecord>('pages', `${scope}/`)).map((e) => e.value);
  }

  /** Everything a scope's library is built from: its uploads and its pages. */
  async sourcesOf(scope: string): Promise<Upload[]> {
    const uploads = scope === SHARED_SCOPE ? [] : this.uploadsOf(scope);
    const [files, pages] = await Promise.all([uploads, this.pagesOf(scope)]);
    return [...files, ...pages];
  }

  /** Stores pages (and what marks them seen), rebuilds their scope here, and tells the other processes. */
  async addPages(scope: string, pages: PageRecord[]): Promise<ScopeUpdate> {
    for (const page of pages) {
      await this.store.set('pages', `${scope}/${page.id}`, page);
      for (const key of page.seen) await this.store.set('seen', `${scope}:${key}`, page.id);
    }
    return this.changed(scope);
  }

  /** Removes pages and their seen marks; null when none of them was there. */
  async removePages(scope: string, pages: PageRecord[]): Promise<ScopeUpdate | null> {
    let removed = 0;
    for (const page of pages) {
      if (await this.store.delete('pages', `${scope}/${page.id}`)) removed++;
      for (const key of page.seen) await this.store.delete('seen', `${scope}:${key}`);
    }
    return removed ? this.changed(scope) : null;
  }

  /** Stores an upload, rebuilds its server's library here, and tells the other processes. */
  async add(upload: Upload): Promise<ScopeUpdate> {
    await this.store.set('uploads', `${upload.guildId}/${upload.name}`, upload);
    return this.changed(upload.guildId);
  }

  /** Removes an upload; false when the server had no file of that name. */
  async remove(guildId: string, name: string): Promise<ScopeUpdate | null> {
    if (!(await this.store.delete('uploads', `${guildId}/${name}`))) return null;
    return this.changed(guildId);
  }

  private async changed(guildId: string): Promise<ScopeUpdate> {
    const uploads = await this.sourcesOf(guildId);
    let update: ScopeUpdate;
    try {
      update = await this.live.setGuild(guildId, uploads);
      this.report(update, 'changed here');
    } finally {
      // Told even when the build here failed: the others may manage it, and the upload is stored.
      if (uploads.length) await this.store.set('corpus', guildKey(guildId), uploadsFingerprint(uploads));
      else await this.store.delete('corpus', guildKey(guildId));
      await this.store.set('corpus', GENERATION, randomBytes(8).toString('hex'));
    }
    return update;
  }

  private report(update: ScopeUpdate, why: string): void {
    if (update.from === 'unchanged') return;
    this.options.logger?.info(
      { guild: update.guildId, articles: update.articles, version: update.version, from: update.from, why },
      update.from === 'removed' ? 'server articles removed: back to the base corpus' : 'server articles updated',
    );
  }
}
