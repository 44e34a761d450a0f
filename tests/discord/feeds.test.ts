// Links and feeds through the real discord.js client against the fake Discord, with a loopback site
// serving pages and feeds of our own. The happy paths turn ALLOW_PRIVATE_URLS on (the site is on
// 127.0.0.1); the refusals run with it off, as in production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_MANAGER } from '../../src/discord/commands/admin.js';
import type { FeedRecord } from '../../src/feeds/index.js';
import type { PageRecord } from '../../src/serve/index.js';
import { send, startSite, type LocalSite } from '../fetch/site.js';
import { rss, type Item } from '../feeds/make.js';
import { serveStories, STORIES } from '../feeds/stories.js';
import { FakeDiscord } from './fake/index.js';
import { snowflake } from './fake/payloads.js';
import { callbackOf, replyOf, startHarness, type Harness } from './harness.js';

const A = { admin: true };

describe('links and feeds in Discord', { timeout: 60_000 }, () => {
  let site: LocalSite;
  let fake: FakeDiscord;
  let dir: string;
  let env: Record<string, string>;
  const other = snowflake();
  const B = { guild: other, admin: true };
  let feedItems: Item[] = [];

  const item = (n: number): Item => ({
    id: `v${n}`,
    link: site.url(STORIES[n].path),
    title: STORIES[n].title,
    date: new Date(Date.UTC(2026, 10, 30, 8 + n)).toISOString(),
  });
  const ask = async (h: Harness, question: string, where: 'guild' | typeof B = 'guild') =>
    JSON.stringify(await replyOf(h.fake, h.fake.slash('ask', { question }, where)));

  beforeAll(async () => {
    site = await startSite();
    serveStories(site);
    site.route('/valley.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss('Valley News', feedItems));
    });
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    dir = mkdtempSync(join(tmpdir(), 'whosaid-feeds-'));
    env = {
      STORE_URL: `sqlite://${join(dir, 'state.sqlite')}`,
      RATE_LIMIT_PER_MINUTE: '1000',
      ALLOW_PRIVATE_URLS: 'true',
      FEED_POLL_MINUTES: '0.01',
    };
  });
  afterAll(async () => {
    await fake?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('/corpus add url: the page is read like a file, answered here with its link, and added once', async () => {
    const h = await startHarness({ discord: fake, env });
    try {
      await h.bot.library.ready;
      const story = STORIES[3];
      const added = await replyOf(fake, fake.slashSub('corpus', 'add', { url: site.url(story.path) }, A));
      expect(added.content).toMatch(
        new RegExp(
          `^Added \\*\\*${story.title}\\*\\* from http://127\\.0\\.0\\.1:\\d+/news/library: ` +
            `1 article \\([^)]+\\), answered from in this server only\\.$`,
        ),
      );
      const answer = await replyOf(fake, fake.slash('ask', { question: `Who said "${story.words}"?` }));
      expect(answer.content).toBe(`${story.speaker} said it.`);
      expect(answer.embeds[0].url).toBe(site.url(story.path));
      expect(await ask(h, `Who said "${story.words}"?`, B)).not.toContain(story.speaker);
      const again = await replyOf(
        fake,
        fake.slashSub('corpus', 'add', { url: `${site.url(story.path)}?utm_source=chat#top` }, A),
      );
      expect(again.content).toBe('This server has that page already (the same address); nothing was added.');
      expect(site.count(story.path)).toBe(1);
      const neither = await replyOf(fake, fake.slashSub('corpus', 'add', {}, A));
      expect(neither.content).toBe('Give /corpus add either a file or a url (one of the two).');
      const member = await replyOf(
        fake,
        fake.slashSub('corpus', 'add', { url: site.url(STORIES[0].path) }, { admin: false }),
      );
      expect(member.content).toBe(NOT_MANAGER);
      const list = await replyOf(fake, fake.slashSub('corpus', 'list', {}, A));
      expect(list.embeds[0].description).toContain('**1 web page** — 1 by link, 0 from feeds');
    } finally {
      await h.close();
    }
  });

  it("/feeds add: the feed's items reach this server within a poll, not another; /feeds list and remove", async () => {
    feedItems = [item(0), item(1)];
    const h = await startHarness({ discord: fake, env });
    try {
      await h.bot.library.ready;
      const followed = await replyOf(fake, fake.slashSub('feeds', 'add', { url: site.url('/valley.xml') }, A));
      expect(followed.content).toMatch(
        new RegExp(
          '^Following \\*\\*Valley News\\*\\* \\(RSS, 2 items\\)\\.\\n' +
            'Its newest 2 stories are being added now, and new ones every 0\\.01 minutes',
        ),
      );
      await h.logs.waitFor((l) => l.msg === 'feed items added' && l.scope === fake.ids.guild && l.added === 2);
      expect(await ask(h, `Who said "${STORIES[1].words}"?`)).toContain(STORIES[1].speaker);
      expect(await ask(h, `Who said "${STORIES[1].words}"?`, B)).not.toContain(STORIES[1].speaker);

      // A new story in the feed is answered within one poll (0.6 s here) and a little work.
      feedItems = [item(2), ...feedItems];
      const t0 = Date.now();
      await h.logs.waitFor((l) => l.msg === 'feed items added' && l.scope === fake.ids.guild && l.added === 1);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(await ask(h, `What did ${STORIES[2].speaker} say?`)).toContain('braziers');
      expect(await ask(h, `What did ${STORIES[2].speaker} say?`, B)).not.toContain('braziers');

      const again = await replyOf(fake, fake.slashSub('feeds', 'add', { url: site.url('/valley.xml') }, A));
      expect(again.content).toBe('This server already follows **Valley News**. /feeds list shows how it goes.');
      const list = await replyOf(fake, fake.slashSub('feeds', 'list', {}, A));
      expect(list.embeds[0].title).toBe('1 feed followed by this server');
      expect(list.embeds[0].description).toContain('3 stories added; last checked');
      const elsewhere = await replyOf(fake, fake.slashSub('feeds', 'list', {}, B));
      expect(elsewhere.content).toBe(
        'This server follows no feeds yet. /feeds add takes an RSS, Atom or JSON Feed address.',
      );
      const choices = (await callbackOf(fake, fake.autocompleteSub('feeds', 'remove', 'feed', 'valley', A))).data
        .choices;
      expect(choices).toEqual([
        { name: expect.stringContaining('Valley News'), value: expect.stringMatching(/^[0-9a-f]{12}$/) },
      ]);
      const removed = await replyOf(fake, fake.slashSub('feeds', 'remove', { feed: choices[0].value }, A));
      expect(removed.content).toBe('No longer following **Valley News**; the 3 stories it added stay.');
      // Its stories stay; following it again picks up where the store says it is.
      expect(await ask(h, `Who said "${STORIES[0].words}"?`)).toContain(STORIES[0].speaker);
    } finally {
      await h.close();
    }
  });

  it('a restart adds nothing twice, and a feed that keeps failing shows its last error', async () => {
    feedItems = [item(0), item(1), item(2)];
    const hits = () => STORIES.slice(0, 3).reduce((n, s) => n + site.count(s.path), 0);
    const first = await startHarness({ discord: fake, env });
    await first.bot.library.ready;
    await replyOf(fake, fake.slashSub('feeds', 'add', { url: site.url('/valley.xml') }, A));
    const pagesBefore = await first.store.list<PageRecord>('pages', `${fake.ids.guild}/`);
    await first.close();
    const fetchedBefore = hits();

    const second = await startHarness({ discord: fake, env });
    try {
      await second.logs.waitFor((l) => l.msg === 'server articles updated' && l.guild === fake.ids.guild);
      expect(await ask(second, `Who said "${STORIES[2].words}"?`)).toContain(STORIES[2].speaker);
      // Several polls later: the feed was read again, its stories were not.
      const feedHits = site.count('/valley.xml');
      await new Promise((r) => setTimeout(r, 1500));
      expect(site.count('/valley.xml')).toBeGreaterThan(feedHits);
      expect(hits()).toBe(fetchedBefore);
      expect((await second.store.list<PageRecord>('pages', `${fake.ids.guild}/`)).length).toBe(pagesBefore.length);

      site.route('/valley.xml', (_req, res) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('down');
      });
      await second.logs.waitFor((l) => l.msg === 'feed poll failed; backing off' && l.failures === 2);
      const list = await replyOf(fake, fake.slashSub('feeds', 'list', {}, A));
      expect(list.embeds[0].description).toMatch(
        /⚠️ failing \(2 in a row\): the site answered HTTP 500; next try \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
      );
      const saved = (await second.store.list<FeedRecord>('feeds', `${fake.ids.guild}/`))[0].value;
      expect(saved.nextPollAt - Date.now()).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});

describe('links and feeds refused in Discord (ALLOW_PRIVATE_URLS off)', { timeout: 30_000 }, () => {
  let h: Harness;
  let site: LocalSite;
  beforeAll(async () => {
    site = await startSite();
    serveStories(site);
    site.route('/feed.xml', send(rss('Local', []), 'application/rss+xml'));
    h = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    await h.bot.library.ready;
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('loopback, 10.x, metadata and non-http links are refused with the reason; nothing fetched or kept', async () => {
    const cases: Array<[string, string, string]> = [
      ['corpus', site.url(STORIES[0].path), '127.0.0.1 is a loopback address; only public addresses are fetched'],
      ['corpus', 'http://10.20.30.40/news', '10.20.30.40 is a private address; only public addresses are fetched'],
      [
        'corpus',
        'http://169.254.169.254/latest/meta-data/',
        '169.254.169.254 is a cloud metadata address; only public addresses are fetched',
      ],
      ['corpus', 'file:///etc/passwd', 'only http and https links are fetched, not file'],
      ['feeds', site.url('/feed.xml'), '127.0.0.1 is a loopback address; only public addresses are fetched'],
      [
        'feeds',
        'http://169.254.169.254/feed',
        '169.254.169.254 is a cloud metadata address; only public addresses are fetched',
      ],
    ];
    for (const [command, url, why] of cases) {
      const reply = await replyOf(h.fake, h.fake.slashSub(command, 'add', { url }, A));
      const verb = command === 'corpus' ? 'add' : 'follow';
      expect(reply.content).toBe(`I can't ${verb} “${url.replace(/_/g, '\\_')}”: ${why}.`);
    }
    expect(site.hits).toEqual([]);
    expect(await h.store.list('pages', '')).toEqual([]);
    expect(await h.store.list('feeds', '')).toEqual([]);
  });
});

describe("the operator's FEEDS= for the base corpus", { timeout: 60_000 }, () => {
  it('its stories reach every server and DMs and survive a restart; dropped from FEEDS=, not polled', async () => {
    const site = await startSite();
    serveStories(site);
    const story = STORIES[2];
    const wire = rss('Regional Wire', [{ id: 'b1', link: site.url(story.path), title: story.title }]);
    site.route('/base.xml', send(wire, 'application/rss+xml'));
    const fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-base-feeds-'));
    const env = {
      STORE_URL: `sqlite://${join(dir, 'state.sqlite')}`,
      RATE_LIMIT_PER_MINUTE: '1000',
      ALLOW_PRIVATE_URLS: 'true',
      FEED_POLL_MINUTES: '0.01',
      FEEDS: site.url('/base.xml'),
    };
    const question = `Who said "${story.words}"?`;
    try {
      const first = await startHarness({ discord: fake, env });
      await first.logs.waitFor((l) => l.msg === 'feed items added' && l.scope === 'base');
      for (const where of ['guild', { guild: snowflake() }, 'dm'] as const) {
        expect(JSON.stringify(await replyOf(fake, fake.slash('ask', { question }, where)))).toContain(story.speaker);
      }
      await first.close();
      expect(site.count(story.path)).toBe(1);

      const second = await startHarness({ discord: fake, env });
      await second.logs.waitFor((l) => l.msg === 'server articles updated' && l.guild === 'base');
      expect(JSON.stringify(await replyOf(fake, fake.slash('ask', { question }, 'dm')))).toContain(story.speaker);
      await second.close();
      expect(site.count(story.path)).toBe(1);

      const third = await startHarness({ discord: fake, env: { ...env, FEEDS: '' } });
      await third.logs.waitFor((l) => l.msg === 'FEEDS changed: base feeds updated');
      const polled = site.count('/base.xml');
      await new Promise((r) => setTimeout(r, 1000));
      expect(site.count('/base.xml')).toBe(polled);
      // Its stories stay in the base corpus.
      expect(JSON.stringify(await replyOf(fake, fake.slash('ask', { question }, 'dm')))).toContain(story.speaker);
      await third.close();
    } finally {
      await fake.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
