// /corpus: the articles a server adds to the base corpus (files, and pages by their link), and what
// its members asked that found nothing. Both are kept in the store (every bot process sees them) and
// only this server answers from them.
import { createHash } from 'node:crypto';
import type { Attachment, AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { checkUploadName, parseUpload, UPLOAD_LIMITS, type PageRecord, type Upload } from '../../serve/index.js';
import { AddError } from '../../feeds/index.js';
import { formatBytes } from '../../fetch/index.js';
import { StoreError } from '../../store/index.js';
import type { Unanswered } from '../answering.js';
import type { Vote } from '../buttons.js';
import type { Context } from '../context.js';
import { download, DownloadError } from '../download.js';
import { cut, joinWithin, LIMITS } from '../limits.js';
import { escapeMarkdown } from '../markdown.js';
import { defer, respond } from '../respond.js';
import { managedGuild, managerCommand, STORE_DOWN_ADMIN } from './admin.js';
import type { Command } from './types.js';

const MB = UPLOAD_LIMITS.bytes / (1024 * 1024);

export const corpus: Command = {
  data: managerCommand('corpus', "This server's own articles, and the questions I could not answer")
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription(`Add an article here: a file (.txt, .md, .html, .jsonl, up to ${MB} MB) or a page's link`)
        .addAttachmentOption((o) => o.setName('file').setDescription('The article file'))
        .addStringOption((o) =>
          o.setName('url').setDescription("A news page's address (http or https)").setMinLength(8).setMaxLength(2000),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a file this server added')
        .addStringOption((o) =>
          o
            .setName('file')
            .setDescription('Its file name')
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The files this server added'))
    .addSubcommand((s) =>
      s.setName('gaps').setDescription('Recent questions I could not answer here, and answers marked 👎'),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    const guildId = await managedGuild(interaction);
    if (!guildId) return;
    const sub = interaction.options.getSubcommand();
    if (sub === 'add') return add(interaction, ctx, guildId);
    if (sub === 'remove') return remove(interaction, ctx, guildId);
    if (sub === 'list') return list(interaction, ctx, guildId);
    return gaps(interaction, ctx, guildId);
  },
  async autocomplete(interaction, ctx) {
    await respond(interaction, { choices: fileChoices(interaction, ctx) });
  },
};

function fileChoices(interaction: AutocompleteInteraction, ctx: Context): Array<{ name: string; value: string }> {
  const guildId = interaction.guildId;
  const library = guildId ? ctx.library.forGuild(guildId) : null;
  if (!guildId || !library) return [];
  const typed = interaction.options.getFocused().toLowerCase();
  const files = new Set(library.articles.filter((a) => a.guildId === guildId && a.file).map((a) => a.file!));
  return [...files]
    .filter((f) => f.toLowerCase().includes(typed))
    .sort()
    .map((f) => ({ name: f, value: f }));
}

async function add(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  const file = interaction.options.getAttachment('file');
  const link = interaction.options.getString('url')?.trim();
  if (!file === !link) {
    const content = 'Give /corpus add either a file or a url (one of the two).';
    await respond(interaction, { content, ephemeral: true });
    return;
  }
  if (link) return addLink(interaction, ctx, guildId, link);
  return addFile(interaction, ctx, guildId, file!);
}

async function addFile(
  interaction: ChatInputCommandInteraction,
  ctx: Context,
  guildId: string,
  file: Attachment,
): Promise<void> {
  const refuse = (why: string) =>
    respond(interaction, { content: `I can't add “${escapeMarkdown(cut(file.name, 100))}”: ${why}.`, ephemeral: true });
  const badName = checkUploadName(file.name);
  if (badName) return refuse(badName);
  if (file.size > UPLOAD_LIMITS.bytes)
    return refuse(`it is ${(file.size / 1048576).toFixed(1)} MB, and files may be ${MB} MB at most`);
  // Fetching, parsing and indexing take longer than the 3 seconds Discord waits for an acknowledgement.
  await defer(interaction, { ephemeral: true });
  let existing: Upload[];
  try {
    existing = await ctx.corpus.uploadsOf(guildId);
  } catch {
    await respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
    return;
  }
  const replacing = existing.some((u) => u.name === file.name);
  if (!replacing && existing.length >= UPLOAD_LIMITS.filesPerServer) {
    return refuse(`this server has ${existing.length} files already, the most it may have; /corpus remove one first`);
  }
  let bytes: Buffer;
  try {
    bytes = await download(file.url, UPLOAD_LIMITS.bytes);
  } catch (err) {
    if (err instanceof DownloadError) return refuse(err.message);
    throw err;
  }
  const upload: Upload = {
    guildId,
    name: file.name,
    data: bytes.toString('base64'),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    by: interaction.user.id,
    at: new Date().toISOString(),
  };
  const parsed = parseUpload(upload);
  const problems = parsed.warnings.map((w) => escapeMarkdown(w.reason));
  if (!parsed.articles.length)
    return refuse(`I found no article in it${problems.length ? ` (${problems.slice(0, 3).join('; ')})` : ''}`);
  try {
    await ctx.corpus.add(upload);
  } catch (err) {
    ctx.logger.warn({ guild: guildId, file: file.name, err: String(err) }, 'upload not stored');
    await respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
    return;
  }
  const titles = parsed.articles.map((a) => `• ${escapeMarkdown(cut(a.title || a.id, 200))}`);
  const n = parsed.articles.length;
  const count = `${n} ${n === 1 ? 'article' : 'articles'}`;
  const verb = replacing ? 'Replaced' : 'Added';
  const head = `${verb} **${escapeMarkdown(file.name)}**: ${count}, answered from in this server only.`;
  const warn = problems.length ? `\n-# Skipped: ${cut(problems.join('; '), 300)}` : '';
  await respond(interaction, {
    content: cut(`${head}\n${joinWithin(titles, 1200)}${warn}`, LIMITS.content),
    ephemeral: true,
  });
}

async function addLink(
  interaction: ChatInputCommandInteraction,
  ctx: Context,
  guildId: string,
  link: string,
): Promise<void> {
  // Fetching, reading and indexing take longer than the 3 seconds Discord waits.
  await defer(interaction, { ephemeral: true });
  let added;
  try {
    added = await ctx.web.adder.addLink(guildId, link, interaction.user.id);
  } catch (err) {
    if (err instanceof AddError) {
      const content = `I can't add “${escapeMarkdown(cut(link, 200))}”: ${escapeMarkdown(err.message)}.`;
      return respond(interaction, { content, ephemeral: true });
    }
    if (err instanceof StoreError) return respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
    throw err;
  }
  const { prepared } = added;
  if (prepared.status === 'duplicate') {
    const why = prepared.why === 'address' ? 'the same address' : 'the same story at another address';
    const content = `This server has that page already (${why}); nothing was added.`;
    await respond(interaction, { content, ephemeral: true });
    return;
  }
  const { page, articles } = prepared;
  const content =
    `Added **${escapeMarkdown(cut(page.title, 200))}** from ${escapeMarkdown(cut(page.url, 300))}: ${articles} ` +
    `${articles === 1 ? 'article' : 'articles'} (${formatBytes(page.size)}), answered from in this server only.`;
  await respond(interaction, { content, ephemeral: true });
}

/** The file name a fetched page shows in autocomplete and /corpus list (`web-<id>.html`). */
const PAGE_FILE = /^web-([0-9a-f]{16})\.html$/;

async function remove(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  const name = interaction.options.getString('file', true).trim();
  await defer(interaction, { ephemeral: true });
  let removed;
  try {
    const page = PAGE_FILE.exec(name);
    if (page) {
      const record = await ctx.store.get<PageRecord>('pages', `${guildId}/${page[1]}`);
      removed = record ? await ctx.corpus.removePages(guildId, [record]) : null;
    } else removed = await ctx.corpus.remove(guildId, name);
  } catch {
    await respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
    return;
  }
  const content = removed
    ? `Removed **${escapeMarkdown(name)}**; it is no longer searched here.`
    : `This server has no file “${escapeMarkdown(cut(name, 100))}”. /corpus list shows its files.`;
  await respond(interaction, { content, ephemeral: true });
}

async function list(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  const library = ctx.library.forGuild(guildId);
  const articlesIn = (name: string) =>
    library?.articles.filter((a) => a.guildId === guildId && a.file === name).length ?? 0;
  let lines: string[];
  let note = '';
  try {
    const [uploads, pages] = await Promise.all([ctx.corpus.uploadsOf(guildId), ctx.corpus.pagesOf(guildId)]);
    lines = uploads.map((u) => {
      const n = articlesIn(u.name);
      const count = `${n} ${n === 1 ? 'article' : 'articles'}`;
      return `• **${escapeMarkdown(u.name)}** — ${count}, ${kb(u.size)}, added by <@${u.by}> on ${u.at.slice(0, 10)}`;
    });
    const byFeed = pages.filter((p) => p.feedId).length;
    if (pages.length) {
      const what = `${pages.length} web ${pages.length === 1 ? 'page' : 'pages'}`;
      lines.push(`• **${what}** — ${pages.length - byFeed} by link, ${byFeed} from feeds (/feeds list)`);
    }
  } catch {
    // What this process has loaded is the next best thing to the store's list.
    const files = [
      ...new Set(library?.articles.filter((a) => a.guildId === guildId && a.file).map((a) => a.file!) ?? []),
    ].sort();
    lines = files.map((f) => `• **${escapeMarkdown(f)}** — ${articlesIn(f)} articles`);
    note = "\n-# I can't reach my storage right now: this is what I have loaded.";
  }
  if (!lines.length) {
    await respond(interaction, {
      content: `This server has added no articles yet. /corpus add takes a .txt, .md, .html or .jsonl file.${note}`,
      ephemeral: true,
    });
    return;
  }
  await respond(interaction, {
    ephemeral: true,
    embeds: [
      {
        title: `${lines.length} ${lines.length === 1 ? 'file' : 'files'} added by this server`,
        description: joinWithin(lines, LIMITS.embedDescription - note.length) + note,
      },
    ],
  });
}

async function gaps(interaction: ChatInputCommandInteraction, ctx: Context, guildId: string): Promise<void> {
  let unanswered: Unanswered[];
  let downVotes: Vote[];
  try {
    [unanswered, downVotes] = await Promise.all([
      ctx.store.list<Unanswered>('unanswered', `${guildId}:`).then((l) => l.map((e) => e.value)),
      ctx.store
        .list<Vote>('feedback', `${guildId}:`)
        .then((l) => l.map((e) => e.value).filter((v) => v.vote === 'down')),
    ]);
  } catch {
    await respond(interaction, {
      content: "I can't reach my storage right now. Please try again in a moment.",
      ephemeral: true,
    });
    return;
  }
  const recent = <T extends { at: string }>(xs: T[], n: number) =>
    [...xs].sort((a, b) => b.at.localeCompare(a.at)).slice(0, n);
  const asked = recent(unanswered, 15).map((u) => `• ${u.at.slice(0, 10)} — “${escapeMarkdown(cut(u.question, 150))}”`);
  const disliked = recent(downVotes, 10).map(
    (v) => `• ${v.at.slice(0, 10)} — “${escapeMarkdown(cut(v.question, 150))}” (${v.items.length} answers shown)`,
  );
  if (!asked.length && !disliked.length) {
    await respond(interaction, {
      content: 'No gaps recorded: every question here found something, and no answer was marked 👎.',
      ephemeral: true,
    });
    return;
  }
  const embeds = [];
  if (asked.length)
    embeds.push({
      title: `Questions I found nothing for (${unanswered.length}, last 30 days)`,
      description: joinWithin(asked, 2500),
    });
  if (disliked.length)
    embeds.push({ title: `Answers marked 👎 (${downVotes.length})`, description: joinWithin(disliked, 2500) });
  await respond(interaction, { embeds, ephemeral: true });
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}
