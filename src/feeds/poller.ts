// Polls the feeds every process knows of, each at most once per FEED_POLL_MINUTES: a process takes a
// feed's lease in the store before polling it, so whichever processes and machines run the bot, one
// polls a feed at a time. A poll asks with ETag / If-Modified-Since, reads the feed off the main
// thread, and adds its new items' pages in one go; failures back off (doubling, at most a day, longer
// when the site says Retry-After) and are kept for /feeds list.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { acceptedType, safeFetch, type FetchOptions, FetchError } from '../fetch/index.js';
import type { Logger } from '../log.js';
import type { PageRecord } from '../serve/index.js';
import type { Store } from '../store/index.js';
import { AddError, type PageAdder, type Prepared } from './adder.js';
import { FeedParseError } from './parse.js';
import { allFeeds, feedKey, type FeedRecord } from './records.js';
import { parseFeedInWorker } from './worker.js';

export interface PollerOptions {
  pollMs: number;
  /** New items fetched per poll; a feed's first poll takes its newest this many and skips the rest. */
  itemsPerPoll: number;
  fetch: FetchOptions;
  logger?: Logger;
  /** How often due feeds are looked for. Default: a quarter of pollMs, between 200 ms and a minute. */
  tickMs?: number;
}

export interface PollResult {
  status: 'ok' | 'not-modified' | 'failed' | 'skipped';
  added: PageRecord[];
  error?: string;
}

const MAX_BACKOFF_MS = 24 * 3600_000;
/** What a feed request asks for: the feed types first. */
export const FEED_ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/xml;q=0.9',
  'text/xml;q=0.8',
  'application/json;q=0.8',
].join(', ');
const DONE_KEPT = 1000;
const STOP_WAIT_MS = 5000;

export class FeedPoller {
  /** This process, as lease holder. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Feeds this process is polling now: the lease is per process, so two polls here are kept apart here. */
  private readonly polling = new Map<string, Promise<PollResult>>();

  constructor(
    private readonly store: Store,
    private readonly adder: PageAdder,
    private readonly options: PollerOptions,
  ) {}

