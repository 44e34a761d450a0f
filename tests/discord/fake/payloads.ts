// Discord API objects as the real API sends them (v10), complete enough for discord.js to build its
// structures from: users, the test server with one text channel, messages and interactions.

let counter = 0n;
/** Increasing snowflakes, 19 digits like real ones. */
export function snowflake(): string {
  counter += 1n;
  return (1_300_000_000_000_000_000n + counter).toString();
}

export interface Ids {
  application: string;
  bot: string;
  guild: string;
  channel: string;
  /** The person asking questions. */
  user: string;
  dmChannel: string;
}

export function newIds(): Ids {
  return {
    application: snowflake(),
    bot: snowflake(),
    guild: snowflake(),
    channel: snowflake(),
    user: snowflake(),
    dmChannel: snowflake(),
  };
}

export function botUser(ids: Ids) {
  return { id: ids.bot, username: 'whosaid', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
}

export function askerUser(ids: Ids) {
  return { id: ids.user, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null, flags: 0 };
}

export function application(ids: Ids) {
  return {
    id: ids.application,
    name: 'whosaid',
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    bot: botUser(ids),
  };
}

const JOINED = '2024-01-01T00:00:00.000000+00:00';

function member(user: object) {
  return {
    user,
    roles: [],
    joined_at: JOINED,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
  };
}

export function textChannel(ids: Ids) {
  return {
    id: ids.channel,
    type: 0,
    guild_id: ids.guild,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
  };
}

export function dmChannel(ids: Ids) {
  return { id: ids.dmChannel, type: 1, last_message_id: null, recipients: [askerUser(ids)], flags: 0 };
}

export function guildCreate(ids: Ids) {
  return {
    id: ids.guild,
    name: 'Test server',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ids.user,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: ids.guild,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: '1071698660929',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: JOINED,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [member(botUser(ids)), member(askerUser(ids))],
    channels: [textChannel(ids)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function ready(
  ids: Ids,
  sessionId: string,
  resumeUrl: string,
  shard: [number, number] = [0, 1],
  ownsGuild = true,
) {
  return {
    v: 10,
    user: { ...botUser(ids), verified: true, mfa_enabled: false, email: null },
    guilds: ownsGuild ? [{ id: ids.guild, unavailable: true }] : [],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: ids.application, flags: 0 },
    private_channels: [],
    relationships: [],
    user_settings: {},
    presences: [],
    guild_join_requests: [],
  };
}

/** A message the bot posted, built from the body it sent. */
export function postedMessage(
  ids: Ids,
  channelId: string,
  body: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
) {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: botUser(ids),
    content: (body?.content as string) ?? '',
    embeds: (body?.embeds as unknown[]) ?? [],
    components: (body?.components as unknown[]) ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: body?.message_reference ? 19 : 0,
    flags: (body?.flags as number) ?? 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...extra,
  };
}

/** A message from the person asking: in the DM channel, or in the server's channel. */
export function userMessage(ids: Ids, content: string, where: Where, mentionsBot = false) {
  const place = placeOf(ids, where);
  const base = {
    id: snowflake(),
    channel_id: place ? place.channel : ids.dmChannel,
    // Discord names the channel's type in MESSAGE_CREATE; without it a DM from an uncached channel
    // could not be told from other channels.
    channel_type: place ? 0 : 1,
    author: { ...askerUser(ids), id: place?.user ?? ids.user },
    content,
    embeds: [],
    components: [],
    attachments: [],
    mentions: mentionsBot ? [{ ...botUser(ids), member: member(botUser(ids)) }] : [],
    mention_roles: [],
    mention_everyone: /@everyone|@here/.test(content),
    pinned: false,
    tts: false,
    type: 0,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    nonce: snowflake(),
  };
  return place ? { ...base, guild_id: place.guild, member: { ...member(askerUser(ids)), user: undefined } } : base;
}

/**
 * Where a person acts: the test server's channel ('guild'), the DM, or a place in a server of the
 * test's choosing: another server (its channel has the server's id), another member, a member with
 * Manage Server, and the shard that receives it (by default the one Discord would pick).
 */
export interface Place {
  guild?: string;
  user?: string;
  admin?: boolean;
  shard?: number;
}

export type Where = 'guild' | 'dm' | Place;

export function placeOf(
  ids: Ids,
  where: Where,
): (Required<Omit<Place, 'shard'>> & { shard?: number; channel: string }) | null {
  if (where === 'dm') return null;
  const p = where === 'guild' ? {} : where;
  const guild = p.guild ?? ids.guild;
  return {
    guild,
    user: p.user ?? ids.user,
    admin: p.admin ?? false,
    shard: p.shard,
    channel: guild === ids.guild ? ids.channel : guild,
  };
}

/** Discord's rule: a server's events go to shard (server id >> 22) % shard count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A new server id that Discord would route to `shard` of `count`. */
export function guildOnShard(shard: number, count: number): string {
  const id = BigInt(snowflake());
  const shifted = id >> 22n;
  const wanted = shifted + ((BigInt(shard) - (shifted % BigInt(count)) + BigInt(count)) % BigInt(count));
  return ((wanted << 22n) | (id & 0x3fffffn)).toString();
}

/** Permissions of a member: everything the test server's @everyone has, plus Manage Server for admins. */
export function memberPermissions(admin: boolean): string {
  const base = 2248473465835073n;
  return (admin ? base | 0x20n : base & ~0x20n).toString();
}

/** An INTERACTION_CREATE payload, from a server's channel or from the DM. */
export function interaction(ids: Ids, type: number, data: Record<string, unknown>, where: Where, message?: unknown) {
  const token = `itoken-${snowflake()}-${'x'.repeat(40)}`;
  const common = {
    id: snowflake(),
    application_id: ids.application,
    type,
    data,
    token,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...(message ? { message } : {}),
  };
  const place = placeOf(ids, where);
  if (!place) {
    return {
      ...common,
      channel_id: ids.dmChannel,
      channel: dmChannel(ids),
      user: askerUser(ids),
      context: 1,
      authorizing_integration_owners: { '0': ids.user },
    };
  }
  const user = { ...askerUser(ids), id: place.user };
  return {
    ...common,
    guild_id: place.guild,
    guild_locale: 'en-US',
    guild: { id: place.guild, locale: 'en-US', features: [] },
    channel_id: place.channel,
    channel: { ...textChannel(ids), id: place.channel, guild_id: place.guild },
    member: { ...member(user), permissions: memberPermissions(place.admin) },
    context: 0,
    authorizing_integration_owners: { '0': place.guild },
  };
}
