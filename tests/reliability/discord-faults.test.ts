// Discord misbehaving: 429s and 500s, slow REST, a dropped gateway connection, an interaction whose
// token lapsed. Each is handled and logged once, and the bot keeps serving. (The basic 429 and 500
// cases are in tests/discord/resilience.test.ts; SIGTERM with an answer in flight in
// tests/discord/shutdown.test.ts.)
import { MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FAILED } from '../../src/discord/dispatch.js';
import type { Library } from '../../src/library/index.js';
import { callbackOf, startHarness, type Harness, type LogLine } from '../discord/harness.js';
import { newsLibrary } from '../discord/library.js';

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const WARN = 40;

/** Log lines at warn level or above. */
const problems = (h: Harness, match: (l: LogLine) => boolean = () => true) =>
  h.logs.lines.filter((l) => l.level >= WARN && match(l));

async function stillServing(h: Harness): Promise<void> {
  const ask = h.fake.slash('ask', { question: 'What did Baunov say?' });
  expect((await callbackOf(h.fake, ask)).data.content).toBe('What Aleksandr Baunov said (1 quote):');
}

describe('Discord faults', { timeout: 20_000 }, () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('429s (on a callback and on a channel message) and a 500: each logged once, every asker answered', async () => {
    h = await startHarness({ library: newsLibrary() });
    h.fake.fail('POST', CALLBACK, { status: 429, retryAfter: 0.05 });
    const limited = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    expect((await callbackOf(h.fake, limited)).data.content).toBe('Josep Borrell said it.');

    h.fake.fail('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.05 });
    const dm = h.fake.message('Who said "real revolution"?', 'dm');
    const reply = await h.fake.waitForRequest(
      (r) => r.status === 200 && r.body?.message_reference?.message_id === dm.id,
    );
    expect(reply.body.content).toBe('Josep Borrell said it.');

    h.fake.fail('POST', CALLBACK, { status: 500 });
    const failed = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    expect((await callbackOf(h.fake, failed)).data).toMatchObject({ content: FAILED, flags: MessageFlags.Ephemeral });
    await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === failed.id);

    expect(problems(h).map((l) => l.msg)).toEqual([
      'rate limited by Discord',
      'rate limited by Discord',
      'interaction failed',
    ]);
    await stillServing(h);
  });

  it('slow REST: an answer held by Discord does not hold the others, and goes out when Discord answers', async () => {
    h = await startHarness({ library: newsLibrary() });
    const held = h.fake.hold('POST', CALLBACK);
    const slow = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    await held.reached;
    await stillServing(h);
    const dm = h.fake.message('What did Tokayev say?', 'dm');
    await h.fake.waitForRequest((r) => r.status === 200 && r.body?.message_reference?.message_id === dm.id);
    expect(h.fake.requestsFor(slow)).toEqual([]);
    held.release();
    expect((await callbackOf(h.fake, slow)).data.content).toBe('Josep Borrell said it.');
    expect(problems(h)).toEqual([]);
  });

  it('REST slower than the client waits: the answer given up once, logged once, asker told, serving on', async () => {
    h = await startHarness({ library: newsLibrary(), restTimeoutMs: 300 });
    const held = h.fake.hold('POST', CALLBACK);
    const slow = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    await held.reached;
    const line = await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === slow.id);
    expect(line.outcome).toBe('error');
    // The failure notice went through (the hold was for one request only).
    const notice = await h.fake.waitForRequest(
      (r) => r.path.startsWith(`/interactions/${slow.id}/`) && r.status === 204,
    );
    expect(notice.body.data).toMatchObject({ content: FAILED, flags: MessageFlags.Ephemeral });
    expect(problems(h)).toEqual([
      expect.objectContaining({
        msg: 'interaction failed',
        interaction: slow.id,
        error: expect.objectContaining({ type: 'AbortError' }),
      }),
    ]);
    await stillServing(h);
    held.release();
  });

  it('a dropped gateway connection is resumed and logged once; the question asked meanwhile is answered', async () => {
    h = await startHarness({ library: newsLibrary() });
    const down = h.fake.waitForEvent('disconnect');
    h.fake.dropConnection();
    await down;
    const resumed = h.fake.waitForEvent('resumed');
    const ask = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    await resumed;
    expect((await callbackOf(h.fake, ask)).data.content).toBe('Josep Borrell said it.');
    expect(h.fake.identifies).toHaveLength(1);
    expect(h.fake.resumes).toHaveLength(1);
    const gateway = h.logs.lines.filter((l) => /^gateway/.test(l.msg));
    // discord.js counts RESUMED among the events replayed.
    expect(gateway).toEqual([
      expect.objectContaining({ msg: 'gateway reconnecting' }),
      expect.objectContaining({ msg: 'gateway session resumed', replayed: 2 }),
    ]);
    expect(problems(h)).toEqual([]);
    await stillServing(h);
  });

  it("an interaction's token lapsed unanswered: logged once as expired, no doomed retries, serving on", async () => {
    h = await startHarness({ library: newsLibrary() });
    const held = h.fake.hold('POST', CALLBACK);
    const late = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    await held.reached;
    h.fake.expire(late);
    held.release();
    const line = await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === late.id);
    expect(line.outcome).toBe('expired');
    expect(h.fake.requestsFor(late).map((r) => r.status)).toEqual([404]);
    expect(problems(h)).toEqual([
      expect.objectContaining({
        msg: 'interaction expired before it was answered',
        interaction: late.id,
        error: expect.objectContaining({ code: 10062 }),
      }),
    ]);
    await stillServing(h);
  });

  it("a deferred answer's webhook token lapsed as the corpus loaded: logged once as expired, serving on", async () => {
    let ready!: (l: Library) => void;
    h = await startHarness({ library: new Promise<Library>((r) => (ready = r)) });
    const ask = h.fake.slash('ask', { question: 'Who said "real revolution"?' });
    expect((await callbackOf(h.fake, ask)).type).toBe(5);
    h.fake.expire(ask);
    ready(newsLibrary());
    const line = await h.logs.waitFor((l) => l.msg === 'interaction' && l.interaction === ask.id);
    expect(line.outcome).toBe('expired');
    expect(h.fake.requestsFor(ask).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 401']);
    expect(problems(h)).toEqual([
      expect.objectContaining({
        msg: 'interaction expired before it was answered',
        error: expect.objectContaining({ code: 50027 }),
      }),
    ]);
    expect(h.logs.raw()).not.toContain(ask.token);
    await stillServing(h);
  });
});
