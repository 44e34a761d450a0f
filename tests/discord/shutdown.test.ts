import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { SEED_DIR } from '../helpers.js';
import { FakeDiscord } from './fake/index.js';
import { BotProcess } from './process.js';

describe('graceful shutdown of the real process', { timeout: 60_000 }, () => {
  let fake: FakeDiscord | undefined;
  afterAll(async () => {
    await fake?.close();
  });

  it('on SIGTERM with an answer in flight: the answer is sent, the connection closed, exit code 0', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 100 });
    const snapshots = mkdtempSync(join(tmpdir(), 'whosaid-snapshots-'));
    onTestFinished(() => rmSync(snapshots, { recursive: true, force: true }));
    // node itself, not npm: npm does not pass SIGTERM on to the script it runs.
    const bot = BotProcess.start({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
      CORPUS_DIR: SEED_DIR,
      SNAPSHOT_DIR: snapshots,
      LOG_LEVEL: 'info',
    });
    const { lines, child } = bot;
    const logged = (msg: string) => bot.logged(msg);

    await Promise.all([logged('connected to Discord'), logged('corpus ready')]);
    const held = fake.hold('POST', /^\/interactions\/\d+\/[^/]+\/callback$/);
    const ask = fake.slash('ask', { question: 'Did Germany stop exporting weapons to Kazakhstan?' });
    await held.reached;

    const disconnected = fake.waitForEvent('disconnect');
    child.kill('SIGTERM');
    const stopping = await logged('stopping: finishing answers in flight');
    expect(stopping).toMatchObject({ reason: 'SIGTERM', inFlight: 1 });
    // Still connected while the answer is in flight: it keeps heartbeating rather than hanging up.
    const still = await Promise.race([
      fake
        .waitForEvent('heartbeat')
        .then(() => fake!.waitForEvent('heartbeat'))
        .then(() => 'heartbeating'),
      disconnected.then(() => 'disconnected'),
    ]);
    expect(still).toBe('heartbeating');
    held.release();

    const [code, signal] = await bot.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    await disconnected;
    expect(fake.closeCodes).toEqual([1000]);
    const callback = fake.requestsFor(ask)[0];
    expect(callback.status).toBe(204);
    expect(callback.body.data.embeds[0].description).toContain(
      'Germany has suspended the export of weapons to Kazakhstan',
    );
    const order = lines
      .map((l) => l.msg)
      .filter((m) => ['stopping: finishing answers in flight', 'interaction', 'stopped'].includes(m));
    expect(order).toEqual(['stopping: finishing answers in flight', 'interaction', 'stopped']);
    expect(lines.find((l) => l.msg === 'interaction')).toMatchObject({ command: '/ask', outcome: 'ok' });
    expect(lines.map((l) => JSON.stringify(l)).join('\n')).not.toContain(fake.token);
    expect(lines.find((l) => /STORE_URL|in memory/.test(l.msg))).toBeUndefined();
  });
});
