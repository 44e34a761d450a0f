import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackOf, startHarness, type Harness } from './harness.js';
import { newsLibrary } from './library.js';

describe('the bot on the (fake) gateway', { timeout: 20_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ library: newsLibrary() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds the gateway through GET /gateway/bot and identifies with the least intents, no Message Content', () => {
    const { fake } = h;
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(fake.connections[0]).toMatch(/^\/gateway\?v=10&encoding=json/);
    expect(fake.identifies).toHaveLength(1);
    const { intents, token } = fake.identifies[0];
    expect(token).toBe(fake.token);
    expect(intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
  });

  it('is ready with the READY user and the server from GUILD_CREATE in its cache', () => {
    const { client } = h.bot;
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(h.fake.ids.bot);
    expect(client.application?.id).toBe(h.fake.ids.application);
    expect(client.guilds.cache.get(h.fake.ids.guild)?.name).toBe('Test server');
    expect(client.channels.cache.has(h.fake.ids.channel)).toBe(true);
    expect(h.logs.find((l) => l.msg === 'connected to Discord')).toMatchObject({ guilds: 1 });
  });

  it('heartbeats, and each heartbeat is acknowledged (the connection stays up)', async () => {
    const before = h.fake.heartbeats;
    await h.fake.waitForEvent('heartbeat');
    await h.fake.waitForEvent('heartbeat');
    expect(h.fake.heartbeats).toBeGreaterThanOrEqual(before + 2);
    // discord.js closes a connection whose heartbeat went unacknowledged and resumes on a new one.
    expect(h.fake.closeCodes).toEqual([]);
    expect(h.fake.connections).toHaveLength(1);
    expect(h.fake.resumes).toHaveLength(0);
    expect(h.fake.identifies).toHaveLength(1);
  });

  it('resumes its session when Discord asks it to reconnect, and keeps answering', async () => {
    const resumed = h.fake.waitForEvent('resumed');
    h.fake.requestReconnect();
    await resumed;
    expect(h.fake.resumes).toHaveLength(1);
    expect(h.fake.resumes[0]).toMatchObject({ token: h.fake.token, session_id: [...h.fake.sessions.keys()][0] });
    expect(h.fake.identifies).toHaveLength(1);
    const ask = h.fake.slash('ask', { question: 'Who said "a real revolution"?' });
    const body = await callbackOf(h.fake, ask);
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description).toMatch(/real revolution/);
  });
});
