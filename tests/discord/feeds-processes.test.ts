// Two bot processes (two shards of one bot, each with its own store connection) follow the same
// feeds through one store: a feed is polled by one of them at a time, about once per poll period, and
// its stories are added once. SQLite here; Redis where it runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { PageRecord } from '../../src/serve/index.js';
import { startSite } from '../fetch/site.js';
import { rss } from '../feeds/make.js';
import { serveStories, STORIES } from '../feeds/stories.js';
import { has, needing } from '../requirements.js';
import { dropPrefix, sharedRedisUrl, uniquePrefix } from '../store/redis.js';
import { FakeDiscord } from './fake/index.js';
import { replyOf, startHarness } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-feed-procs-'));
const prefix = uniquePrefix('feeds');
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (has('redis')) await dropPrefix(prefix);
});

describe.each([
  ['SQLite', `sqlite://${join(dir, 'state.sqlite')}`],
  ['Redis', sharedRedisUrl(prefix)],
])('two bot processes on one %s store', { timeout: 90_000 }, (kind, storeUrl) => {
  const { it } = needing(...(kind === 'Redis' ? (['redis'] as const) : []));
  it('never poll the same feed at the same time, and add its stories once', async () => {
    const site = await startSite();
    serveStories(site);
    const items = STORIES.slice(0, 2).map((s, n) => ({ id: `p${n}`, link: site.url(s.path), title: s.title }));
    // Slow to answer, so two polls at once would overlap on the site.
    site.route('/slow.xml', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 250));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Slow News', items));
    });
    const fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const env = {
      STORE_URL: storeUrl,
      ALLOW_PRIVATE_URLS: 'true',
      FEED_POLL_MINUTES: '0.01',
      SHARD_COUNT: '2',
      RATE_LIMIT_PER_MINUTE: '1000',
    };
    const bots = await Promise.all(
      [0, 1].map((id) => startHarness({ discord: fake, env: { ...env, SHARD_IDS: String(id) } })),
    );
    try {
      await Promise.all(bots.map((b) => b.bot.library.ready));
      const owner = bots.find((b) => b.bot.client.guilds.cache.has(fake.ids.guild))!;
      const followed = await replyOf(
        fake,
        fake.slashSub('feeds', 'add', { url: site.url('/slow.xml') }, { admin: true }),
      );
      expect(followed.content).toMatch(/^Following \*\*Slow News\*\*/);
      const t0 = Date.now();
      // At least 4 s, and until a second poll came: a loaded machine (CI on two CPUs) may be slow to.
      await new Promise((r) => setTimeout(r, 4000));
      while (site.count('/slow.xml') - 1 < 2 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 100));
      const elapsed = Date.now() - t0;
      // One of them at a time (and the read at /feeds add, before the feed was recorded).
      expect(site.maxConcurrent('/slow.xml')).toBe(1);
      // About once per poll period (0.6 s) plus the poll's own time, not twice as often.
      const polls = site.count('/slow.xml') - 1;
      expect(polls).toBeGreaterThanOrEqual(2);
      expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / 600) + 1);
      // Both processes took part or one did; either way, each story was fetched and stored once.
      for (const s of STORIES.slice(0, 2)) expect(site.count(s.path)).toBe(1);
      expect((await owner.store.list<PageRecord>('pages', `${fake.ids.guild}/`)).length).toBe(2);
      expect(
        JSON.stringify(await replyOf(fake, fake.slash('ask', { question: `Who said "${STORIES[1].words}"?` }))),
      ).toContain(STORIES[1].speaker);
    } finally {
      for (const b of bots) await b.close();
      await fake.close();
      await site.close();
    }
  });
});
