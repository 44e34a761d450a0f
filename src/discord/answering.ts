// From a question to a posted answer, the same for /ask, /whosaid, /quotes, a DM and a mention.
import { randomBytes } from 'node:crypto';
import type { ChatInputCommandInteraction, Message, RepliableInteraction } from 'discord.js';
import { answerQuestion } from '../answer/index.js';
import type { Library } from '../engine/index.js';
import type { Answer } from '../types.js';
import { ANSWER_LIMIT, renderPage, type AnswerSession } from './answer-view.js';
import type { Context } from './context.js';
import { escapeMarkdown } from './markdown.js';
import { defer, respond } from './respond.js';

export type Asker = ChatInputCommandInteraction | Message;

/**
 * The library, deferring the interaction first when it is still loading: Discord drops an
 * interaction not acknowledged within 3 seconds, and loading a corpus can take longer.
 */
export async function libraryFor(target: RepliableInteraction | Message, ctx: Context): Promise<Library> {
  if (ctx.library.current) return ctx.library.current;
  if (ctx.library.error) throw ctx.library.error;
  if (!('author' in target) && !target.deferred && !target.replied) {
    await defer(target);
    ctx.logger.debug({ interaction: target.id }, 'deferred: the corpus is still loading');
  }
  return ctx.library.ready;
}

/** Answers `question` and posts it; "nothing found" only to the asker. */
export async function answerAndRespond(target: Asker, ctx: Context, question: string): Promise<Answer> {
  const library = await libraryFor(target, ctx);
  const answer = answerQuestion(library, question, { guildId: target.guildId, limit: ANSWER_LIMIT });
  if (!answer.answers.length) {
    const hint = answer.suggestions.length ? `\nTry: ${answer.suggestions.slice(0, 5).map(escapeMarkdown).join(', ')}` : '';
    await respond(target, { content: `${escapeMarkdown(answer.message)}${hint}`, ephemeral: answer.intent !== 'help' });
    return answer;
  }
  const session: AnswerSession = {
    question: answer.question,
    intent: answer.intent,
    message: answer.message,
    items: answer.answers,
    guildId: target.guildId,
  };
  const sessionId = await saveSession(ctx, session);
  const notice = sessionId ? undefined : 'Buttons are unavailable right now; ask again later for More and Context.';
  await respond(target, renderPage(session, 0, sessionId, notice));
  return answer;
}

/** Stores the session for its buttons; null when the store fails, so the answer goes out without them. */
async function saveSession(ctx: Context, session: AnswerSession): Promise<string | null> {
  const id = randomBytes(12).toString('base64url');
  try {
    await ctx.store.set('session', id, session);
    return id;
  } catch (err) {
    ctx.logger.warn({ err: String(err) }, 'could not save the answer session; sending it without buttons');
    return null;
  }
}
