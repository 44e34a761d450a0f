// Two bot processes (node src/main.ts, as in production) running the two shards of one bot against the
// fake Discord, sharing state through one Redis: a redis-server of this test's own, which it stops and
// starts again mid-run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STORE_DOWN } from '../../src/discord/buttons.js';
import { SEED_DIR } from '../helpers.js';
import { PrivateRedis } from '../store/redis.js';
import { FakeDiscord } from './fake/index.js';
import { guildOnShard, snowflake, type Place } from './fake/payloads.js';
import { buttons, replyOf } from './harness.js';
import { needing } from '../requirements.js';
import { BotProcess } from './process.js';
import { ZORBLAT } from './uploaded.js';

const RATE_LIMITED =
  /^You're asking faster than I can keep up: 4 questions a minute each\. Try again in \d+ seconds?\.$/;

needing('redis-server').describe('two bot processes as two shards, one Redis', { timeout: 90_000 }, () => {
  let redis: PrivateRedis;
  let fake: FakeDiscord;
  let snapshots: string;
  const bots: BotProcess[] = [];
  /** Servers Discord routes to shard 0 and to shard 1. */
  const G0 = guildOnShard(0, 2);
  const G1 = guildOnShard(1, 2);
  /** Someone new in a server: each step asks as a new person, so the rate limit is its own test's. */
  const person = (guild: string, extra: Partial<Place> = {}): Place => ({ guild, user: snowflake(), ...extra });
  let env: Record<string, string>;
  const startShard = async (id: number) => {
    const bot = BotProcess.start({ ...env, SHARD_IDS: String(id) });
    bots[id] = bot;
    await Promise.all([bot.logged('connected to Discord'), bot.logged('corpus ready')]);
    return bot;
  };
  const handledBy = (bot: BotProcess, interaction: { id: string }) =>
    bot.waitFor((l) => l.msg === 'interaction' && l.interaction === interaction.id);

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 1000 });
    snapshots = mkdtempSync(join(tmpdir(), 'whosaid-snapshots-'));
    env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: `${redis.url}/?prefix=bot:`,
      CORPUS_DIR: SEED_DIR,
      SNAPSHOT_DIR: snapshots,
      SHARD_COUNT: '2',
      CORPUS_POLL_SECONDS: '0.2',
      RATE_LIMIT_PER_MINUTE: '4',
    };
    await Promise.all([startShard(0), startShard(1)]);
  });
  afterAll(async () => {
    for (const b of bots) await b?.stop();
    await fake?.close();
    await redis?.stop();
    if (snapshots) rmSync(snapshots, { recursive: true, force: true });
  });

  it('connect as shards 0 and 1 of 2, and build the index once between them', async () => {
    expect(fake.connectedShards().sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const from = await Promise.all(bots.map((b) => b.logged('corpus ready').then((l) => l.from)));
    expect(from.sort()).toEqual(['build', 'snapshot']);
  });

  it('an article uploaded through one process is answered by the other, and only in its server', async () => {
    const add = fake.slashSub(
      'corpus',
      'add',
      { file: fake.attachment(ZORBLAT.name, ZORBLAT.text) },
      person(G0, { admin: true }),
    );
    expect((await replyOf(fake, add)).content).toMatch(/^Added \*\*zorblat-festival\.txt\*\*: 1 article/);
    expect(await handledBy(bots[0], add)).toMatchObject({ command: '/corpus add', outcome: 'ok' });
    await bots[1].waitFor((l) => l.msg === 'server articles updated' && l.guild === G0);
    // The same server's question reaching the other process, as after a reshard.
    const ask = fake.slash('ask', { question: ZORBLAT.question }, person(G0, { shard: 1 }));
    expect((await replyOf(fake, ask)).content).toBe(ZORBLAT.answer);
    await handledBy(bots[1], ask);
    const elsewhere = await replyOf(fake, fake.slash('ask', { question: ZORBLAT.question }, person(G1)));
    expect(JSON.stringify(elsewhere)).not.toMatch(/Zorblat|Quimby|ice sculptures/);
  });

  it('the rate limit holds across the two processes', async () => {
    const user = snowflake();
    const asks = [G0, G1, G0, G1].map((guild) =>
      fake.slash('ask', { question: 'What did Ablyazov say?' }, { guild, user }),
    );
    for (const a of asks) expect((await replyOf(fake, a)).content).toMatch(/Ablyazov/);
    for (const guild of [G0, G1]) {
      const refused = await replyOf(fake, fake.slash('ask', { question: 'What did Ablyazov say?' }, { guild, user }));
      expect(refused).toMatchObject({ content: expect.stringMatching(RATE_LIMITED), flags: MessageFlags.Ephemeral });
    }
    expect(
      (await replyOf(fake, fake.slash('ask', { question: 'What did Ablyazov say?' }, person(G1)))).content,
    ).toMatch(/Ablyazov/);
  });

  let before: { message: Record<string, any>; where: Place };

  it('a More button made before a restart works after it', async () => {
    const where = person(G1);
    const ask = fake.slash('ask', { question: 'What did Ablyazov say?' }, where);
    await replyOf(fake, ask);
    const message = fake.originalOf(ask.id)!;
    before = { message, where };
    expect(await bots[1].stop()).toBe(0);
    await startShard(1);
    const more = await replyOf(fake, fake.click(buttons(message).More, message, where));
    expect(more.content).toBe('More for “What did Ablyazov say?”: answers 4–6 of 9');
  });

  it('with Redis stopped mid-run the bot answers throughout, logs one error, recovers with nothing lost', async () => {
    await redis.down();
    await Promise.all(bots.map((b) => b.waitFor((l) => l.msg.startsWith('store unreachable'))));
    for (let i = 0; i < 3; i++) {
      const answer = await replyOf(fake, fake.slash('ask', { question: 'What did Ablyazov say?' }, person(G0)));
      expect(answer.content).toMatch(/Ablyazov[\s\S]*Buttons are unavailable right now/);
      expect(answer.components ?? []).toEqual([]);
    }
    expect((await replyOf(fake, fake.slash('ask', { question: ZORBLAT.question }, person(G0)))).content).toMatch(
      /^Zorblat Quimby said it\./,
    );
    const click = await replyOf(fake, fake.click(buttons(before.message).More, before.message, before.where));
    expect(click).toMatchObject({ content: STORE_DOWN, flags: MessageFlags.Ephemeral });
    // Rate limits go on per process while the shared count is out of reach.
    const user = snowflake();
    for (let i = 0; i < 4; i++)
      await replyOf(fake, fake.slash('ask', { question: 'What did Ablyazov say?' }, { guild: G0, user }));
    expect(
      (await replyOf(fake, fake.slash('ask', { question: 'What did Ablyazov say?' }, { guild: G0, user }))).content,
    ).toMatch(RATE_LIMITED);
    for (const b of bots) expect(b.lines.filter((l) => (l.level as number) >= 50)).toHaveLength(1);

    await redis.up();
    await Promise.all(bots.map((b) => b.logged('store reachable again')));
    const back = await replyOf(fake, fake.slash('ask', { question: 'What did Ablyazov say?' }, person(G0)));
    expect(Object.keys(buttons(back))).toContain('More');
    const more = await replyOf(fake, fake.click(buttons(before.message).More, before.message, before.where));
    expect(more.content).toBe('More for “What did Ablyazov say?”: answers 4–6 of 9');
    const list = await replyOf(fake, fake.slashSub('corpus', 'list', {}, person(G0, { admin: true })));
    expect(list.embeds[0].description).toMatch(/^• \*\*zorblat-festival\.txt\*\* — 1 article/);
    for (const b of bots) expect(b.lines.filter((l) => (l.level as number) >= 50)).toHaveLength(1);
  });
});
