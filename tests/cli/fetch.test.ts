// `whosaid fetch URL… --into DIR` as a person runs it: pages saved with their address, read back by
// `ask` citing it; the same page again keeps one file; loopback refused unless ALLOW_PRIVATE_URLS.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFileName } from '../../src/cli/fetch.js';
import { startSite, type LocalSite } from '../fetch/site.js';
import { serveStories, STORIES } from '../feeds/stories.js';
import { whosaid } from './run.js';

describe('whosaid fetch', { timeout: 60_000 }, () => {
  let site: LocalSite;
  let dir: string;
  beforeAll(async () => {
    site = await startSite();
    serveStories(site);
    dir = mkdtempSync(join(tmpdir(), 'whosaid-fetch-'));
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves each page as .html with its address; ask cites it; a second fetch keeps one file a page', async () => {
    const open = { ALLOW_PRIVATE_URLS: 'true', DOTENV_CONFIG_QUIET: 'true' };
    const links = [site.url(STORIES[0].path), `${site.url(STORIES[1].path)}?utm_source=x`, site.url('/missing')];
    const first = await whosaid(['fetch', ...links, '--into', dir], '', open);
    expect(first.code).toBe(1);
    const saved = first.stdout.trim().split('\n');
    expect(saved).toHaveLength(2);
    expect(saved[0]).toBe(`saved ${join(dir, pageFileName(links[0]))}\t${links[0]}\t${STORIES[0].title}`);
    expect(first.stderr.trim()).toBe(`whosaid: could not fetch ${site.url('/missing')}: the site answered HTTP 404`);
    expect(readFileSync(join(dir, pageFileName(links[0])), 'utf8')).toMatch(
      /^<meta property="og:url" content="http:\/\/127\.0\.0\.1:\d+\/news\/quarry">/,
    );

    const asked = await whosaid(
      ['ask', '--corpus', dir, '--json', '--quiet', `Who said "${STORIES[0].words}"?`],
      '',
      open,
    );
    const answer = JSON.parse(asked.stdout);
    expect(answer.answers[0]).toMatchObject({ speaker: STORIES[0].speaker, article: { url: links[0] } });

    const again = await whosaid(['fetch', site.url(STORIES[1].path), '--into', dir], '', open);
    expect(again.code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('refuses loopback with private addresses not allowed (the default), and bad usage', async () => {
    const refused = await whosaid(['fetch', site.url(STORIES[2].path), '--into', dir], '', {
      ALLOW_PRIVATE_URLS: 'false',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `whosaid: could not fetch ${site.url(STORIES[2].path)}: ` +
        '127.0.0.1 is a loopback address; only public addresses are fetched',
    );
    expect((await whosaid(['fetch', '--into', dir])).stderr).toMatch(/^whosaid: fetch needs at least one URL\n/);
    const noDir = await whosaid(['fetch', site.url('/x')]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/^whosaid: fetch needs --into DIR/);
  });
});
