// From a question to a posted answer, the same for /ask, /whosaid, /quotes, a DM and a mention.
import { createHash, randomBytes } from 'node:crypto';
import type { ChatInputCommandInteraction, Message, RepliableInteraction } from 'discord.js';
import { answerQuestion, asksAboutSomeone, subjectOf } from '../answer/index.js';
import { codeVersion, type Library } from '../library/index.js';
import type { Answer } from '../types.js';
import { ANSWER_LIMIT, renderPage, type AnswerSession } from './answer-view.js';
import type { Context } from './context.js';
import { escapeMarkdown } from './markdown.js';
import { waitWords } from './ratelimit.js';
import { defer, respond } from './respond.js';

export type Asker = ChatInputCommandInteraction | Message;

export const NO_BUTTONS = 'Buttons are unavailable right now; ask again later for More and Context.';

/**
 * The library a server answers from, deferring the interaction first when it is still loading:
 * Discord drops an interaction not acknowledged within 3 seconds, and loading a corpus can take longer.
 */
export async function libraryFor(target: RepliableInteraction | Message, ctx: Context): Promise<Library> {
  const ready = ctx.library.forGuild(target.guildId);
  if (ready) return ready;
  if (ctx.library.error) throw ctx.library.error;
  if (!('author' in target) && !target.deferred && !target.replied) {
    await defer(target);
    ctx.logger.debug({ interaction: target.id }, 'deferred: the corpus is still loading');
  }
  await ctx.library.ready;
  return ctx.library.forGuild(target.guildId)!;
}

/** Answers `question` and posts it; "nothing found" only to the asker. Null when rate limited. */
export async function answerAndRespond(target: Asker, ctx: Context, question: string): Promise<Answer | null> {
  const userId = 'author' in target ? target.author.id : target.user.id;
  const [verdict, settings] = await Promise.all([ctx.limiter.hit(userId), ctx.settings.get(target.guildId)]);
  if (!verdict.allowed) {
    await respond(target, {
      content:
        `You're asking faster than I can keep up: ${ctx.limiter.perMinute} questions a minute each. ` +
        `Try again in ${waitWords(verdict.retryInMs)}.`,
      ephemeral: true,
    });
    return null;
  }
  const library = await libraryFor(target, ctx);
  // "What else did he say?": who the asker's last answer was about — in a server, in this channel; in DMs,
  // whatever the DM channel (a DM message and a slash command in a DM may come with different ones).
  const contextKey = target.guildId ? `${target.channelId}:${userId}` : `dm:${userId}`;
  const about = asksAboutSomeone(question)
    ? await ctx.store.get<string>('context', contextKey).catch(() => undefined)
    : undefined;
  const answer = await answerFor(ctx, library, question, target.guildId, about);
  const subject = subjectOf(answer);
  if (subject && subject !== about) await ctx.store.set('context', contextKey, subject).catch(() => {});
  if (!answer.answers.length) {
    const hint = answer.suggestions.length
      ? `\nTry: ${answer.suggestions.slice(0, 5).map(escapeMarkdown).join(', ')}`
      : '';
    await respond(target, { content: `${escapeMarkdown(answer.message)}${hint}`, ephemeral: answer.intent !== 'help' });
    if (answer.intent !== 'help' && answer.intent !== 'empty')
      await recordUnanswered(ctx, target.guildId, userId, answer);
    return answer;
  }
  const ephemeral = settings.visibility === 'ephemeral';
  const session: AnswerSession = {
    question: answer.question,
    intent: answer.intent,
    message: answer.message,
    items: answer.answers,
    guildId: target.guildId,
    ...(ephemeral ? { ephemeral } : {}),
  };
  const sessionId = await saveSession(ctx, session);
  await respond(target, { ...renderPage(session, 0, sessionId, sessionId ? undefined : NO_BUTTONS), ephemeral });
  return answer;
}

// The answering code is part of the key as the corpus version is: another version of the bot may
// answer the same question differently.
const ANSWER_CODE = ['answer', 'question'] as const;

/**
 * The answer, from the cache when a process answered the same question from the same library in the
 * last hour. A server's library has its own version, so the key needs no server.
 */
async function answerFor(
  ctx: Context,
  library: Library,
  question: string,
  guildId: string | null,
  about?: string,
): Promise<Answer> {
  const version = ctx.library.versionFor(guildId);
  // A question read through the conversation ("he") is another question for each person it may mean.
  const asked = about ? `${question}\u0000${about}` : question;
  const key = version
    ? `${version}:${codeVersion(ANSWER_CODE)}:${createHash('sha256').update(asked).digest('base64url').slice(0, 32)}`
    : null;
  if (key) {
    try {
      const cached = await ctx.store.get<Answer>('answers', key);
      if (cached && cached.question !== undefined) return cached;
    } catch {
      // Answering is cheap enough without it; the store reports its own outage.
    }
  }
  const answer = answerQuestion(library, question, { guildId, limit: ANSWER_LIMIT, about });
  if (key) await ctx.store.set('answers', key, answer).catch(() => {});
  return answer;
}

/** Stores the session for its buttons; null when the store fails, so the answer goes out without them. */
async function saveSession(ctx: Context, session: AnswerSession): Promise<string | null> {
  const id = randomBytes(12).toString('base64url');
  try {
    await ctx.store.set('session', id, session);
    return id;
  } catch (err) {
    ctx.logger.debug({ err: String(err) }, 'could not save the answer session; sending it without buttons');
    return null;
  }
}

export interface Unanswered {
  question: string;
  userId: string;
  intent: Answer['intent'];
  at: string;
}

/** Keys sort by time within a server: `<server or dm>:<time base36>:<random>`. */
async function recordUnanswered(ctx: Context, guildId: string | null, userId: string, answer: Answer): Promise<void> {
  const key = `${guildId ?? 'dm'}:${Date.now().toString(36).padStart(9, '0')}:${randomBytes(3).toString('hex')}`;
  const record: Unanswered = { question: answer.question, userId, intent: answer.intent, at: new Date().toISOString() };
  await ctx.store
    .set('unanswered', key, record)
    .catch((err) => ctx.logger.debug({ err: String(err) }, 'could not record an unanswered question'));
}
