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
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DISCORD_TOKEN does not look like a bot token/),
        expect.stringMatching(/^DISCORD_GUILD_ID must be a Discord id/),
        expect.stringMatching(/^DISCORD_API_URL must be an http\(s\) URL, got "ws:/),
        expect.stringMatching(/^LOG_LEVEL must be one of/),
        expect.stringMatching(/^STORE_URL must start with/),
        expect.stringMatching(/^CORPUS_DIR must be a folder of articles; \/no\/such\/folder is not one/),
      ]),
    );
  });

  it('leaves a missing corpus folder to the CLI when no bot is configured', () => {
    expect(readConfig({ CORPUS_DIR: '/no/such/folder' }).problems).toEqual([]);
  });

  it("reads sharding: a manager (SHARDS), a machine's part (SHARD_IDS/SHARD_COUNT), a manager-started shard", () => {
    expect(readConfig({ SHARDS: 'auto' }).config).toMatchObject({
      shards: 'auto',
      shardIds: null,
      shardCount: null,
      shardChild: false,
    });
    expect(readConfig({ SHARDS: '4', SHARD_IDS: '2, 3', SHARD_COUNT: '4' }).config).toMatchObject({
      shards: 4,
      shardIds: [2, 3],
      shardCount: 4,
    });
    expect(readConfig({ SHARD_IDS: '1', SHARD_COUNT: '2' }).config).toMatchObject({
      shards: null,
      shardIds: [1],
      shardCount: 2,
    });
    // discord.js starts each shard's process with SHARDS = its id: not a number of shards to manage.
    const child = readConfig({ SHARDING_MANAGER: 'true', SHARDS: '3', SHARD_COUNT: '4', SHARD_IDS: '2,3' });
    expect(child.problems).toEqual([]);
    expect(child.config).toMatchObject({ shards: null, shardIds: [3], shardCount: 4, shardChild: true });
    expect(readConfig({ SHARDS: '2', SHARD_COUNT: '4' }).problems).toEqual([
      'SHARDS and SHARD_COUNT disagree; give SHARD_COUNT alone with SHARD_IDS',
    ]);
    expect(readConfig({ SHARD_IDS: '0,5', SHARD_COUNT: '4' }).problems).toEqual([
      'SHARD_IDS must all be below SHARD_COUNT',
    ]);
    expect(readConfig({ SHARD_IDS: '0' }).problems).toEqual([
      'SHARD_IDS needs SHARD_COUNT (the total number of shards across machines)',
    ]);
  });

  it('reads the store, rate limit and upload polling settings', () => {
    expect(readConfig({}).config).toMatchObject({
      storeUrl: 'sqlite://data/whosaid.sqlite',
      rateLimitPerMinute: 10,
      corpusPollMs: 5000,
    });
    expect(
      readConfig({
        STORE_URL: 'redis://127.0.0.1:6379/?prefix=bot:',
        RATE_LIMIT_PER_MINUTE: '30',
        CORPUS_POLL_SECONDS: '0.5',
      }).config,
    ).toMatchObject({
      storeUrl: 'redis://127.0.0.1:6379/?prefix=bot:',
      rateLimitPerMinute: 30,
      corpusPollMs: 500,
    });
    expect(readConfig({ RATE_LIMIT_PER_MINUTE: '0', CORPUS_POLL_SECONDS: 'soon' }).problems).toEqual([
      'RATE_LIMIT_PER_MINUTE must be a whole number of at least 1, got "0"',
      'CORPUS_POLL_SECONDS must be a number of seconds above 0 (at most 3600), got "soon"',
    ]);
  });

  it('reads the feed and fetch settings: defaults, values, and one line per bad one', () => {
    expect(readConfig({}).config).toMatchObject({
      feeds: [],
      feedPollMs: 15 * 60_000,
      feedsPerServer: 10,
      feedItemsPerPoll: 20,
      pagesPerDay: 100,
      pagesPerServer: 500,
      fetchTimeoutMs: 15_000,
      fetchMaxBytes: 5 * 1024 * 1024,
      allowPrivateUrls: false,
    });
    const set = readConfig({
      FEEDS: 'https://a.example/rss, https://b.example/atom.xml  http://c.example/feed.json',
      FEED_POLL_MINUTES: '0.5',
      FETCH_MAX_MB: '1',
      ALLOW_PRIVATE_URLS: 'true',
    });
    expect(set.problems).toEqual([]);
    expect(set.config).toMatchObject({
      feeds: ['https://a.example/rss', 'https://b.example/atom.xml', 'http://c.example/feed.json'],
      feedPollMs: 30_000,
      fetchMaxBytes: 1024 * 1024,
      allowPrivateUrls: true,
    });
    const bad = { FEEDS: 'ftp://x.example/f', FEEDS_PER_SERVER: '-1', ALLOW_PRIVATE_URLS: 'maybe' };
    expect(readConfig(bad).problems).toEqual([
      'FEEDS must be http(s) addresses separated by spaces or commas, got "ftp://x.example/f"',
      'ALLOW_PRIVATE_URLS must be true or false, got "maybe"',
      'FEEDS_PER_SERVER must be a whole number from 0 to 1000, got "-1"',
    ]);
  });
});
