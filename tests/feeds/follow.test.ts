// Following feeds for a server (what /feeds add does): the FEEDS_PER_SERVER limit, also when many
// adds arrive at once, each of which spends seconds fetching and reading before it is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedsOf, FollowError, Web } from '../../src/feeds/index.js';
import { CorpusSync, LiveLibrary } from '../../src/serve/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { seedLibrary } from '../helpers.js';
import { send, startSite, type LocalSite } from '../fetch/site.js';
import { rss } from './make.js';

const G1 = '100000000000000001';
const G2 = '100000000000000002';

describe('following feeds for a server', { timeout: 30_000 }, () => {
  let site: LocalSite;
  let store: Store;
  let web: Web;

  beforeAll(async () => {
    site = await startSite();
    for (let n = 0; n < 6; n++) {
      const feed = send(rss(`Feed ${n}`, []), 'application/rss+xml');
      // A slow site: an add spends a while fetching before it records anything.
      site.route(`/f${n}.xml`, (req, res) => void setTimeout(() => feed(req, res), 300));
    }
    store = openStore('memory://');
    const live = new LiveLibrary(seedLibrary());
    const corpus = new CorpusSync(store, live, { pollMs: 60_000 });
    web = new Web(store, corpus, {
      baseFeeds: [],
      feedsPerServer: 2,
      feedPollMs: 60_000,
      feedItemsPerPoll: 5,
      pagesPerDay: 100,
      pagesPerServer: 500,
      fetch: { treatAsPublic: ['127.0.0.1'], timeoutMs: 5000 },
    });
  });
  afterAll(async () => {
    await web?.stop();
    await store?.close();
    await site?.close();
  });

  it('one after another: the limit refuses the third', async () => {
    await web.follow(G1, site.url('/f0.xml'), 'tester');
    await web.follow(G1, site.url('/f1.xml'), 'tester');
    await expect(web.follow(G1, site.url('/f2.xml'), 'tester')).rejects.toThrow(
      new FollowError('this server follows 2 feeds, the most it may; /feeds remove one first'),
    );
    expect((await feedsOf(store, G1)).length).toBe(2);
  });

  it('six at once: still at most the limit, and every refusal says why', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) => web.follow(G2, site.url(`/f${n}.xml`), 'tester')),
    );
    expect((await feedsOf(store, G2)).length).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(refusals.length).toBeGreaterThan(0);
    for (const err of refusals) {
      expect(err).toBeInstanceOf(FollowError);
      expect([
        'another feed is being added to this server right now; try again in a moment',
        'this server follows 2 feeds, the most it may; /feeds remove one first',
      ]).toContain((err as Error).message);
    }
  });
});
