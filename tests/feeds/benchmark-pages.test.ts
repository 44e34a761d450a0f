// Real news pages through the whole path a feed's items take: served gzipped by a loopback site
// (as the extraction benchmark stores them), fetched, read and kept. Needs ../shared; the tests on
// pages of our own cover the same path on a clone without it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PageAdder } from '../../src/feeds/index.js';
import { CorpusSync, LiveLibrary, parseUpload, type PageRecord } from '../../src/serve/index.js';
import { openStore } from '../../src/store/index.js';
import { seedLibrary, SHARED } from '../helpers.js';
import { needing } from '../requirements.js';
import { send, startSite, type LocalSite } from '../fetch/site.js';

const DIR = join(SHARED, 'eval/extraction/html');

needing('shared').describe('benchmark pages fetched as a feed would', { timeout: 60_000 }, () => {
  let site: LocalSite | undefined;
  afterAll(async () => {
    await site?.close();
  });

  it('20 real pages are fetched (gzip), read into articles citing their address, and kept once', async () => {
    site = await startSite();
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.html.gz'))
      .sort()
      .slice(0, 20);
    for (const f of files) {
      site.route(
        `/p/${f}`,
        send(readFileSync(join(DIR, f)), 'text/html; charset=utf-8', { 'content-encoding': 'gzip' }),
      );
    }
    const store = openStore('memory://');
    const corpus = new CorpusSync(store, new LiveLibrary(seedLibrary()), { pollMs: 60_000 });
    const adder = new PageAdder(store, corpus, { pagesPerDay: 100, pagesKept: 100 }, { treatAsPublic: ['127.0.0.1'] });
    const added: PageRecord[] = [];
    const batch = new Set<string>();
    for (const f of files) {
      const prepared = await adder.prepare('g', site.url(`/p/${f}`), 'test', null, batch);
      if (prepared.status === 'new') added.push(prepared.page);
    }
    // Distinct pages: none taken for another (a page may still carry a second copy of one story).
    expect(added.length).toBeGreaterThanOrEqual(files.length - 1);
    for (const page of added) {
      const { articles } = parseUpload(page);
      expect(articles[0].url).toBe(page.url);
      expect(articles[0].text.length).toBeGreaterThan(200);
    }
    await adder.commit('g', added);
    expect((await corpus.pagesOf('g')).length).toBe(added.length);
    await store.close();
  });
});
