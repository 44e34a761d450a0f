import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_MANAGER, SERVER_ONLY } from '../../src/discord/commands/admin.js';
import type { Upload } from '../../src/serve/index.js';
import { snowflake } from './fake/payloads.js';
import { buttons, callbackOf, replyOf, startHarness, type Harness } from './harness.js';
import { PELLINORE, ZORBLAT } from './uploaded.js';

/** The custom_ids of a posted message's buttons, by label or emoji. */

describe('per-server articles, /corpus and /settings against the fake Discord (SQLite store)', {
  timeout: 30_000,
}, () => {
  let h: Harness;
  let dir: string;
  const other = snowflake();
  /** A manager of the test server, and of the other server. */
  const A = { admin: true };
  const B = { guild: other, admin: true };
  const uploadsOf = async (guild: string) =>
    (await h.store.list<Upload>('uploads', `${guild}/`)).map((e) => e.value.name);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'whosaid-uploads-'));
    // More questions than the default rate limit allows in a minute: the limit has tests of its own.
    h = await startHarness({
      env: { STORE_URL: `sqlite://${join(dir, 'whosaid.sqlite')}`, RATE_LIMIT_PER_MINUTE: '1000' },
    });
    await h.bot.library.ready;
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a manager adds an article: this server answers from it at once, other servers and DMs never do', async () => {
    const add = h.fake.slashSub('corpus', 'add', { file: h.fake.attachment(ZORBLAT.name, ZORBLAT.text) }, A);
    // Fetching and indexing take a while: acknowledged privately first.
    const ack = await callbackOf(h.fake, add);
    expect(ack).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const done = await replyOf(h.fake, add);
    expect(done.content).toMatch(
      /^Added \*\*zorblat-festival\.txt\*\*: 1 article, answered from in this server only\.\n• Zorblat Quimby warns/,
    );
    expect(await uploadsOf(h.fake.ids.guild)).toEqual([ZORBLAT.name]);

    const here = await replyOf(h.fake, h.fake.slash('ask', { question: ZORBLAT.question }));
    expect(here.content).toBe(ZORBLAT.answer);
    expect(here.embeds[0].title).toBe(ZORBLAT.title);

    for (const where of [{ guild: other }, 'dm'] as const) {
      const elsewhere = await replyOf(h.fake, h.fake.slash('ask', { question: ZORBLAT.question }, where));
      expect(JSON.stringify(elsewhere)).not.toMatch(/Zorblat|Quimby|ice sculptures|glacier/i);
      const about = await replyOf(h.fake, h.fake.slash('ask', { question: 'What did Zorblat Quimby say?' }, where));
      expect(JSON.stringify(about)).not.toMatch(/ice sculptures|snow from the mountains|festival director/i);
    }
    expect(h.fake.fetched).toHaveLength(1);
    // Built in a worker thread, not in the one that talks to Discord.
    expect(h.logs.find((l) => /build worker failed/.test(l.msg))).toBeUndefined();
  });

  it('autocomplete, /speakers, /articles, /corpus list and /help show another server nothing of it', async () => {
    const speakerChoices = async (where: 'guild' | { guild: string }) =>
      (await callbackOf(h.fake, h.fake.autocomplete('quotes', 'speaker', 'zorbl', {}, where))).data.choices;
    expect(await speakerChoices('guild')).toEqual([expect.objectContaining({ value: 'Zorblat Quimby' })]);
    expect(await speakerChoices({ guild: other })).toEqual([]);
    const articleChoices = async (where: 'guild' | { guild: string }) =>
      (await callbackOf(h.fake, h.fake.autocomplete('speakers', 'article', 'glacier', {}, where))).data.choices;
    expect(await articleChoices('guild')).toEqual([
      { name: ZORBLAT.title, value: `guild/${h.fake.ids.guild}/zorblat-festival` },
    ]);
    expect(await articleChoices({ guild: other })).toEqual([]);

    const speakersHere = JSON.stringify(await replyOf(h.fake, h.fake.slash('speakers')));
    const speakersThere = JSON.stringify(await replyOf(h.fake, h.fake.slash('speakers', {}, { guild: other })));
    expect(speakersHere).toContain('Zorblat Quimby');
    expect(speakersThere).not.toMatch(/Zorblat|Quimby|festival/);
    const oneArticle = await replyOf(
      h.fake,
      h.fake.slash('speakers', { article: `guild/${h.fake.ids.guild}/zorblat-festival` }, { guild: other }),
    );
    expect(oneArticle).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/^No article matches/),
    });

    const articlesHere = await replyOf(h.fake, h.fake.slash('articles'));
    const articlesThere = await replyOf(h.fake, h.fake.slash('articles', {}, { guild: other }));
    expect(articlesHere.embeds[0].title).toBe('2 articles');
    expect(articlesHere.embeds[0].description).toContain(ZORBLAT.title);
    expect(articlesThere.embeds[0].title).toBe('1 article');
    expect(JSON.stringify(articlesThere)).not.toContain('Zorblat');

    const listHere = await replyOf(h.fake, h.fake.slashSub('corpus', 'list', {}, A));
    expect(listHere.embeds[0].title).toBe('1 file added by this server');
    expect(listHere.embeds[0].description).toMatch(
      /^• \*\*zorblat-festival\.txt\*\* — 1 article, \d+ bytes, added by <@\d+> on \d{4}-\d\d-\d\d$/,
    );
    const listThere = await replyOf(h.fake, h.fake.slashSub('corpus', 'list', {}, B));
    expect(listThere.content).toMatch(/^This server has added no articles yet/);
    expect(JSON.stringify(await replyOf(h.fake, h.fake.slash('help', {}, { guild: other })))).not.toMatch(
      /Zorblat|Quimby/,
    );
  });

  it('refuses members without Manage Server, DMs, odd names, big files, non-articles, and writes nothing', async () => {
    const refused = async (file: ReturnType<Harness['fake']['attachment']>, where: object = A) =>
      replyOf(h.fake, h.fake.slashSub('corpus', 'add', { file }, where));
    const fetchedBefore = h.fake.fetched.length;
    expect(await refused(h.fake.attachment('fine.txt', PELLINORE.text), {})).toMatchObject({
      content: NOT_MANAGER,
      flags: MessageFlags.Ephemeral,
    });
    expect((await refused(h.fake.attachment('fine.txt', PELLINORE.text), 'dm' as never)).content).toBe(SERVER_ONLY);
    for (const name of [
      '../evil.txt',
      '..hidden.txt',
      'two words.txt',
      'notes.exe',
      'noextension',
      `${'x'.repeat(101)}.txt`,
    ]) {
      const r = await refused(h.fake.attachment(name, PELLINORE.text));
      expect(r.content).toMatch(/^I can't add “.*”: (use a plain file name|the file must be one of)/);
    }
    expect(h.fake.fetched.length).toBe(fetchedBefore);
    const big = await refused(h.fake.attachment('big.txt', Buffer.alloc(1024 * 1024 + 1, 'a')));
    expect(big.content).toMatch(/^I can't add “big\.txt”: it is 1\.0 MB, and files may be 1 MB at most\.$/);
    expect(h.fake.fetched.length).toBe(fetchedBefore);
    const png = await refused(
      h.fake.attachment('picture.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
    );
    expect(png.content).toMatch(
      /^I can't add “picture\.txt”: I found no article in it \(binary content, not text\)\.$/,
    );
    const empty = await refused(h.fake.attachment('empty.jsonl', '{"no": "title"}\n'));
    expect(empty.content).toMatch(/^I can't add “empty\.jsonl”: I found no article in it/);
    expect(await uploadsOf(h.fake.ids.guild)).toEqual([ZORBLAT.name]);
    expect(await h.store.list('uploads', '')).toHaveLength(1);
  });

  it("/corpus remove offers this server's files only, removes from this server only; the article is gone", async () => {
    await replyOf(
      h.fake,
      h.fake.slashSub('corpus', 'add', { file: h.fake.attachment(PELLINORE.name, PELLINORE.text) }, A),
    );
    expect((await replyOf(h.fake, h.fake.slash('ask', { question: PELLINORE.question }))).content).toBe(
      PELLINORE.answer,
    );
    const offered = await callbackOf(h.fake, h.fake.autocompleteSub('corpus', 'remove', 'file', 'pell', A));
    expect(offered.data.choices).toEqual([{ name: PELLINORE.name, value: PELLINORE.name }]);
    expect((await callbackOf(h.fake, h.fake.autocompleteSub('corpus', 'remove', 'file', '', B))).data.choices).toEqual(
      [],
    );

    const wrongServer = await replyOf(h.fake, h.fake.slashSub('corpus', 'remove', { file: PELLINORE.name }, B));
    expect(wrongServer.content).toMatch(/^This server has no file “pellinore\.md”/);
    expect(await uploadsOf(h.fake.ids.guild)).toEqual([PELLINORE.name, ZORBLAT.name]);

    const removed = await replyOf(h.fake, h.fake.slashSub('corpus', 'remove', { file: PELLINORE.name }, A));
    expect(removed.content).toBe('Removed **pellinore.md**; it is no longer searched here.');
    const after = await replyOf(h.fake, h.fake.slash('ask', { question: PELLINORE.question }));
    expect(JSON.stringify(after)).not.toContain('Pellinore');
    expect((await replyOf(h.fake, h.fake.slash('ask', { question: ZORBLAT.question }))).content).toBe(ZORBLAT.answer);
  });

  it('/corpus gaps lists the questions that found nothing and the answers marked 👎, each server its own', async () => {
    await replyOf(h.fake, h.fake.slash('ask', { question: 'What did Zebulon Quux say?' }));
    await replyOf(h.fake, h.fake.slash('ask', { question: 'What did Bartholomew Stroud say?' }, { guild: other }));
    const ask = h.fake.slash('ask', { question: ZORBLAT.question });
    await replyOf(h.fake, ask);
    const original = h.fake.originalOf(ask.id)!;
    expect((await replyOf(h.fake, h.fake.click(buttons(original)['👎'], original))).content).toMatch(
      /^Thanks, noted 👎/,
    );

    const here = JSON.stringify(await replyOf(h.fake, h.fake.slashSub('corpus', 'gaps', {}, A)));
    expect(here).toContain('What did Zebulon Quux say?');
    expect(here).toContain('Answers marked 👎 (1)');
    expect(here).toContain('the ice sculptures will melt');
    expect(here).not.toContain('Bartholomew');
    const there = JSON.stringify(await replyOf(h.fake, h.fake.slashSub('corpus', 'gaps', {}, B)));
    expect(there).toContain('What did Bartholomew Stroud say?');
    // Its own question on the ice sculptures (asked there in the first test) found nothing there, and is
    // listed; this server's question and 👎 are not.
    expect(there).not.toMatch(/Zebulon|👎|Answers marked/);
    expect((await replyOf(h.fake, h.fake.slashSub('corpus', 'gaps', {}, {}))).content).toBe(NOT_MANAGER);
  });

  it('/settings visibility: ephemeral answers (and their More pages) in that server only', async () => {
    expect(
      (await replyOf(h.fake, h.fake.slash('settings', { visibility: 'ephemeral' }, { guild: other }))).content,
    ).toBe(NOT_MANAGER);
    const set = await replyOf(h.fake, h.fake.slash('settings', { visibility: 'ephemeral' }, B));
    expect(set).toMatchObject({
      content: 'Visibility is now **ephemeral**: answers are shown only to the person who asked.',
      flags: MessageFlags.Ephemeral,
    });
    expect((await replyOf(h.fake, h.fake.slash('settings', {}, B))).content).toMatch(/^Visibility: \*\*ephemeral\*\*/);

    const ask = h.fake.slash('ask', { question: 'What did Ablyazov say?' }, { guild: other });
    const answer = await replyOf(h.fake, ask);
    expect(answer.flags).toBe(MessageFlags.Ephemeral);
    expect(answer.embeds).toHaveLength(3);
    const original = h.fake.originalOf(ask.id)!;
    const more = await replyOf(h.fake, h.fake.click(buttons(original).More, original, { guild: other }));
    expect(more.flags).toBe(MessageFlags.Ephemeral);
    expect(more.content).toMatch(/^More for “What did Ablyazov say\?”: answers 4–/);

    const public_ = await replyOf(h.fake, h.fake.slash('ask', { question: 'What did Ablyazov say?' }));
    expect(public_.flags ?? 0).toBe(0);
    expect(await h.store.get('settings', other)).toEqual({ visibility: 'ephemeral' });
  });
});
