import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import {
  checkUploadName,
  LiveLibrary,
  pageRecord,
  parseUpload,
  SHARED_SCOPE,
  type Upload,
} from '../../src/serve/index.js';
import { seedLibrary } from '../helpers.js';

function upload(guildId: string, name: string, text: string): Upload {
  const bytes = Buffer.from(text);
  return {
    guildId,
    name,
    data: bytes.toString('base64'),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    by: '1',
    at: '2025-01-01T00:00:00Z',
  };
}

// A server's article quoting a speaker of the base corpus.
const CHESS = [
  'Ablyazov takes up chess',
  '',
  '"I will win the tournament in Lyon," said Mukhtar Ablyazov, the amateur chess champion, on Sunday.',
  '',
].join('\n');

describe('upload names', () => {
  it('accepts plain file names of the supported formats and refuses paths and odd characters', () => {
    for (const ok of ['notes.txt', 'Report_2024-01.md', 'page.html', 'feed.jsonl', 'a.htm', 'b.markdown'])
      expect(checkUploadName(ok)).toBeNull();
    for (const bad of [
      '../x.txt',
      'a/b.txt',
      'a\\b.txt',
      '..x.txt',
      '.hidden.txt',
      'two words.txt',
      'x.exe',
      'noext',
      'x.txt\u0000',
      'é.txt',
      `${'a'.repeat(101)}.txt`,
    ]) {
      expect(checkUploadName(bad)).not.toBeNull();
    }
  });
});

describe('per-server libraries', () => {
  it("a server's uploads, and what they add to a speaker, stay in its own library", async () => {
    const base = await seedLibrary();
    const live = new LiveLibrary(Promise.resolve(base));
    await live.ready;
    const update = await live.setGuild('g1', [upload('g1', 'chess.txt', CHESS)]);
    expect(update).toMatchObject({ guildId: 'g1', articles: 1, from: 'build' });
    const own = live.forGuild('g1')!;
    expect(own.articles.map((a) => a.id)).toEqual([...base.articles.map((a) => a.id), 'guild/g1/chess']);
    expect(own.articles.at(-1)).toMatchObject({ guildId: 'g1', file: 'chess.txt' });
    // Another server and DMs answer from the base corpus, untouched by the upload.
    expect(live.forGuild('g2')).toBe(base);
    expect(live.forGuild(null)).toBe(base);
    expect(live.versionFor('g1')).not.toBe(live.versionFor('g2'));
    const describe = (lib: typeof base) => lib.speakers.find((s) => s.name === 'Mukhtar Ablyazov')!;
    expect(describe(own).articles).toContain('guild/g1/chess');
    expect(describe(base).articles).not.toContain('guild/g1/chess');
    expect(describe(own).quoteCount).toBe(describe(base).quoteCount + 1);
    expect(
      JSON.stringify(answerQuestion(own, 'What did Ablyazov say about the tournament?', { guildId: 'g1' })),
    ).toContain('Lyon');
    expect(
      JSON.stringify(answerQuestion(base, 'What did Ablyazov say about the tournament?', { guildId: 'g2' })),
    ).not.toMatch(/Lyon|chess/);
  });

  it('rebuilds only what changed, and a server without uploads goes back to the base corpus', async () => {
    const base = await seedLibrary();
    const live = new LiveLibrary(Promise.resolve(base));
    const files = [upload('g1', 'chess.txt', CHESS)];
    expect((await live.setGuild('g1', files)).from).toBe('build');
    const built = live.forGuild('g1');
    expect((await live.setGuild('g1', files)).from).toBe('unchanged');
    expect(live.forGuild('g1')).toBe(built);
    expect((await live.setGuild('g1', [])).from).toBe('removed');
    expect(live.forGuild('g1')).toBe(base);
    expect(live.guilds()).toEqual([]);
  });
});

describe('fetched pages and the shared scope', () => {
  const PAGE = `<html><head><title>Lighthouse keepers</title>
<meta property="og:url" content="https://elsewhere.example/claimed"></head><body>
<article><h1>Lighthouse keepers return</h1>
<p>"The lamp has not failed once in forty winters," said Brannoc Tully, the last keeper on the island.</p>
<p>The island council voted to staff the lighthouse again from the spring, after a storm cut the automatic
beacon for a week.</p></article></body></html>`;

  it("a page cites the address it was fetched from; the shared scope's pages reach every server and DMs", async () => {
    const base = await seedLibrary();
    const live = new LiveLibrary(Promise.resolve(base));
    await live.setGuild('g1', [upload('g1', 'chess.txt', CHESS)]);
    const page = pageRecord({
      scope: SHARED_SCOPE,
      id: 'abc',
      url: 'https://news.example/lighthouse',
      html: Buffer.from(PAGE),
      title: 't',
      by: 'feed',
      feedId: 'f',
      seen: [],
    });
    expect(parseUpload(page).articles[0]).toMatchObject({ id: 'web/web-abc', url: 'https://news.example/lighthouse' });
    const update = await live.setShared([page]);
    expect(update).toMatchObject({ guildId: SHARED_SCOPE, articles: 1 });
    expect(live.fingerprintOf(SHARED_SCOPE)).not.toBeNull();
    for (const lib of [live.forGuild(null)!, live.forGuild('g2')!, live.forGuild('g1')!]) {
      expect(lib.articles.map((a) => a.id)).toContain('web/web-abc');
    }
    // g1 was rebuilt on the new base and keeps its own article.
    expect(live.forGuild('g1')!.articles.map((a) => a.id)).toContain('guild/g1/chess');
    const answer = answerQuestion(live.forGuild('g2')!, 'Who said "the lamp has not failed once"?', { guildId: 'g2' });
    expect(answer.answers[0]).toMatchObject({ speaker: 'Brannoc Tully' });
    expect(answer.answers[0].article.url).toBe('https://news.example/lighthouse');
    await live.setShared([]);
    expect(live.forGuild(null)).toBe(base);
    expect(live.forGuild('g1')!.articles.map((a) => a.id)).not.toContain('web/web-abc');
  });
});
