// Adding a page by its link, for a server or for the shared scope: the daily quota, the safe fetch,
// the corpus's HTML reader (in a worker thread, with a time limit), and the dedupe (the same address,
// then the same text, is one story), in that order, so a story already here costs no fetch and a
// refused link costs nothing at all.
import type { LoadResult } from '../corpus/index.js';
import { checkUrl, fetchPage, addressPolicy, type FetchOptions } from '../fetch/index.js';
import type { Store } from '../store/index.js';
import { pageRecord, shortHash, type CorpusSync, type PageRecord, type ScopeUpdate } from '../serve/index.js';
import { canonicalUrl, sameSite, textKey, urlKey } from './canonical.js';
import { PAGE_READ_TIMEOUT_MS, readPageInWorker } from './worker.js';

export interface PageLimits {
  /** Pages a scope may add a day (fetches, counted before each). */
  pagesPerDay: number;
  /** Pages a scope keeps; past it the oldest go. */
  pagesKept: number;
  /** A page read (into articles) past this is refused. Default PAGE_READ_TIMEOUT_MS. */
  readTimeoutMs?: number;
}

export class AddError extends Error {
  constructor(
    message: string,
    /**
     * `quota`: stop for today; `fetch`: the fetch failed (see cause); `empty`: no article in the page;
     * `unreadable`: reading it took too long or failed.
     */
    readonly kind: 'quota' | 'fetch' | 'empty' | 'unreadable',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AddError';
  }
}

export type Prepared =
  | { status: 'new'; page: PageRecord; articles: number }
  | { status: 'duplicate'; pageId: string; why: 'address' | 'text' };

const DAY_MS = 24 * 3600_000;

export class PageAdder {
  constructor(
    private readonly store: Store,
    private readonly corpus: CorpusSync,
    private readonly limits: PageLimits,
    private readonly fetchOptions: FetchOptions,
  ) {}

  /** Adds one page now: fetched, checked, stored, its scope rebuilt. */
  async addLink(scope: string, link: string, by: string): Promise<{ prepared: Prepared; update: ScopeUpdate | null }> {
    const prepared = await this.prepare(scope, link, by, null, new Set());
    if (prepared.status === 'duplicate') return { prepared, update: null };
    return { prepared, update: await this.commit(scope, [prepared.page]) };
  }

  /**
   * Fetches and reads a page unless the scope has it already. `batch` holds the seen keys of pages
   * prepared but not yet stored (a feed's items are stored together). Throws AddError.
   */
  async prepare(scope: string, link: string, by: string, feedId: string | null, batch: Set<string>): Promise<Prepared> {
    try {
      checkUrl(link, addressPolicy(this.fetchOptions.allowPrivate ?? false, this.fetchOptions.treatAsPublic));
    } catch (err) {
      throw new AddError((err as Error).message, 'fetch', { cause: err });
    }
    const known = await this.known(scope, [urlKey(link)], batch);
    if (known) return { status: 'duplicate', pageId: known, why: 'address' };
    const day = new Date().toISOString().slice(0, 10);
    const { count } = await this.store.increment('quota', `${scope}:${day}`, DAY_MS);
    if (count > this.limits.pagesPerDay) {
      throw new AddError(
        `${this.limits.pagesPerDay} pages a day may be added here, and today's are used; try again tomorrow`,
        'quota',
      );
    }
    let page;
    try {
      page = await fetchPage(link, this.fetchOptions);
    } catch (err) {
      throw new AddError((err as Error).message, 'fetch', { cause: err });
    }
    let read: LoadResult;
    try {
      // Off the bot's thread, with a time limit: some pages cost the HTML reader minutes.
      read = await readPageInWorker(page.html, this.limits.readTimeoutMs ?? PAGE_READ_TIMEOUT_MS);
    } catch (err) {
      throw new AddError((err as Error).message, 'unreadable', { cause: err });
    }
    const { articles, warnings } = read;
    if (!articles.length) {
      const why = warnings
        .map((w) => w.reason)
        .slice(0, 2)
        .join('; ');
      throw new AddError(`I found no article in it${why ? ` (${why})` : ''}`, 'empty');
    }
    const first = articles[0];
    // The page's own canonical address (og:url or link rel=canonical) marks it seen too, on its own site.
    const claimed = first.url && canonicalUrl(first.url) && sameSite(first.url, page.url) ? first.url : null;
    const addressKeys = [urlKey(link), urlKey(page.url), claimed ? urlKey(claimed) : null];
    const sameAddress = await this.known(scope, addressKeys, batch);
    if (sameAddress) return { status: 'duplicate', pageId: sameAddress, why: 'address' };
    const text = textKey(first.title, articles.map((a) => a.text).join('\n'));
    const sameText = await this.known(scope, [text], batch);
    if (sameText) return { status: 'duplicate', pageId: sameText, why: 'text' };
    const seen = [...new Set([...addressKeys.filter((k): k is string => k !== null), text])];
    for (const k of seen) batch.add(k);
    const id = shortHash(canonicalUrl(page.url) ?? page.url);
    return {
      status: 'new',
      page: pageRecord({ scope, id, url: page.url, html: page.html, title: first.title, by, feedId, seen }),
      articles: articles.length,
    };
  }

  /** Stores prepared pages in one go (one rebuild), then drops the oldest past the scope's limit. */
  async commit(scope: string, pages: PageRecord[]): Promise<ScopeUpdate> {
    const update = await this.corpus.addPages(scope, pages);
    const all = await this.corpus.pagesOf(scope);
    if (all.length <= this.limits.pagesKept) return update;
    const oldest = [...all].sort((a, b) => a.at.localeCompare(b.at)).slice(0, all.length - this.limits.pagesKept);
    return (await this.corpus.removePages(scope, oldest)) ?? update;
  }

  /** The page id a key is already seen as (stored, or earlier in this batch), or null. */
  private async known(scope: string, keys: Array<string | null>, batch: Set<string>): Promise<string | null> {
    for (const key of keys) {
      if (!key) continue;
      if (batch.has(key)) return 'this batch';
      const id = await this.store.get<string>('seen', `${scope}:${key}`);
      if (id) return id;
    }
    return null;
  }
}
