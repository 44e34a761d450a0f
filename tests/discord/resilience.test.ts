import { MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { customId } from '../../src/discord/answer-view.js';
import { STORE_DOWN } from '../../src/discord/buttons.js';
import { FAILED } from '../../src/discord/dispatch.js';
import type { Library } from '../../src/library/index.js';
import { openStore } from '../../src/store/index.js';
import { failingBackend, hangingBackend } from '../store/failing.js';
import { STORE_DOWN_ADMIN } from '../../src/discord/commands/admin.js';
import { callbackOf, replyOf, startHarness, type Harness } from './harness.js';
import { makeLibrary, newsLibrary } from './library.js';

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

describe('when Discord, the store or the corpus misbehave', { timeout: 20_000 }, () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a 429 on the interaction callback is waited out (Retry-After) and the answer still goes out', async () => {
    h = await startHarness({ library: newsLibrary() });
    h.fake.fail('POST', CALLBACK, { status: 429, retryAfter: 0.05 });
    const ask = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    const { data } = await callbackOf(h.fake, ask);
    expect(data.content).toBe('Josep Borrell said it.');
    expect(h.fake.requestsFor(ask).map((r) => r.status)).toEqual([429, 204]);
    expect(h.logs.find((l) => l.msg === 'rate limited by Discord')).toMatchObject({
      route: '/interactions/:id/:token/callback',
    });
  });

  it('a 500 is logged (without tokens), the asker is told, and the bot keeps serving', async () => {
    h = await startHarness({ library: newsLibrary() });
    h.fake.fail('POST', CALLBACK, { status: 500 });
    const failed = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    const notice = await callbackOf(h.fake, failed);
    expect(notice.data).toMatchObject({ content: FAILED, flags: MessageFlags.Ephemeral });
    expect(h.fake.requestsFor(failed).map((r) => r.status)).toEqual([500, 204]);
    const error = h.logs.find((l) => l.msg === 'interaction failed');
    expect(error).toMatchObject({
      interaction: failed.id,
      command: '/ask',
      error: { status: 500, url: expect.stringContaining('/[token]/callback') },
    });
    const next = h.fake.slash('ask', { question: 'What did Baunov say?' });
    expect((await callbackOf(h.fake, next)).data.content).toBe('What Aleksandr Baunov said (1 quote):');
    expect(h.logs.raw()).not.toContain(failed.token);
    expect(h.logs.raw()).not.toContain(h.fake.token);
  });

  it('with REST retries on (as in production), a single 500 is retried and the answer arrives', async () => {
    h = await startHarness({ library: newsLibrary(), retries: 1 });
    h.fake.fail('POST', CALLBACK, { status: 500 });
    const ask = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    expect((await callbackOf(h.fake, ask)).data.content).toBe('Josep Borrell said it.');
    expect(h.fake.requestsFor(ask).map((r) => r.status)).toEqual([500, 204]);
  });

  it('with the store down, answers go out without buttons and a button click gets a polite note', async () => {
    h = await startHarness({ library: newsLibrary(), store: openStore('memory://', { backend: failingBackend }) });
    const ask = h.fake.slash('ask', { question: 'What did Borrell say?' });
    const { data } = await callbackOf(h.fake, ask);
    expect(data.embeds).toHaveLength(3);
    expect(data.components ?? []).toEqual([]);
    expect(data.content).toMatch(/Buttons are unavailable right now/);
    const click = h.fake.click(
      customId({ kind: 'more', sessionId: 'abcdefghijklmnop', page: 1 }),
      h.fake.originalOf(ask.id)!,
    );
    expect((await callbackOf(h.fake, click)).data).toMatchObject({
      content: STORE_DOWN,
      flags: MessageFlags.Ephemeral,
    });
  });

  it('with the store down: one error logged, rate limits per process; /corpus, /settings refuse to write', async () => {
    h = await startHarness({
      library: newsLibrary(),
      store: (logger) => openStore('memory://', { backend: failingBackend, logger }),
      env: { RATE_LIMIT_PER_MINUTE: '2' },
    });
    for (let i = 0; i < 2; i++) {
      const { data } = await callbackOf(h.fake, h.fake.slash('ask', { question: 'Who said "real revolution"?' }));
      expect(data.content).toMatch(/^Josep Borrell said it\.\n-# Buttons are unavailable right now/);
    }
    const limited = await callbackOf(h.fake, h.fake.slash('ask', { question: 'Who said "real revolution"?' }));
    expect(limited.data).toMatchObject({
      content: expect.stringMatching(
        /^You're asking faster than I can keep up: 2 questions a minute each\. Try again in \d+ seconds?\.$/,
      ),
      flags: MessageFlags.Ephemeral,
    });
    const add = h.fake.slashSub(
      'corpus',
      'add',
      { file: h.fake.attachment('notes.txt', 'Title\n\n"Words," said Someone.') },
      { admin: true },
    );
    // Acknowledged privately ("thinking…" only the manager sees), then told.
    expect((await callbackOf(h.fake, add)).data.flags).toBe(MessageFlags.Ephemeral);
    expect((await replyOf(h.fake, add)).content).toBe(STORE_DOWN_ADMIN);
    expect(h.fake.fetched).toEqual([]);
    const settings = await replyOf(h.fake, h.fake.slash('settings', { visibility: 'ephemeral' }, { admin: true }));
    expect(settings.content).toBe(STORE_DOWN_ADMIN);
    const errors = h.logs.lines.filter((l) => l.level >= 50);
    expect(errors).toEqual([
      expect.objectContaining({ msg: expect.stringMatching(/^store unreachable: answers go on/), store: 'custom' }),
    ]);
  });

  it('a store that never answers costs the buttons, not the answer', async () => {
    h = await startHarness({
      library: newsLibrary(),
      store: openStore('memory://', { backend: hangingBackend, timeoutMs: 100 }),
    });
    const ask = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    const { type, data } = await callbackOf(h.fake, ask);
    expect(type).toBe(4);
    expect(data.content).toMatch(/^Josep Borrell said it\.\n-# Buttons are unavailable right now/);
    expect(data.components ?? []).toEqual([]);
  });

  it('while the corpus loads, questions are deferred and answered when it is ready', async () => {
    let ready!: (l: Library) => void;
    h = await startHarness({ library: new Promise<Library>((r) => (ready = r)) });
    const ask = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    const nothing = h.fake.slash('ask', { question: 'What did Zebulon Quux say?' });
    const auto = h.fake.autocomplete('quotes', 'speaker', 'bor');
    expect((await callbackOf(h.fake, ask)).type).toBe(5);
    expect((await callbackOf(h.fake, nothing)).type).toBe(5);
    expect((await callbackOf(h.fake, auto)).data.choices).toEqual([]);
    ready(newsLibrary());
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ask.token));
    expect(edit.body.content).toBe('Josep Borrell said it.');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    // A public "thinking…" can't become private: it is deleted and the "nothing found" follows privately.
    const followUp = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path.startsWith('/webhooks/') && r.path.includes(nothing.token),
    );
    expect(h.fake.requestsFor(nothing).map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(followUp.body).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/No quotes from Zebulon Quux/),
    });
  });

  it('answers over the limits are cut or split cleanly, and Discord accepts every part', async () => {
    const sentence = 'The decision was taken after long and careful debate *among* the member states. ';
    const long = `“${sentence.repeat(70)}Final words.”`;
    const library = makeLibrary(
      [
        {
          id: 'long',
          title: `A very long headline ${'about everything '.repeat(30)}`,
          paragraphs: [`Verbose Person said: ${long}`, 'Verbose Person said: “Short one.”'],
        },
      ],
      [
        {
          id: 'v',
          name: 'Verbose Person',
          descriptions: ['a spokesperson '.repeat(90), 'an author of many words '.repeat(60)],
        },
      ],
      [
        { article: 'long', text: long.slice(1, -1), speaker: 'v' },
        { article: 'long', text: 'Short one.', speaker: 'v' },
      ],
    );
    h = await startHarness({ library });
    const ask = h.fake.slash('ask', { question: 'Who is Verbose Person?' });
    const first = await callbackOf(h.fake, ask);
    const followUp = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path.startsWith('/webhooks/') && r.path.includes(ask.token),
    );
    expect(followUp.status).toBe(200);
    // The speaker's description makes the message longer than 2,000: it continues in a follow-up.
    expect(first.data.content.length).toBeLessThanOrEqual(2000);
    expect(first.data.content).toMatch(/^Verbose Person, a spokesperson/);
    expect(first.data.embeds ?? []).toEqual([]);
    expect(followUp.body.content).toMatch(/Quoted 2 times in 1 article\.$/);
    const [big] = followUp.body.embeds;
    expect(big.title.length).toBeLessThanOrEqual(256);
    expect(big.description.length).toBeLessThanOrEqual(4096);
    expect(big.description).toMatch(/\w…\n— \*\*Verbose Person\*\*, a spokesperson/);
    expect(big.description).not.toMatch(/\\…/);
    const total = followUp.body.embeds.reduce(
      (n: number, e: any) => n + (e.title ?? '').length + e.description.length + e.footer.text.length,
      0,
    );
    expect(total).toBeLessThanOrEqual(6000);
    expect(followUp.body.components.length).toBeGreaterThan(0);
  });
});
