// A followed feed as the store keeps it (namespace `feeds`, key `<server or base>/<id>`): where it
// is, what it said last (ETag, Last-Modified, the items handled), and how polling it goes.
import { SHARED_SCOPE, shortHash } from '../serve/index.js';
import type { Store } from '../store/index.js';
import { canonicalUrl } from './canonical.js';

export interface FeedRecord {
  scope: string;
  id: string;
  url: string;
  title: string | null;
  addedBy: string;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  /** When it is next due (ms since the epoch). */
  nextPollAt: number;
  lastPollAt: string | null;
  lastOkAt: string | null;
  /** Polls failed in a row; 0 when the last one worked. */
  failures: number;
  lastError: string | null;
  /** Pages this feed has added. */
  added: number;
  /** Keys of the items handled (added, known, or refused for good), newest first. */
  done: string[];
}

export function feedId(url: string): string {
  return shortHash(canonicalUrl(url) ?? url, 12);
}

export function newFeedRecord(scope: string, url: string, addedBy: string, title: string | null = null): FeedRecord {
  return {
    scope,
    id: feedId(url),
    url,
    title,
    addedBy,
    addedAt: new Date().toISOString(),
    etag: null,
    lastModified: null,
    nextPollAt: 0,
    lastPollAt: null,
    lastOkAt: null,
    failures: 0,
    lastError: null,
    added: 0,
    done: [],
  };
}

export const feedKey = (scope: string, id: string) => `${scope}/${id}`;

export async function feedsOf(store: Store, scope: string): Promise<FeedRecord[]> {
  return (await store.list<FeedRecord>('feeds', `${scope}/`)).map((e) => e.value);
}

export async function allFeeds(store: Store): Promise<FeedRecord[]> {
  return (await store.list<FeedRecord>('feeds', '')).map((e) => e.value);
}

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
