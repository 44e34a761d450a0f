import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createBot } from '../../src/discord/index.js';
import { openStore } from '../../src/store/index.js';
import { SEED_DIR } from '../helpers.js';
import { FakeDiscord } from './fake/index.js';
import { captureLogs } from './harness.js';
import { newsLibrary } from './library.js';

describe('the fake Discord answers as Discord does', { timeout: 20_000 }, () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('serves the bot user, its application and DM channels to the right token only', async () => {
    const rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    expect(await rest.get(Routes.user())).toMatchObject({ id: fake.ids.bot, bot: true });
    expect(await rest.get(Routes.currentApplication())).toMatchObject({ id: fake.ids.application });
    expect(await rest.post(Routes.userChannels(), { body: { recipient_id: fake.ids.user } })).toMatchObject({
      id: fake.ids.dmChannel,
      type: 1,
    });
    const stranger = new REST({ api: fake.apiUrl, retries: 0 }).setToken('not-the-token');
    await expect(stranger.get(Routes.gatewayBot())).rejects.toMatchObject({ status: 401 });
  });

  it('refuses oversized messages and a second acknowledgement, so the bot cannot get away with them', async () => {
    const rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    await expect(
      rest.post(Routes.channelMessages(fake.ids.channel), { body: { content: 'x'.repeat(2001) } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      rest.post(Routes.channelMessages(fake.ids.channel), { body: { embeds: [{ description: 'x'.repeat(4097) }] } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      rest.post(Routes.interactionCallback('1', 'nope'), { body: { type: 4, data: { content: 'x' } }, auth: false }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("a bot with a wrong token fails to start with Discord's 401, and stops cleanly", async () => {
    const { config } = readConfig({
      DISCORD_TOKEN: 'MTIz.wrong-token-for-the-fake.0123456789',
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: SEED_DIR,
      STORE_URL: 'memory://',
    });
    const logs = captureLogs();
    const bot = createBot(config, {
      logger: logs.logger,
      library: Promise.resolve(newsLibrary()),
      store: openStore('memory://'),
      clientOptions: { rest: { retries: 0 } },
    });
    await expect(bot.start()).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(
      fake.requests.find((r) => r.path === '/gateway/bot' && r.authorization?.includes('wrong-token'))?.status,
    ).toBe(401);
    await bot.stop('login failed');
    expect(logs.find((l) => l.msg === 'stopped')).toBeDefined();
  });
});