  start(): void {
    const tick = this.options.tickMs ?? Math.min(60_000, Math.max(200, this.options.pollMs / 4));
    this.timer = setInterval(() => void this.tick(), tick);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // Polls in flight stop at their next item; they are waited for (a little), so their lease is
    // released rather than left to lapse, but a slow site cannot hold the shutdown.
    const polls = Promise.allSettled([this.running, ...this.polling.values()]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([polls, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /** Polls every feed that is due, one after another. A tick during one joins it. */
  tick(): Promise<void> {
    this.running ??= this.pollDue().finally(() => (this.running = null));
    return this.running;
  }

  private async pollDue(): Promise<void> {
    let feeds: FeedRecord[];
    try {
      feeds = await allFeeds(this.store);
    } catch (err) {
      this.options.logger?.debug({ err: String(err) }, 'feed poll skipped: store unavailable');
      return;
    }
    for (const feed of feeds.sort((a, b) => a.nextPollAt - b.nextPollAt)) {
      if (this.stopped) return;
      if (feed.nextPollAt > Date.now()) continue;
      await this.pollOne(feed.scope, feed.id).catch((err: Error) =>
        this.options.logger?.warn({ feed: feed.url, scope: feed.scope, err: err.message }, 'feed poll failed'),
      );
    }
  }

  /** How long a lease is held without renewal: one fetch and a margin; renewed between items. */
  private get leaseMs(): number {
    return (this.options.fetch.timeoutMs ?? 15_000) * 2 + 30_000;
  }

  /** Polls one feed when this process gets its lease and it is (still) due. */
  async pollOne(scope: string, id: string, force = false): Promise<PollResult> {
    const key = `feed:${feedKey(scope, id)}`;
    if (this.stopped || this.polling.has(key)) return { status: 'skipped', added: [] };
    const run = (async () => {
      if (!(await this.store.lease(key, this.owner, this.leaseMs))) return { status: 'skipped' as const, added: [] };
      return this.pollLeased(scope, id, key, force);
    })().finally(() => this.polling.delete(key));
    this.polling.set(key, run);
    return run;
  }

  private async pollLeased(scope: string, id: string, key: string, force: boolean): Promise<PollResult> {
    try {
      // Read again under the lease: another process may have polled it a moment ago.
      const feed = await this.store.get<FeedRecord>('feeds', feedKey(scope, id));
      if (!feed || (!force && feed.nextPollAt > Date.now())) return { status: 'skipped', added: [] };
      return await this.poll(feed, () => this.store.lease(key, this.owner, this.leaseMs));
    } finally {
      await this.store.release(key, this.owner).catch(() => {});
    }
  }

  private async poll(feed: FeedRecord, renew: () => Promise<boolean>): Promise<PollResult> {
    const started = Date.now();
    const log = this.options.logger?.child({ feed: feed.url, scope: feed.scope });
    let outcome: PollResult;
    let retryAfterMs = 0;
    try {
      outcome = await this.read(feed, renew);
      feed.failures = 0;
      feed.lastError = null;
      feed.lastOkAt = new Date().toISOString();
    } catch (err) {
      const message =
        err instanceof FetchError || err instanceof FeedParseError
          ? err.message
          : String((err as Error).message ?? err);
      retryAfterMs = err instanceof FetchError ? (err.retryAfterMs ?? 0) : 0;
      feed.failures++;
      feed.lastError = message;
      outcome = { status: 'failed', added: [], error: message };
    }
    feed.lastPollAt = new Date(started).toISOString();
    const backoff = feed.failures
      ? Math.min(MAX_BACKOFF_MS, this.options.pollMs * 2 ** feed.failures)
      : this.options.pollMs;
    feed.nextPollAt = Date.now() + Math.max(backoff, retryAfterMs);
    // Removed meanwhile (/feeds remove): not brought back.
    if (await this.store.get('feeds', feedKey(feed.scope, feed.id)))
      await this.store.set('feeds', feedKey(feed.scope, feed.id), feed);
    // Logged once the failure is stored, so that whoever reads the log then finds it in /feeds list.
    if (outcome.status === 'failed')
      log?.warn({ failures: feed.failures, err: outcome.error }, 'feed poll failed; backing off');
    if (outcome.added.length) log?.info({ added: outcome.added.length, ms: Date.now() - started }, 'feed items added');
    return outcome;
  }

  /** Fetches and reads the feed, then its new items' pages. Throws on a feed that cannot be read. */
  private async read(feed: FeedRecord, renew: () => Promise<boolean>): Promise<PollResult> {
    const fetched = await safeFetch(feed.url, {
      ...this.options.fetch,
      etag: feed.etag,
      lastModified: feed.lastModified,
      accept: FEED_ACCEPT,
    });
    if (fetched.notModified) return { status: 'not-modified', added: [] };
    const kind = acceptedType(fetched.mediaType);
    if (kind !== 'xml' && kind !== 'json') throw new FeedParseError(`it is ${fetched.mediaType}, not a feed`);
    const parsed = await parseFeedInWorker(fetched.body, fetched.charset, fetched.url);
    feed.title = parsed.title ?? feed.title;
    const done = new Set(feed.done);
    const fresh = parsed.items.filter((i) => !done.has(i.key));
    const first = feed.lastOkAt === null;
    const now = fresh.slice(0, this.options.itemsPerPoll);
    // A feed's first poll brings its newest items, not its whole backlog.
    const handled = first ? parsed.items.map((i) => i.key).filter((k) => !now.some((i) => i.key === k)) : [];
    const pages: PageRecord[] = [];
    const batch = new Set<string>();
    for (const item of now) {
      if (this.stopped || !(await renew())) break;
      let prepared: Prepared;
      try {
        prepared = await this.adder.prepare(feed.scope, item.link, `feed:${feed.id}`, feed.id, batch);
      } catch (err) {
        // Anything but a refused page (the store failing, say) fails the poll, with nothing marked done.
        if (!(err instanceof AddError)) throw err;
        if (err.kind === 'quota' || (err.cause instanceof FetchError && err.cause.transient)) {
          // Today's quota is spent, or the site is struggling: these items wait for a later poll.
          this.options.logger?.info(
            { feed: feed.url, item: item.link, err: err.message },
            'feed item left for a later poll',
          );
          if (err.kind === 'quota') break;
          continue;
        }
        this.options.logger?.debug({ feed: feed.url, item: item.link, err: err.message }, 'feed item skipped');
        handled.push(item.key);
        continue;
      }
      handled.push(item.key);
      if (prepared.status === 'new') pages.push(prepared.page);
    }
    if (pages.length) await this.adder.commit(feed.scope, pages);
    // Items left for a later poll (past itemsPerPoll, over the quota, a struggling site, the lease lost)
    // are only seen again if that poll reads the feed: no ETag / If-Modified-Since until none is left.
    const left = fresh.some((i) => !handled.includes(i.key));
    feed.etag = left ? null : fetched.etag;
    feed.lastModified = left ? null : fetched.lastModified;
    feed.added += pages.length;
    const window = new Set(parsed.items.map((i) => i.key));
    // Keys of items still in the feed are all that can come back; older ones are forgotten.
    feed.done = [...new Set([...handled, ...feed.done])].filter((k) => window.has(k)).slice(0, DONE_KEPT);
    return { status: 'ok', added: pages };
  }
}
