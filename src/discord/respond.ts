// The one way out. Every message the bot sends, whatever asked for it (a slash command, a button, a
// DM, a mention, an autocomplete), leaves through `respond` (and a late answer's acknowledgement
// through `defer`): it applies Discord's size limits and forbids every ping, so a quote or question
// holding "@everyone" or "<@id>" notifies nobody.
import { MessageFlags, type AutocompleteInteraction, type Message, type RepliableInteraction } from 'discord.js';
import { fitChoices, fitMessage, type MessagePart } from './limits.js';

export interface Reply extends MessagePart {
  /** Only the asker sees it (in servers; a DM is private already). For "nothing found" and errors. */
  ephemeral?: boolean;
}

export interface Choices {
  choices: Array<{ name: string; value: string }>;
}

export const NO_PINGS = Object.freeze({ parse: [] as [] });

export async function respond(target: RepliableInteraction | Message, reply: Reply): Promise<void>;
export async function respond(target: AutocompleteInteraction, reply: Choices): Promise<void>;
export async function respond(
  target: RepliableInteraction | Message | AutocompleteInteraction,
  reply: Reply | Choices,
): Promise<void> {
  if ('choices' in reply) {
    const interaction = target as AutocompleteInteraction;
    if (!interaction.responded) await interaction.respond(fitChoices(reply.choices));
    return;
  }
  const parts = fitMessage(reply);
  if ('author' in target) return toMessage(target, parts);
  return toInteraction(target as RepliableInteraction, parts, reply.ephemeral === true);
}

/**
 * Acknowledges an interaction with "thinking…" (public), to be answered later through `respond`:
 * Discord drops an interaction not acknowledged within 3 seconds.
 */
export async function defer(interaction: RepliableInteraction, options: { ephemeral?: boolean } = {}): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  // Private "thinking…" only in servers: a DM is private already, and Discord refuses the flag there.
  if (options.ephemeral && interaction.guildId !== null)
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  else await interaction.deferReply();
}

async function toInteraction(
  interaction: RepliableInteraction,
  parts: MessagePart[],
  wantEphemeral: boolean,
): Promise<void> {
  const ephemeral = wantEphemeral && interaction.guildId !== null;
  const payload = (p: MessagePart) => ({
    ...p,
    allowedMentions: NO_PINGS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
  let rest = parts;
  if (interaction.deferred && !interaction.replied) {
    if (ephemeral && !interaction.ephemeral) {
      // A public "thinking…" cannot turn private, and Discord makes the first follow-up after a
      // deferral edit it: so it goes, and the private answer follows.
      await interaction.deleteReply();
    } else {
      const [first] = parts;
      rest = parts.slice(1);
      await interaction.editReply({ ...first, allowedMentions: NO_PINGS });
    }
  } else if (!interaction.replied) {
    const [first] = parts;
    rest = parts.slice(1);
    await interaction.reply(payload(first));
  }
  for (const p of rest) await interaction.followUp(payload(p));
}

async function toMessage(message: Message, parts: MessagePart[]): Promise<void> {
  const [first, ...rest] = parts;
  await message.reply({ ...first, allowedMentions: { ...NO_PINGS, repliedUser: false } });
  const channel = message.channel;
  if (!rest.length || !channel.isSendable()) return;
  for (const p of rest) await channel.send({ ...p, allowedMentions: NO_PINGS });
}
