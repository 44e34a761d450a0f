// The feed poller on one store (memory and SQLite) with a loopback site standing in for public ones
// (treatAsPublic): new items become pages of their server, once; 304s, backoff, Retry-After, the
// first poll of a huge feed, items that all point at one page, the daily quota, and the lease.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { FeedPoller, newFeedRecord, PageAdder, feedKey, type FeedRecord } from '../../src/feeds/index.js';
import { CorpusSync, LiveLibrary, type PageRecord } from '../../src/serve/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { seedLibrary } from '../helpers.js';
import { failingBackend } from '../store/failing.js';
import { send, startSite, type LocalSite } from '../fetch/site.js';
import { rss, type Item } from './make.js';
import { serveStories, STORIES } from './stories.js';

const G1 = '100000000000000001';
const G2 = '100000000000000002';

interface Rig {
  store: Store;
  live: LiveLibrary;
  corpus: CorpusSync;
  poller: FeedPoller;
  adder: PageAdder;
}

describe('polling feeds', { timeout: 30_000 }, () => {
  let site: LocalSite;
  let dir: string;
  const rigs: Rig[] = [];

  function rig(options: { store?: Store; pagesPerDay?: number; itemsPerPoll?: number } = {}): Rig {
    const store = options.store ?? openStore('memory://');
    const live = new LiveLibrary(seedLibrary());
    const corpus = new CorpusSync(store, live, { pollMs: 60_000 });
    const fetch = { treatAsPublic: ['127.0.0.1'], timeoutMs: 2000 };
    const adder = new PageAdder(store, corpus, { pagesPerDay: options.pagesPerDay ?? 100, pagesKept: 500 }, fetch);
    const poller = new FeedPoller(store, adder, { pollMs: 60_000, itemsPerPoll: options.itemsPerPoll ?? 5, fetch });
    const r = { store, live, corpus, poller, adder };
    rigs.push(r);
    return r;
  }

  async function follow(r: Rig, scope: string, path: string): Promise<FeedRecord> {
    const record = newFeedRecord(scope, site.url(path), 'tester');
    await r.store.set('feeds', feedKey(scope, record.id), record);
    return record;
  }

  const pages = async (r: Rig, scope: string) =>
    (await r.store.list<PageRecord>('pages', `${scope}/`)).map((e) => e.value);
  const items = (paths: string[], prefix = 'i'): Item[] =>
    paths.map((p, n) => ({
      id: `${prefix}${n}`,
      link: site.url(p),
      title: p,
      date: new Date(Date.UTC(2026, 10, 30, 9, n)).toISOString(),
    }));

  beforeAll(async () => {
    site = await startSite();
    serveStories(site);
    dir = mkdtempSync(join(tmpdir(), 'whosaid-poll-'));
  });
  beforeEach(() => {
    site.hits.length = 0;
  });
  afterAll(async () => {
    for (const r of rigs) await r.store.close().catch(() => {});
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a feed's new items become its server's pages, answered there and not elsewhere; a 304 adds nothing", async () => {
    const r = rig();
    let feed = rss('Valley News', items([STORIES[0].path, STORIES[1].path]));
    site.route('/valley.xml', (req, res) => {
      if (req.headers['if-none-match'] === `"${feed.length}"`) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${feed.length}"` }).end(feed);
    });
    const record = await follow(r, G1, '/valley.xml');
    const first = await r.poller.pollOne(G1, record.id);
    expect(first.status).toBe('ok');
    expect(first.added.map((p) => p.url).sort()).toEqual([site.url(STORIES[0].path), site.url(STORIES[1].path)].sort());
    const here = answerQuestion(r.live.forGuild(G1)!, `Who said "${STORIES[0].words}"?`, { guildId: G1 });
    expect(here.answers[0]).toMatchObject({ speaker: STORIES[0].speaker });
    expect(here.answers[0].article.url).toBe(site.url(STORIES[0].path));
    const there = answerQuestion(r.live.forGuild(G2)!, `Who said "${STORIES[0].words}"?`, { guildId: G2 });
    expect(JSON.stringify(there)).not.toContain(STORIES[0].speaker);

    expect((await r.poller.pollOne(G1, record.id, true)).status).toBe('not-modified');
    feed = rss('Valley News', items([STORIES[2].path, STORIES[0].path, STORIES[1].path], 'j'));
    const third = await r.poller.pollOne(G1, record.id, true);
    // New guids, but two of the links are known: only the new story is fetched.
    expect(third.added.map((p) => p.url)).toEqual([site.url(STORIES[2].path)]);
    expect(site.count(STORIES[0].path)).toBe(1);
    expect((await pages(r, G1)).length).toBe(3);
    const saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, record.id)))!;
    expect(saved).toMatchObject({ failures: 0, lastError: null, added: 3, title: 'Valley News' });
    expect(saved.nextPollAt).toBeGreaterThan(Date.now() + 50_000);
  });

  it('items left for a later poll (past FEED_ITEMS_PER_POLL) are fetched by it, the feed unchanged', async () => {
    const r = rig({ itemsPerPoll: 1 });
    const dated = (n: number): Item => ({
      id: `l${n}`,
      link: site.url(STORIES[n].path),
      title: STORIES[n].title,
      date: new Date(Date.UTC(2026, 10, 30, 9, n)).toISOString(),
    });
    let version = 'v1';
    let feed = rss('Later', [dated(0)]);
    site.route('/later.xml', (req, res) => {
      if (req.headers['if-none-match'] === `"${version}"`) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${version}"` }).end(feed);
    });
    const record = await follow(r, G1, '/later.xml');
    expect((await r.poller.pollOne(G1, record.id)).added).toHaveLength(1);
    version = 'v2';
    feed = rss('Later', [dated(2), dated(1), dated(0)]);
    const second = await r.poller.pollOne(G1, record.id, true);
    expect(second.added.map((p) => p.url)).toEqual([site.url(STORIES[2].path)]);
    // The feed has not changed since, but one of its new stories is still to fetch.
    const third = await r.poller.pollOne(G1, record.id, true);
    expect(third.added.map((p) => p.url)).toEqual([site.url(STORIES[1].path)]);
    expect((await r.poller.pollOne(G1, record.id, true)).status).toBe('not-modified');
    expect((await pages(r, G1)).length).toBe(3);
  });

  it('a feed of 10,000 items: the first poll fetches the newest few and skips the backlog for good', async () => {
    const r = rig({ itemsPerPoll: 3 });
    const many = Array.from({ length: 10_000 }, (_, n) => ({
      id: `n${n}`,
      link: site.url(`/flood/${n}`),
      title: `Story ${n}`,
      date: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    }));
    site.route('/firehose.xml', send(rss('Firehose', many), 'application/rss+xml'));
    for (const n of [9999, 9998, 9997, 9996]) site.route(`/flood/${n}`, send(STORIES[n % 4].html));
    const record = await follow(r, G1, '/firehose.xml');
    const first = await r.poller.pollOne(G1, record.id);
    expect(first.status).toBe('ok');
    const fetched = site.hits
      .filter((h) => h.path.startsWith('/flood/'))
      .map((h) => h.path)
      .sort();
    expect(fetched).toEqual(['/flood/9997', '/flood/9998', '/flood/9999']);
    const again = await r.poller.pollOne(G1, record.id, true);
    expect(again.added).toEqual([]);
    expect(site.hits.filter((h) => h.path.startsWith('/flood/'))).toHaveLength(3);
    const saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, record.id)))!;
    expect(saved.done.length).toBeLessThanOrEqual(1000);
  });

  it('a feed whose items all point at one page: fetched once, added once', async () => {
    const r = rig({ itemsPerPoll: 20 });
    const same = Array.from({ length: 15 }, (_, n) => ({
      id: `s${n}`,
      link: site.url(`${STORIES[3].path}?utm_source=feed&n=${n % 1}`),
      title: 'x',
    }));
    site.route('/same.xml', send(rss('Echo', same), 'application/rss+xml'));
    const record = await follow(r, G1, '/same.xml');
    const polled = await r.poller.pollOne(G1, record.id);
    expect(polled.added).toHaveLength(1);
    expect(site.count(`${STORIES[3].path}?utm_source=feed&n=0`)).toBe(1);
    expect(await pages(r, G1)).toHaveLength(1);
  });

  it('the same story at two addresses is kept once (its text), and each server keeps its own copy', async () => {
    const r = rig();
    site.route('/mirror/ferry', send(STORIES[1].html));
    site.route('/two.xml', send(rss('Two', items([STORIES[1].path, '/mirror/ferry'])), 'application/rss+xml'));
    for (const scope of [G1, G2]) {
      const record = await follow(r, scope, '/two.xml');
      expect((await r.poller.pollOne(scope, record.id)).added).toHaveLength(1);
    }
    expect(site.count('/mirror/ferry')).toBe(2);
    expect(await pages(r, G1)).toHaveLength(1);
    expect(await pages(r, G2)).toHaveLength(1);
  });

  it('malformed XML and an HTML page are failures kept with their reason, polled again later and later', async () => {
    const r = rig();
    site.route(
      '/broken.xml',
      send('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</item></channel>', 'application/rss+xml'),
    );
    site.route('/page.xml', send(STORIES[0].html));
    const broken = await follow(r, G1, '/broken.xml');
    const t0 = Date.now();
    expect((await r.poller.pollOne(G1, broken.id)).status).toBe('failed');
    let saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, broken.id)))!;
    expect(saved.failures).toBe(1);
    expect(saved.lastError).toMatch(/^not a feed I can read \(/);
    expect(saved.nextPollAt - t0).toBeGreaterThanOrEqual(120_000);
    await r.poller.pollOne(G1, broken.id, true);
    saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, broken.id)))!;
    expect(saved.failures).toBe(2);
    expect(saved.nextPollAt - Date.now()).toBeGreaterThan(200_000);
    const html = await follow(r, G1, '/page.xml');
    await r.poller.pollOne(G1, html.id);
    expect((await r.store.get<FeedRecord>('feeds', feedKey(G1, html.id)))!.lastError).toBe(
      'it is text/html, not a feed',
    );
  });

  it('a 429 with Retry-After: the feed is left alone at least that long', async () => {
    const r = rig();
    site.route('/busy.xml', (_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' }).end();
    });
    const record = await follow(r, G1, '/busy.xml');
    const polled = await r.poller.pollOne(G1, record.id);
    expect(polled).toMatchObject({ status: 'failed', error: 'the site asked to wait (HTTP 429, retry after 3600 s)' });
    const saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, record.id)))!;
    expect(saved.nextPollAt - Date.now()).toBeGreaterThan(3590_000);
    await r.poller.tick();
    expect(site.count('/busy.xml')).toBe(1);
  });

  it('items at private addresses are refused unconnected; the daily quota stops the rest', async () => {
    const r = rig({ pagesPerDay: 2, itemsPerPoll: 10 });
    const hostile: Item[] = [
      { id: 'h1', link: 'http://10.0.0.8/internal', title: 'private', date: '2027-01-01T00:00:00Z' },
      { id: 'h2', link: 'http://169.254.169.254/latest/meta-data/', title: 'metadata', date: '2027-01-01T00:00:00Z' },
      ...items(
        STORIES.map((s) => s.path),
        'q',
      ),
    ];
    site.route('/mixed.xml', send(rss('Mixed', hostile), 'application/rss+xml'));
    const record = await follow(r, G1, '/mixed.xml');
    const polled = await r.poller.pollOne(G1, record.id);
    expect(polled.added).toHaveLength(2);
    const saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, record.id)))!;
    // Refused for good; the stories over the quota wait for tomorrow.
    expect(saved.done).toEqual(expect.arrayContaining(['h1', 'h2']));
    expect(saved.done.filter((k) => k.startsWith('q'))).toHaveLength(2);
  });

  it('the store failing during a poll fails the poll and marks no item done', async () => {
    let failSeen = false;
    const store = openStore('memory://', {
      backend: (ns) => (ns === 'seen' && failSeen ? failingBackend() : new Map()),
    });
    const r = rig({ store });
    site.route('/calm.xml', send(rss('Calm', items([STORIES[0].path, STORIES[1].path], 'c')), 'application/rss+xml'));
    const record = await follow(r, G1, '/calm.xml');
    failSeen = true;
    const polled = await r.poller.pollOne(G1, record.id);
    expect(polled.status).toBe('failed');
    expect(polled.error).toMatch(/^store get in seen failed: connection refused/);
    const saved = (await r.store.get<FeedRecord>('feeds', feedKey(G1, record.id)))!;
    expect(saved).toMatchObject({ failures: 1, done: [] });
    expect(await pages(r, G1)).toEqual([]);
  });

  it('two processes on one SQLite store never poll a feed at the same time (the lease)', async () => {
    const url = `sqlite://${join(dir, 'lease.sqlite')}`;
    const a = rig({ store: openStore(url) });
    const b = rig({ store: openStore(url) });
    site.route('/slow.xml', async (_req, res) => {
      await new Promise((done) => setTimeout(done, 300));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Slow', items([STORIES[2].path])));
    });
    const record = await follow(a, G1, '/slow.xml');
    const [ra, rb] = await Promise.all([a.poller.pollOne(G1, record.id), b.poller.pollOne(G1, record.id)]);
    expect([ra.status, rb.status].sort()).toEqual(['ok', 'skipped']);
    expect(site.count('/slow.xml')).toBe(1);
    expect(site.maxConcurrent('/slow.xml')).toBe(1);
    // Polled: not due again for either until its time comes.
    await Promise.all([a.poller.tick(), b.poller.tick()]);
    expect(site.count('/slow.xml')).toBe(1);
  });
});
