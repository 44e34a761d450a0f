// SHARDS=auto: discord.js's ShardingManager in the real process, spawning one process per shard.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../helpers.js';
import { FakeDiscord } from './fake/index.js';
import { guildOnShard, snowflake } from './fake/payloads.js';
import { replyOf } from './harness.js';
import { BotProcess } from './process.js';

describe('SHARDS=auto', { timeout: 90_000 }, () => {
  let fake: FakeDiscord | undefined;
  let manager: BotProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-manager-'));
  afterAll(async () => {
    await manager?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one process per shard Discord recommends, each answering its servers; SIGTERM stops them all', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 1000, recommendedShards: 2 });
    manager = BotProcess.start({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'state.sqlite')}`,
      CORPUS_DIR: SEED_DIR,
      SNAPSHOT_DIR: join(dir, 'snapshots'),
      SHARDS: 'auto',
      LOG_LEVEL: 'info',
    });
    const starting = await manager.logged('starting shards');
    expect(starting).toMatchObject({ shards: [0, 1], total: 2, role: 'shard-manager' });
    // The manager built the index before starting the shards: one snapshot, for them to load.
    expect(readdirSync(join(dir, 'snapshots')).filter((f) => f.endsWith('.snapshot'))).toHaveLength(1);
    while (fake.connectedShards().length < 2) await fake.waitForEvent('identified');
    expect(fake.connectedShards().sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const shard of [0, 1]) {
      const ask = fake.slash(
        'ask',
        { question: 'What did Ablyazov say?' },
        { guild: guildOnShard(shard, 2), user: snowflake() },
      );
      expect((await replyOf(fake, ask)).content).toMatch(/^What Mukhtar Ablyazov said/);
    }
    const ready = manager.lines.filter((l) => l.msg === 'corpus ready');
    expect(ready.map((l) => [l.shards, l.from])).toEqual(
      expect.arrayContaining([
        [[0], 'snapshot'],
        [[1], 'snapshot'],
      ]),
    );
    expect(await manager.stop()).toBe(0);
    expect(manager.lines.map((l) => l.msg)).toContain('all shards stopped');
    expect(fake.connectedShards()).toEqual([]);
    expect(fake.closeCodes.filter((c) => c === 1000)).toHaveLength(2);
  });
});
