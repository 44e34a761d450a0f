// Reading a stranger's page: the HTML reader's cost grows much faster than some pages (linkedom takes
// 13 s for 100,000 nested elements, a minute for 200,000), so a page is read off the bot's thread and
// given up after a time limit: one link must not hold every server's answers and the gateway heartbeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddError, PageAdder, sameSite, urlKey } from '../../src/feeds/index.js';
import { CorpusSync, LiveLibrary, type PageRecord } from '../../src/serve/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { seedLibrary } from '../helpers.js';
import { newsPage, send, startSite, type LocalSite } from '../fetch/site.js';
import { STORIES, serveStories } from './stories.js';

const G1 = '100000000000000001';

describe('adding a page by its link', { timeout: 60_000 }, () => {
  let site: LocalSite;
  let store: Store;
  let adder: PageAdder;

  beforeAll(async () => {
    site = await startSite();
    serveStories(site);
    const depth = 60_000;
    const story = newsPage('Deep page', ['"It goes down a long way," said Orla Fenwick, the well digger.']);
    site.route(
      '/deep',
      send(story.replace('</article>', `</article>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`)),
    );
    store = openStore('memory://');
    const corpus = new CorpusSync(store, new LiveLibrary(seedLibrary()), { pollMs: 60_000 });
    adder = new PageAdder(
      store,
      corpus,
      { pagesPerDay: 100, pagesKept: 500, readTimeoutMs: 1000 },
      { treatAsPublic: ['127.0.0.1'], timeoutMs: 5000 },
    );
  });
  afterAll(async () => {
    await store?.close();
    await site?.close();
  });

  it('a page too slow to read is refused at the time limit, the bot thread running meanwhile', async () => {
    let ticks = 0;
    const tick = setInterval(() => ticks++, 20);
    const t0 = Date.now();
    const err = await adder.addLink(G1, site.url('/deep'), 'tester').catch((e: unknown) => e);
    clearInterval(tick);
    expect(err).toBeInstanceOf(AddError);
    expect((err as AddError).message).toBe('the page took longer than 1 s to read');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThan((Date.now() - t0) / 20 / 4);
    expect(await store.list<PageRecord>('pages', `${G1}/`)).toEqual([]);
    // An ordinary page still comes in.
    const added = await adder.addLink(G1, site.url(STORIES[0].path), 'tester');
    expect(added.prepared.status).toBe('new');
  });
});

describe("a page's own canonical address", { timeout: 60_000 }, () => {
  let site: LocalSite;
  let store: Store;
  let adder: PageAdder;
  const story = (title: string, head: string) =>
    newsPage(
      title,
      [
        `"The ferry will run again on Monday," said Ines Halvorsen, the harbour master, of ${title}.`,
        'The crossing had been closed for a week after the storm damaged the landing stage.',
      ],
      head,
    );

  beforeAll(async () => {
    site = await startSite();
    site.route('/copy', send(story('the copy', `<meta property="og:url" content="${site.url('/original')}">`)));
    site.route(
      '/spoof',
      send(story('the spoof', '<meta property="og:url" content="https://news.example.org/their-story">')),
    );
    store = openStore('memory://');
    const corpus = new CorpusSync(store, new LiveLibrary(seedLibrary()), { pollMs: 60_000 });
    adder = new PageAdder(store, corpus, { pagesPerDay: 100, pagesKept: 500 }, { treatAsPublic: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await store?.close();
    await site?.close();
  });

  it('marks that address seen when it is on the same site, and not when it names another site', async () => {
    const copy = await adder.addLink(G1, site.url('/copy'), 'tester');
    const spoof = await adder.addLink(G1, site.url('/spoof'), 'tester');
    expect(copy.prepared.status).toBe('new');
    expect(spoof.prepared.status).toBe('new');
    if (copy.prepared.status !== 'new' || spoof.prepared.status !== 'new') return;
    expect(copy.prepared.page.seen).toContain(urlKey(site.url('/original')));
    expect(spoof.prepared.page.seen).not.toContain(urlKey('https://news.example.org/their-story'));
    expect(spoof.prepared.page.seen).toContain(urlKey(site.url('/spoof')));
  });

  it('tells one site from another by host', () => {
    expect(sameSite('https://www.example.com/a', 'http://example.com/b')).toBe(true);
    expect(sameSite('https://m.example.com/a', 'https://example.com/b')).toBe(true);
    expect(sameSite('https://example.com.evil.net/a', 'https://example.com/b')).toBe(false);
    expect(sameSite('https://notexample.com/a', 'https://example.com/b')).toBe(false);
    expect(sameSite('not a url', 'https://example.com/b')).toBe(false);
  });
});
