import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { checkUploadName, LiveLibrary, type Upload } from '../../src/serve/index.js';
import { seedLibrary } from '../helpers.js';

function upload(guildId: string, name: string, text: string): Upload {
  const bytes = Buffer.from(text);
  return { guildId, name, data: bytes.toString('base64'), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), by: '1', at: '2025-01-01T00:00:00Z' };
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
    for (const ok of ['notes.txt', 'Report_2024-01.md', 'page.html', 'feed.jsonl', 'a.htm', 'b.markdown']) expect(checkUploadName(ok)).toBeNull();
    for (const bad of ['../x.txt', 'a/b.txt', 'a\\b.txt', '..x.txt', '.hidden.txt', 'two words.txt', 'x.exe', 'noext', 'x.txt\u0000', 'é.txt', `${'a'.repeat(101)}.txt`]) {
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
    expect(JSON.stringify(answerQuestion(own, 'What did Ablyazov say about the tournament?', { guildId: 'g1' }))).toContain('Lyon');
    expect(JSON.stringify(answerQuestion(base, 'What did Ablyazov say about the tournament?', { guildId: 'g2' }))).not.toMatch(/Lyon|chess/);
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
