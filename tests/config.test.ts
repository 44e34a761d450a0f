import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { SEED_DIR } from './helpers.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake-bot-token.for-tests-only_0123456789';

describe('configuration', () => {
  it('reads the bot settings', () => {
    const { config, problems } = readConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      CORPUS_DIR: SEED_DIR,
      STORE_URL: 'memory://',
      LOG_LEVEL: 'DEBUG',
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      discordToken: TOKEN,
      discordApplicationId: '123456789012345678',
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:9999/api',
      corpusDir: SEED_DIR,
      storeUrl: 'memory://',
      logLevel: 'debug',
    });
    expect(config).not.toHaveProperty('discordGatewayUrl');
  });

  it('reports one clear line per problem', () => {
    const { problems } = readConfig({
      DISCORD_TOKEN: 'short',
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: 'ws://127.0.0.1:9999',
      CORPUS_DIR: '/no/such/folder',
      STORE_URL: 'postgres://x',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^DISCORD_TOKEN does not look like a bot token/),
      expect.stringMatching(/^DISCORD_GUILD_ID must be a Discord id/),
      expect.stringMatching(/^DISCORD_API_URL must be an http\(s\) URL, got "ws:/),
      expect.stringMatching(/^LOG_LEVEL must be one of/),
      expect.stringMatching(/^STORE_URL must start with/),
      expect.stringMatching(/^CORPUS_DIR must be a folder of articles; \/no\/such\/folder is not one/),
    ]));
  });

  it('leaves a missing corpus folder to the CLI when no bot is configured', () => {
    expect(readConfig({ CORPUS_DIR: '/no/such/folder' }).problems).toEqual([]);
  });
});
