import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { NO_PINGS } from './respond.js';

/**
 * The least the bot needs: slash commands and buttons come with any intents; Guilds gives the
 * channels a mention arrives in, GuildMessages and DirectMessages the messages themselves. No
 * privileged Message Content intent: Discord sends the content of DMs and of messages that mention
 * the bot without it. Partials.Channel lets a DM arrive from a channel not yet in the cache.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export function createClient(config: Config, overrides: Partial<ClientOptions> = {}): Client {
  const { rest, ...others } = overrides;
  return new Client({
    intents: INTENTS,
    partials: [Partials.Channel],
    // respond() sets this on every message; here too, so nothing sent another way can ping.
    allowedMentions: { ...NO_PINGS, repliedUser: false },
    // Always explicit: discord.js would otherwise read SHARDS and SHARD_COUNT from the environment.
    shards: config.shardIds ?? [0],
    shardCount: config.shardCount ?? 1,
    ...others,
    rest: { ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}), ...rest },
  });
}
