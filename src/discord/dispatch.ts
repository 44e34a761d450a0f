// Gateway events to handlers: slash commands, autocomplete and buttons by way of the registry, DMs
// and mentions as questions. Every piece of work is tracked so shutdown can wait for it, logged
// with its latency, and kept from crashing the process whatever it throws.
import { performance } from 'node:perf_hooks';
import { DiscordAPIError, Events, type Client, type Interaction, type Message } from 'discord.js';
import { answerAndRespond } from './answering.js';
import { handleButton } from './buttons.js';
import { findCommand } from './commands/registry.js';
import type { Context } from './context.js';
import { respond } from './respond.js';

export const UNKNOWN_COMMAND = "I don't know that command (it may have been renamed or removed). Try /help.";
export const FAILED = 'Sorry, something went wrong while answering. Please try again.';
export const RESTARTING = "I'm restarting right now. Please ask again in a minute.";

/** Work in flight, for a shutdown that finishes answers before it closes the connection. */
export class Tracker {
  stopping = false;
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  constructor(private readonly onError: (err: unknown) => void) {}

  track(work: Promise<unknown>): void {
    // Handlers catch their own errors; this is the net under them, so no rejection goes unhandled.
    const p = work.catch(this.onError).finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Waits until nothing runs, or `timeoutMs` passed; true when everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      while (this.running.size) {
        const done = await Promise.race([Promise.allSettled([...this.running]).then(() => true as const), timeout]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}

export function attachHandlers(client: Client, ctx: Context, tracker: Tracker): void {
  client.on(Events.InteractionCreate, (interaction) => tracker.track(onInteraction(interaction, ctx, tracker)));
  client.on(Events.MessageCreate, (message) => {
    if (!tracker.stopping) tracker.track(onMessage(client, message, ctx));
  });
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const sub = interaction.options.getSubcommand(false);
    return sub ? `/${interaction.commandName} ${sub}` : `/${interaction.commandName}`;
  }
  if (interaction.isButton()) return 'button';
  return `type:${interaction.type}`;
}

async function onInteraction(interaction: Interaction, ctx: Context, tracker: Tracker): Promise<void> {
  const started = performance.now();
  let command = describe(interaction);
  const fields = { interaction: interaction.id, guild: interaction.guildId, user: interaction.user.id };
  let outcome = 'ok';
  try {
    if (tracker.stopping) {
      outcome = 'refused:stopping';
      if (interaction.isAutocomplete()) await respond(interaction, { choices: [] });
      else if (interaction.isRepliable()) await respond(interaction, { content: RESTARTING, ephemeral: true });
    } else if (interaction.isChatInputCommand()) {
      const found = findCommand(interaction.commandName);
      if (!found) {
        outcome = 'unknown-command';
        await respond(interaction, { content: UNKNOWN_COMMAND, ephemeral: true });
      } else {
        await found.execute(interaction, ctx);
      }
    } else if (interaction.isAutocomplete()) {
      const found = findCommand(interaction.commandName);
      if (found?.autocomplete) await found.autocomplete(interaction, ctx);
      else await respond(interaction, { choices: [] });
    } else if (interaction.isButton()) {
      command = await handleButton(interaction, ctx);
    } else {
      outcome = 'ignored';
    }
  } catch (err) {
    if (expired(err)) {
      // Nothing can reach the asker any more, a failure notice included: one line, and no more requests.
      outcome = 'expired';
      ctx.logger.warn({ ...fields, command, error: safeError(err) }, 'interaction expired before it was answered');
    } else {
      outcome = 'error';
      ctx.logger.error({ ...fields, command, error: safeError(err) }, 'interaction failed');
      await tellFailure(interaction, ctx);
    }
  } finally {
    ctx.logger.info({ ...fields, command, outcome, latencyMs: Math.round(performance.now() - started) }, 'interaction');
  }
}

/**
 * Discord's answer for an interaction whose token lapsed (3 s to acknowledge, 15 min for follow-ups):
 * 10062 Unknown interaction on the callback, 50027 Invalid Webhook Token or 10015 Unknown Webhook after.
 */
const EXPIRED_CODES = new Set([10062, 10015, 50027]);

export function expired(err: unknown): boolean {
  return err instanceof DiscordAPIError && typeof err.code === 'number' && EXPIRED_CODES.has(err.code);
}

/** Best effort: the failure may have been Discord refusing the reply, in which case this fails too. */
async function tellFailure(interaction: Interaction, ctx: Context): Promise<void> {
  if (!interaction.isRepliable()) return;
  try {
    await respond(interaction, { content: FAILED, ephemeral: true });
  } catch (err) {
    ctx.logger.debug(
      { interaction: interaction.id, error: safeError(err) },
      'could not tell the user about the failure',
    );
  }
}

async function onMessage(client: Client, message: Message, ctx: Context): Promise<void> {
  const me = client.user;
  if (!me || message.author.bot || message.author.id === me.id) return;
  const dm = !message.inGuild();
  // A mention of the bot itself, not @everyone or a role it happens to have.
  if (!dm && !message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })) return;
  const started = performance.now();
  const fields = {
    message: message.id,
    guild: message.guildId,
    user: message.author.id,
    command: dm ? 'dm' : 'mention',
  };
  let outcome = 'ok';
  try {
    const text = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').trim();
    await answerAndRespond(message, ctx, text);
  } catch (err) {
    outcome = 'error';
    ctx.logger.error({ ...fields, error: safeError(err) }, 'message failed');
    // Best effort, as for interactions: if Discord refused the answer, it may refuse this too.
    await respond(message, { content: FAILED }).catch(() => {});
  } finally {
    ctx.logger.info({ ...fields, outcome, latencyMs: Math.round(performance.now() - started) }, 'message');
  }
}

/**
 * An error as a log can carry it. discord.js REST errors hold the request URL, and the URLs of
 * interaction callbacks and webhooks contain the interaction's token: it is masked.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: maskTokens(String(err)) };
  const e = err as Error & { status?: number; code?: unknown; method?: string; url?: string };
  const out: Record<string, unknown> = { type: e.name, message: maskTokens(e.message) };
  if (e.status !== undefined) out.status = e.status;
  if (e.code !== undefined) out.code = e.code;
  if (e.method) out.method = e.method;
  if (e.url) out.url = maskTokens(e.url);
  if (e.stack) out.stack = maskTokens(e.stack);
  return out;
}

export function maskTokens(text: string): string {
  return text.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/?\s]+/g, '$1[token]');
}
