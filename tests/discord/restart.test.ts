import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, describe, expect } from 'vitest';
import { parseCustomId } from '../../src/discord/answer-view.js';
import type { Vote } from '../../src/discord/buttons.js';
import { has, needing } from '../requirements.js';
import { dropPrefix, sharedRedisUrl, uniquePrefix } from '../store/redis.js';
import { FakeDiscord } from './fake/index.js';
import { snowflake } from './fake/payloads.js';
import { buttons, replyOf, startHarness } from './harness.js';
import { ZORBLAT } from './uploaded.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-restart-'));
const prefix = uniquePrefix('restart');
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (has('redis')) await dropPrefix(prefix);
});

describe.each([
  ['SQLite', `sqlite://${join(dir, 'state.sqlite')}`],
  ['Redis', sharedRedisUrl(prefix)],
])('a restart with the %s store', { timeout: 60_000 }, (kind, storeUrl) => {
  const { it } = needing(...(kind === 'Redis' ? (['redis'] as const) : []));
  it('keeps button sessions, settings, feedback and uploaded articles', async () => {
    const fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const other = snowflake();
    const env = { STORE_URL: storeUrl, RATE_LIMIT_PER_MINUTE: '1000' };
    try {
      const first = await startHarness({ discord: fake, env });
      await replyOf(
        fake,
        fake.slashSub('corpus', 'add', { file: fake.attachment(ZORBLAT.name, ZORBLAT.text) }, { admin: true }),
      );
      await replyOf(fake, fake.slash('settings', { visibility: 'ephemeral' }, { guild: other, admin: true }));
      const ask = fake.slash('ask', { question: 'What did Ablyazov say?' });
      const page1 = await replyOf(fake, ask);
      expect(page1.embeds).toHaveLength(3);
      const original = fake.originalOf(ask.id)!;
      await replyOf(fake, fake.click(buttons(original)['👎'], original));
      await first.close();

      const second = await startHarness({ discord: fake, env });
      // The uploads are read from the store once the base corpus is loaded.
      await second.logs.waitFor((l) => l.msg === 'server articles updated' && l.guild === fake.ids.guild);
      const more = await replyOf(fake, fake.click(buttons(original).More, original));
      expect(more.content).toBe('More for “What did Ablyazov say?”: answers 4–6 of 9');
      expect(more.embeds.map((e: any) => e.footer.text.split(' · ')[0])).toEqual(['4 of 9', '5 of 9', '6 of 9']);
      expect((await replyOf(fake, fake.slash('ask', { question: ZORBLAT.question }))).content).toBe(ZORBLAT.answer);
      const elsewhere = await replyOf(
        fake,
        fake.slash('ask', { question: 'What did Ablyazov say?' }, { guild: other }),
      );
      expect(elsewhere.flags).toBe(MessageFlags.Ephemeral);
      const session = parseCustomId(buttons(original)['👎'])!.sessionId;
      expect(await second.store.get<Vote>('feedback', `${fake.ids.guild}:${session}:${fake.ids.user}`)).toMatchObject({
        vote: 'down',
        question: 'What did Ablyazov say?',
      });
      await second.close();
    } finally {
      await fake.close();
    }
  });
});
