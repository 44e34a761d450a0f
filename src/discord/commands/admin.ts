import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { respond } from '../respond.js';

export const NOT_MANAGER = 'Only members who can Manage Server can do this.';
export const SERVER_ONLY = 'This works in a server, not in DMs.';
export const STORE_DOWN_ADMIN =
  "I can't reach my storage right now, so nothing was changed. Please try again in a moment.";

/**
 * A command for server managers: Discord hides it from members without Manage Server (they can change
 * that in Server Settings → Integrations, so it is checked again when it runs), and it exists in
 * servers only.
 */
export function managerCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
}

/** The server's id when the member may manage it; otherwise tells them why not and returns null. */
export async function managedGuild(interaction: ChatInputCommandInteraction): Promise<string | null> {
  if (!interaction.guildId) {
    await respond(interaction, { content: SERVER_ONLY });
    return null;
  }
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await respond(interaction, { content: NOT_MANAGER, ephemeral: true });
    return null;
  }
  return interaction.guildId;
}
