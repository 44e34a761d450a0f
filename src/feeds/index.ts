// Feeds and pages from the web: reading feeds, polling them under a lease, adding pages once.
import type { Store } from '../store/index.js';
import { SHARED_SCOPE } from '../serve/index.js';
import { feedKey, feedId, feedsOf, newFeedRecord } from './records.js';

export { AddError, PageAdder, type PageLimits, type Prepared } from './adder.js';
export { canonicalUrl, textKey, urlKey } from './canonical.js';
export { FEED_ITEMS_READ, FeedParseError, parseFeedBytes, type FeedItem, type ParsedFeed } from './parse.js';
export { FeedPoller, type PollerOptions, type PollResult } from './poller.js';
export { allFeeds, feedId, feedKey, feedsOf, newFeedRecord, type FeedRecord } from './records.js';
export { parseFeedInWorker } from './worker.js';

/**
 * Makes the shared scope follow exactly the operator's FEEDS=: missing feeds are added (due at once),
 * feeds no longer listed are dropped; the state of the others (ETag, items seen) is kept, so a restart
 * refetches nothing. Every process may run it at start; it only writes what differs.
 */
export async function syncBaseFeeds(store: Store, urls: string[]): Promise<{ added: string[]; removed: string[] }> {
  const wanted = new Map(urls.map((u) => [feedId(u), u]));
  const have = await feedsOf(store, SHARED_SCOPE);
  const removed: string[] = [];
  for (const f of have) {
    if (wanted.has(f.id)) continue;
    await store.delete('feeds', feedKey(SHARED_SCOPE, f.id));
    removed.push(f.url);
  }
  const added: string[] = [];
  for (const [id, url] of wanted) {
    if (have.some((f) => f.id === id)) continue;
    await store.set('feeds', feedKey(SHARED_SCOPE, id), newFeedRecord(SHARED_SCOPE, url, 'FEEDS'));
    added.push(url);
  }
  return { added, removed };
}
