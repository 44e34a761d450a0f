// What the bot does with the web, in one place: pages added by link, feeds followed per server and
// for the base corpus (FEEDS=), and the poller that keeps them current.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { acceptedType, DEFAULT_FETCH_LIMITS, safeFetch, type FetchOptions } from '../fetch/index.js';
import type { Logger } from '../log.js';
import { SHARED_SCOPE, type CorpusSync } from '../serve/index.js';
import type { Store } from '../store/index.js';
import { PageAdder } from './adder.js';
import { FeedParseError, type ParsedFeed } from './parse.js';
import { FEED_ACCEPT, FeedPoller } from './poller.js';
import { feedId, feedKey, feedsOf, newFeedRecord, syncBaseFeeds, type FeedRecord } from './records.js';
import { FEED_PARSE_TIMEOUT_MS, parseFeedInWorker } from './worker.js';

export interface WebOptions {
  /** The operator's feeds, for every server. */
  baseFeeds: string[];
  feedsPerServer: number;
  feedPollMs: number;
  feedItemsPerPoll: number;
  pagesPerDay: number;
  pagesPerServer: number;
  fetch: FetchOptions;
  logger?: Logger;
}

export class FollowError extends Error {}

/** The limits of the config, for fetching alone (the CLI's `fetch`). */
export function fetchOptions(config: Config): FetchOptions {
  return { timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes, allowPrivate: config.allowPrivateUrls };
}

/** What the web side (links, feeds) is allowed, from the config. */
export function webOptions(config: Config, logger?: Logger): WebOptions {
  return {
    baseFeeds: config.feeds,
    feedsPerServer: config.feedsPerServer,
    feedPollMs: config.feedPollMs,
    feedItemsPerPoll: config.feedItemsPerPoll,
    pagesPerDay: config.pagesPerDay,
    pagesPerServer: config.pagesPerServer,
    fetch: fetchOptions(config),
    logger,
  };
}

/** A feed, or a page that announces one. */
const FEED_OR_PAGE = `${FEED_ACCEPT}, text/html;q=0.5`;

export class Web {
  readonly adder: PageAdder;
  readonly poller: FeedPoller;

  constructor(
    private readonly store: Store,
    corpus: CorpusSync,
    readonly options: WebOptions,
  ) {
    this.adder = new PageAdder(
      store,
      corpus,
      { pagesPerDay: options.pagesPerDay, pagesKept: options.pagesPerServer },
      options.fetch,
    );
    this.poller = new FeedPoller(store, this.adder, {
      pollMs: options.feedPollMs,
      itemsPerPoll: options.feedItemsPerPoll,
      fetch: options.fetch,
      logger: options.logger,
    });
  }

  /** Once the libraries are ready: FEEDS= recorded in the store, then polling. */
  start(ready: Promise<unknown>): void {
    ready
      .then(async () => {
        const { added, removed } = await syncBaseFeeds(this.store, this.options.baseFeeds);
        if (added.length || removed.length)
          this.options.logger?.info({ added, removed }, 'FEEDS changed: base feeds updated');
      })
      .catch((err: Error) =>
        this.options.logger?.warn(
          { err: err.message },
          'could not record FEEDS in the store; polling those already there',
        ),
      )
      .finally(() => this.poller.start());
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  feedsOf(scope: string): Promise<FeedRecord[]> {
    return feedsOf(this.store, scope);
  }

  /**
   * Follows a feed for a server: checked now (fetched and read, so a wrong link is refused at once),
   * recorded, and its first poll started. A web page given instead leads to the feed it announces.
   */
  async follow(
    scope: string,
    link: string,
    by: string,
  ): Promise<{ record: FeedRecord; feed: ParsedFeed; existed: boolean }> {
    // One add at a time per server, in every process: the count is read before seconds of fetching
    // and reading, so adds at once would each see room under the limit and all be recorded.
    const key = `follow:${scope}`;
    const owner = randomBytes(8).toString('hex');
    const leaseMs =
      (this.options.fetch.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs) * 2 + FEED_PARSE_TIMEOUT_MS + 30_000;
    if (!(await this.store.lease(key, owner, leaseMs)))
      throw new FollowError('another feed is being added to this server right now; try again in a moment');
    try {
      return await this.followLeased(scope, link, by);
    } finally {
      await this.store.release(key, owner).catch(() => {});
    }
  }

  private async followLeased(
    scope: string,
    link: string,
    by: string,
  ): Promise<{ record: FeedRecord; feed: ParsedFeed; existed: boolean }> {
    const existing = await feedsOf(this.store, scope);
    const max = scope === SHARED_SCOPE ? Infinity : this.options.feedsPerServer;
    const { url, feed } = await this.read(link);
    const id = feedId(url);
    const known = existing.find((f) => f.id === id);
    if (known) return { record: known, feed, existed: true };
    if (existing.length >= max) {
      throw new FollowError(`this server follows ${existing.length} feeds, the most it may; /feeds remove one first`);
    }
    const record = newFeedRecord(scope, url, by, feed.title);
    await this.store.set('feeds', feedKey(scope, id), record);
    void this.poller
      .pollOne(scope, id)
      .catch((err: Error) => this.options.logger?.warn({ feed: url, err: err.message }, 'first feed poll failed'));
    return { record, feed, existed: false };
  }

  /** Stops following; the pages it added stay (they are the server's articles now). */
  async unfollow(scope: string, id: string): Promise<FeedRecord | null> {
    const record = await this.store.get<FeedRecord>('feeds', feedKey(scope, id));
    if (!record) return null;
    await this.store.delete('feeds', feedKey(scope, id));
    return record;
  }

  /** Fetches and reads a feed; an HTML page is searched for the feed it links to (one hop). */
  private async read(link: string, hops = 0): Promise<{ url: string; feed: ParsedFeed }> {
    const fetched = await safeFetch(link, { ...this.options.fetch, accept: FEED_OR_PAGE });
    const kind = acceptedType(fetched.mediaType);
    if (kind === 'html') {
      const announced = hops === 0 ? announcedFeed(fetched.body.toString('utf8'), fetched.url) : null;
      if (!announced) throw new FeedParseError('it is a web page that names no feed; give the feed’s own address');
      return this.read(announced, hops + 1);
    }
    if (kind !== 'xml' && kind !== 'json') throw new FeedParseError(`it is ${fetched.mediaType}, not a feed`);
    return { url: fetched.url, feed: await parseFeedInWorker(fetched.body, fetched.charset, fetched.url) };
  }
}

/** The feed a page announces with `<link rel="alternate" type="application/rss+xml" href="…">`. */
export function announcedFeed(html: string, base: string): string | null {
  for (const tag of html.slice(0, 200_000).match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel=["']?alternate/i.test(tag) || !/type=["']?application\/(rss|atom|feed)\+(xml|json)/i.test(tag)) continue;
    const href = tag.match(/href=["']([^"']+)["']/i)?.[1];
    if (!href) continue;
    try {
      return new URL(href.replace(/&amp;/g, '&'), base).href;
    } catch {
      // An address that does not parse: look at the next link tag.
    }
  }
  return null;
}
