// The buttons under an answer: More (the next page), Context (the paragraph, privately), 👍/👎.
// Their state lives in the store for 15 minutes; a button older than that, or from an older
// layout, or clicked while the store is down, gets a polite private note instead of an error.
import type { ButtonInteraction } from 'discord.js';
import { paragraphOf } from '../answer/index.js';
import { NAMESPACES } from '../store/index.js';
import { pageCount, parseCustomId, renderPage, type AnswerSession } from './answer-view.js';
import { libraryFor } from './answering.js';
import type { Context } from './context.js';
import { cut, LIMITS } from './limits.js';
import { escapeMarkdown, safeUrl } from './markdown.js';
import { respond } from './respond.js';

export const EXPIRED =
  `This button has expired (buttons work for ${NAMESPACES.session.ttlMs / 60_000} minutes after an answer). ` +
  'Ask again with /ask.';
export const OUTDATED = 'This button comes from an older version of the bot. Ask again with /ask.';
export const STORE_DOWN = "I can't reach my memory right now, so this button can't work. Please ask again in a moment.";

export interface Vote {
  vote: 'up' | 'down';
  userId: string;
  guildId: string | null;
  question: string;
  /** The quotes or passages the answer showed, best first. */
  items: Array<string | null>;
  at: string;
}

export function feedbackKey(guildId: string | null, sessionId: string, userId: string): string {
  return `${guildId ?? 'dm'}:${sessionId}:${userId}`;
}

/** Returns a short name of what was done, for the interaction log line. */
export async function handleButton(interaction: ButtonInteraction, ctx: Context): Promise<string> {
  const action = parseCustomId(interaction.customId);
  if (!action) {
    await respond(interaction, { content: OUTDATED, ephemeral: true });
    return 'button:outdated';
  }
  let session: AnswerSession | undefined;
  try {
    session = await ctx.store.get<AnswerSession>('session', action.sessionId);
  } catch (err) {
    ctx.logger.debug({ interaction: interaction.id, err: String(err) }, 'store unavailable for a button');
    await respond(interaction, { content: STORE_DOWN, ephemeral: true });
    return `button:${action.kind}:store-down`;
  }
  if (!session) {
    await respond(interaction, { content: EXPIRED, ephemeral: true });
    return `button:${action.kind}:expired`;
  }
  switch (action.kind) {
    case 'more': {
      if (action.page >= pageCount(session)) {
        await respond(interaction, { content: 'That was everything I found.', ephemeral: true });
      } else {
        await respond(interaction, {
          ...renderPage(session, action.page, action.sessionId),
          ephemeral: session.ephemeral === true,
        });
      }
      return 'button:more';
    }
    case 'context':
      await showContext(interaction, ctx, session, action.index);
      return 'button:context';
    case 'vote':
      await recordVote(interaction, ctx, session, action.sessionId, action.vote);
      return `button:vote:${action.vote}`;
  }
}

async function showContext(
  interaction: ButtonInteraction,
  ctx: Context,
  session: AnswerSession,
  index: number,
): Promise<void> {
  const item = session.items[index];
  const library = item ? await libraryFor(interaction, ctx) : null;
  const paragraph = item && library ? paragraphOf(library, item.article.id, item.paragraph) : null;
  if (!item || paragraph === null) {
    await respond(interaction, { content: 'That passage is no longer in the corpus.', ephemeral: true });
    return;
  }
  const url = safeUrl(item.article.url);
  await respond(interaction, {
    ephemeral: true,
    embeds: [
      {
        title: escapeMarkdown(item.article.title || item.article.id),
        ...(url ? { url } : {}),
        description: highlight(paragraph, item.quote, LIMITS.embedDescription),
        footer: { text: `Paragraph ${item.paragraph + 1} of ${item.article.id}` },
      },
    ],
  });
}

/** The paragraph, escaped, with the quote in bold; cut around the quote when the paragraph is long. */
export function highlight(paragraph: string, quote: string, max: number): string {
  const at = quote ? paragraph.indexOf(quote) : -1;
  if (at < 0) return cut(escapeMarkdown(paragraph), max);
  let before = escapeMarkdown(paragraph.slice(0, at));
  const bold = escapeMarkdown(quote);
  let after = escapeMarkdown(paragraph.slice(at + quote.length));
  const room = max - bold.length - 5;
  if (room < 0) return `**${cut(bold, max - 4)}**`;
  if (before.length + after.length > room) {
    // Keep the text right before the quote (who is speaking) and cut the rest from the far ends.
    const keepAfter = Math.min(after.length, Math.max(Math.floor(room / 2), room - before.length));
    before = cutStart(before, room - keepAfter);
    after = cut(after, Math.max(1, keepAfter));
  }
  return `${before}**${bold}**${after}`;
}

/** The end of `text` in at most `max` characters, starting "…" at a word. */
function cutStart(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '';
  let tail = text.slice(text.length - (max - 1));
  const space = tail.search(/\s/u);
  if (space >= 0 && space < tail.length / 5) tail = tail.slice(space + 1);
  // Starting right after an escaping backslash would unescape the first character: skip it.
  else if (text[text.length - tail.length - 1] === '\\') tail = tail.slice(1);
  return `…${tail}`;
}

async function recordVote(
  interaction: ButtonInteraction,
  ctx: Context,
  session: AnswerSession,
  sessionId: string,
  vote: 'up' | 'down',
): Promise<void> {
  const record: Vote = {
    vote,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    question: session.question,
    items: session.items.map((i) => i.quoteId ?? `${i.article.id}#p${i.paragraph}`),
    at: new Date().toISOString(),
  };
  try {
    // One vote per person per answer: clicking again changes it. Keyed by server first, for /corpus gaps.
    await ctx.store.set('feedback', feedbackKey(interaction.guildId, sessionId, interaction.user.id), record);
  } catch (err) {
    ctx.logger.debug({ interaction: interaction.id, err: String(err) }, 'could not record feedback');
    await respond(interaction, { content: "Thanks! I couldn't save it right now, though.", ephemeral: true });
    return;
  }
  await respond(interaction, {
    content: vote === 'up' ? 'Thanks, noted 👍' : 'Thanks, noted 👎 — it helps improve the answers.',
    ephemeral: true,
  });
}
