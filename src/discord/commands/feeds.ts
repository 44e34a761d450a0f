// /feeds: the news feeds a server follows. Their new stories are fetched every FEED_POLL_MINUTES and
// become that server's articles, as uploads do; only managers (Manage Server) may change them.
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { feedId, FeedParseError, FollowError, type FeedRecord } from '../../feeds/index.js';
import { FetchError } from '../../fetch/index.js';
import { StoreError } from '../../store/index.js';
import type { Context } from '../context.js';
import { cut, joinWithin, LIMITS } from '../limits.js';
import { escapeMarkdown } from '../markdown.js';
import { defer, respond } from '../respond.js';
import { managedGuild, managerCommand, STORE_DOWN_ADMIN } from './admin.js';
import type { Command } from './types.js';

export const feeds: Command = {
  data: managerCommand('feeds', 'News feeds this server follows: their new stories become its articles')
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Follow an RSS, Atom or JSON feed (or a site that announces one)')
        .addStringOption((o) =>
          o.setName('url').setDescription("The feed's address").setRequired(true).setMinLength(8).setMaxLength(2000),
        ),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The feeds this server follows, and how polling them goes'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Stop following a feed (the stories it added stay)')
        .addStringOption((o) =>
          o
            .setName('feed')
            .setDescription('The feed')
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(2000)
            .setAutocomplete(true),
        ),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    const guildId = await managedGuild(interaction);
    if (!guildId) return;
    const sub = interaction.options.getSubcommand();
    if (sub === 'add') return add(interaction, ctx, guildId);
    if (sub === 'remove') return remove(interaction, ctx, guildId);
    return list(interaction, ctx, guildId);
  },
  async autocomplete(interaction, ctx) {
    await respond(interaction, { choices: await feedChoices(interaction, ctx) });
  },
};

const nameOf = (f: FeedRecord) => f.title ?? f.url;

async function feedChoices(
  interaction: AutocompleteInteraction,
  ctx: Context,
): Promise<Array<{ name: string; value: string }>> {
  if (!interaction.guildId) return [];
  const typed = interaction.options.getFocused().toLowerCase();
  try {
    return (await ctx.web.feedsOf(interaction.guildId))
      .filter((f) => `${f.title ?? ''} ${f.url}`.toLowerCase().includes(typed))
      .map((f) => ({ name: cut(`${nameOf(f)} — ${f.url}`, 100), value: f.id }));
  } catch {
    return [];
  }
}

async function add(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  const link = interaction.options.getString('url', true).trim();
  // Fetching and reading the feed can take seconds: acknowledged privately first.
  await defer(interaction, { ephemeral: true });
  const refuse = (why: string) =>
    respond(interaction, {
      content: `I can't follow “${escapeMarkdown(cut(link, 200))}”: ${escapeMarkdown(why)}.`,
      ephemeral: true,
    });
  let followed;
  try {
    followed = await ctx.web.follow(guildId, link, interaction.user.id);
  } catch (err) {
    if (err instanceof FetchError || err instanceof FeedParseError || err instanceof FollowError)
      return refuse(err.message);
    if (err instanceof StoreError) return respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
    throw err;
  }
  const { record, feed, existed } = followed;
  const title = escapeMarkdown(cut(nameOf(record), 200));
  if (existed) {
    await respond(interaction, {
      content: `This server already follows **${title}**. /feeds list shows how it goes.`,
      ephemeral: true,
    });
    return;
  }
  const o = ctx.web.options;
  const minutes = +(o.feedPollMs / 60_000).toFixed(2);
  const format = feed.format === 'json' ? 'JSON Feed' : feed.format.toUpperCase();
  const every = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const lines = [
    `Following **${title}** (${format}, ${feed.total} ${feed.total === 1 ? 'item' : 'items'}).`,
    `Its newest ${Math.min(o.feedItemsPerPoll, feed.items.length)} stories are being added now, and new ones every ` +
      `${every}, answered from in this server only.`,
    `-# At most ${o.pagesPerDay} pages a day are added here; ${o.feedsPerServer} feeds at most.`,
  ];
  await respond(interaction, { content: lines.join('\n'), ephemeral: true });
}

function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'not yet';
}

function describeFeed(f: FeedRecord): string {
  const head = `• **${escapeMarkdown(cut(nameOf(f), 150))}** — ${escapeMarkdown(cut(f.url, 300))}`;
  const counts = `${f.added} ${f.added === 1 ? 'story' : 'stories'} added; last checked ${when(f.lastPollAt)}`;
  if (!f.failures) return `${head}\n  ${counts}`;
  const next = when(new Date(f.nextPollAt).toISOString());
  const error = escapeMarkdown(cut(f.lastError ?? 'unknown error', 300));
  return `${head}\n  ${counts}\n  ⚠️ failing (${f.failures} in a row): ${error}; next try ${next}`;
}

async function list(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  let followed: FeedRecord[];
  try {
    followed = await ctx.web.feedsOf(guildId);
  } catch {
    await respond(interaction, {
      content: "I can't reach my storage right now. Please try again in a moment.",
      ephemeral: true,
    });
    return;
  }
  if (!followed.length) {
    await respond(interaction, {
      content: 'This server follows no feeds yet. /feeds add takes an RSS, Atom or JSON Feed address.',
      ephemeral: true,
    });
    return;
  }
  const sorted = [...followed].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  await respond(interaction, {
    ephemeral: true,
    embeds: [
      {
        title: `${sorted.length} ${sorted.length === 1 ? 'feed' : 'feeds'} followed by this server`,
        description: joinWithin(sorted.map(describeFeed), LIMITS.embedDescription),
      },
    ],
  });
}

async function remove(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  const given = interaction.options.getString('feed', true).trim();
  await defer(interaction, { ephemeral: true });
  let removed: FeedRecord | null;
  try {
    // Autocomplete gives the id; a typed address works too.
    removed =
      (await ctx.web.unfollow(guildId, given)) ??
      (/^https?:\/\//i.test(given) ? await ctx.web.unfollow(guildId, feedId(given)) : null);
  } catch {
    await respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
    return;
  }
  const stories = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;
  const name = removed && escapeMarkdown(cut(nameOf(removed), 200));
  const content = removed
    ? `No longer following **${name}**; the ${stories(removed.added)} it added stay.`
    : `This server follows no feed “${escapeMarkdown(cut(given, 200))}”. /feeds list shows its feeds.`;
  await respond(interaction, { content, ephemeral: true });
}
