import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { newsLibrary } from './library.js';

describe('DMs and mentions are questions', { timeout: 20_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ library: newsLibrary() });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The bot's reply in a channel to the message `id`. */
  const replyTo = (id: string) =>
    h.fake.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(r.path) &&
        r.body?.message_reference?.message_id === id,
    );

  it('answers a DM in the DM channel, as a reply that pings no one', async () => {
    const msg = h.fake.message('Who said "the protests took the Kremlin by surprise"?', 'dm');
    const reply = await replyTo(msg.id);
    expect(reply.path).toBe(`/channels/${h.fake.ids.dmChannel}/messages`);
    expect(reply.body.content).toBe('Aleksandr Baunov said it.');
    expect(reply.body.embeds[0].description).toMatch(/^> The protests took the Kremlin by surprise\./);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.status).toBe(200);
  });

  it('a follow-up DM with "he" means the person the last answer named; with none before, it asks who', async () => {
    const first = h.fake.message('Who said "the protests took the Kremlin by surprise"?', 'dm');
    expect((await replyTo(first.id)).body.content).toBe('Aleksandr Baunov said it.');
    const next = h.fake.message('What else did he say?', 'dm');
    expect((await replyTo(next.id)).body.content).toMatch(/^What Aleksandr Baunov said \(\d+ quotes?\):/);
    const elsewhere = h.fake.message(`<@${h.fake.ids.bot}> what else did he say?`, 'guild');
    expect((await replyTo(elsewhere.id)).body.content).toMatch(/^Who do you mean by “he”\? Ask with a name/);
  });

  it('answers a server message that mentions the bot, without the mention in the question', async () => {
    const msg = h.fake.message(`<@${h.fake.ids.bot}> what did Tokayev say?`, 'guild');
    const reply = await replyTo(msg.id);
    expect(reply.path).toBe(`/channels/${h.fake.ids.channel}/messages`);
    expect(reply.body.content).toBe('What Kassym-Jomart Tokayev said (1 quote):');
    expect(reply.body.components.length).toBeGreaterThan(0);
  });

  it('@everyone in a question pings nobody: allowed_mentions parses nothing', async () => {
    const msg = h.fake.message(
      `<@${h.fake.ids.bot}> @everyone who said "real revolution"? <@${h.fake.ids.user}>`,
      'guild',
    );
    const reply = await replyTo(msg.id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.content).toBe('Josep Borrell said it.');
    const slash = h.fake.slash('ask', { question: '@everyone @here who is Zebulon?' });
    const cb = await h.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${slash.id}/`));
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('ignores server messages that do not mention it, its own messages and other bots', async () => {
    const plain = h.fake.message('who said "real revolution"?', 'guild', false);
    const everyone = h.fake.message('@everyone who said "real revolution"?', 'guild', false);
    const own = {
      ...h.fake.message('x', 'dm'),
      id: '1',
      author: { id: h.fake.ids.bot, username: 'whosaid', discriminator: '0', bot: true, avatar: null },
    };
    h.fake.dispatch('MESSAGE_CREATE', own);
    // A later DM is answered; nothing was posted for the messages before it.
    const marker = h.fake.message('What did Baunov say?', 'dm');
    await replyTo(marker.id);
    const replies = h.fake.requests.filter((r) => r.body?.message_reference);
    for (const ignored of [plain.id, everyone.id, '1']) {
      expect(replies.some((r) => r.body.message_reference.message_id === ignored)).toBe(false);
    }
  });

  it('a DM saying hello gets the guide', async () => {
    const msg = h.fake.message('hello', 'dm');
    const reply = await replyTo(msg.id);
    expect(reply.body.content).toMatch(/^I answer questions about 2 news articles/);
  });
});
