// Hostile questions through the bot, against the fake Discord: as a slash command, a DM and a mention.
// Whatever was typed, the bot answers once, within Discord's limits, pinging nobody, echoing no live
// markdown, and logs the outcome as handled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../discord/harness.js';
import { newsLibrary } from '../discord/library.js';
import { expectSafeMessages } from './discord-checks.js';
import { HOSTILE_QUESTIONS } from './hostile.js';

describe('hostile questions through the bot', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    // Dozens of questions from one person in a minute: the rate limit would answer most of them.
    h = await startHarness({ library: newsLibrary(), env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Runs one question one way and returns the requests the bot made for it. */
  async function ask(how: 'slash' | 'dm' | 'mention', text: string) {
    const from = h.fake.requests.length;
    if (how === 'slash') {
      const { id } = h.fake.slash('ask', { question: text });
      const line = await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === id);
      return { line, requests: h.fake.requests.slice(from) };
    }
    const msg = h.fake.message(how === 'dm' ? text : `<@${h.fake.ids.bot}> ${text}`, how === 'dm' ? 'dm' : 'guild');
    const line = await h.logs.waitFor((l) => l.msg === 'message' && l.message === msg.id);
    return { line, requests: h.fake.requests.slice(from) };
  }

  it.each(HOSTILE_QUESTIONS)(
    '$name: answered once as a slash command, a DM and a mention, safely',
    async ({ text }) => {
      for (const how of ['slash', 'dm', 'mention'] as const) {
        const { line, requests } = await ask(how, text);
        expect(line.outcome, how).toBe('ok');
        // One message out (an answer long enough to need a second part is not among these questions).
        expect(expectSafeMessages(requests, how), how).toBe(1);
      }
    },
  );

  it('a topic of markup and mentions is echoed escaped in the answer and in the next page', async () => {
    const question = 'What did Borrell say about <t:0:R> [x](javascript:y) \\ <:e:1> #tag?';
    const ask = h.fake.slash('ask', { question });
    await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === ask.id);
    const first = h.fake.requestsFor(ask);
    expectSafeMessages(first, 'answer');
    expect(first[0].body.data.content).toBe(
      'Josep Borrell is quoted 5 times, never about \\<t:0:R \\[x\\](javascript:y) \\\\ \\<:e:1 #tag. ' +
        'Everything quoted:',
    );
    const original = h.fake.originalOf(ask.id)!;
    const more = original.components.flatMap((row: any) => row.components).find((b: any) => b.label === 'More');
    const click = h.fake.click(more.custom_id, original);
    await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === click.id);
    const page = h.fake.requestsFor(click);
    expectSafeMessages(page, 'more');
    expect(JSON.stringify(page.map((r) => r.body))).toContain(
      'More for “What did Borrell say about \\\\<t:0:R \\\\[x\\\\](javascript:y)',
    );
  });
});
