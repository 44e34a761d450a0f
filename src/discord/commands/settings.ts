import { respond } from '../respond.js';
import type { Visibility } from '../settings.js';
import { managedGuild, managerCommand, STORE_DOWN_ADMIN } from './admin.js';
import type { Command } from './types.js';

const EXPLAIN: Record<Visibility, string> = {
  public: 'answers are posted in the channel for everyone',
  ephemeral: 'answers are shown only to the person who asked',
};

export const settings: Command = {
  data: managerCommand('settings', 'How I answer in this server')
    .addStringOption((o) =>
      o
        .setName('visibility')
        .setDescription('Post answers for the channel, or show them only to the asker')
        .addChoices(
          { name: 'public', value: 'public' },
          { name: 'ephemeral (only the asker sees answers)', value: 'ephemeral' },
        ),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    const guildId = await managedGuild(interaction);
    if (!guildId) return;
    const visibility = interaction.options.getString('visibility') as Visibility | null;
    if (!visibility) {
      const current = await ctx.settings.get(guildId);
      await respond(interaction, {
        content: `Visibility: **${current.visibility}** — ${EXPLAIN[current.visibility]}.`,
        ephemeral: true,
      });
      return;
    }
    try {
      await ctx.settings.update(guildId, { visibility });
    } catch {
      await respond(interaction, { content: STORE_DOWN_ADMIN, ephemeral: true });
      return;
    }
    await respond(interaction, {
      content: `Visibility is now **${visibility}**: ${EXPLAIN[visibility]}.`,
      ephemeral: true,
    });
  },
};
