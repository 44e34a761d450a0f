import { answerAndRespond } from '../answering.js';
import { respond } from '../respond.js';
import { speakerChoices, visibleSpeakers } from '../suggest.js';
import { slashCommand, type Command } from './types.js';

export const quotes: Command = {
  data: slashCommand('quotes', 'What someone said, optionally about a topic')
    .addStringOption((o) =>
      o
        .setName('speaker')
        .setDescription('Who (start typing for suggestions)')
        .setRequired(true)
        .setMinLength(2)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o.setName('topic').setDescription('About what, e.g. "the protests"').setMinLength(2).setMaxLength(200),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    const speaker = interaction.options.getString('speaker', true).trim();
    const topic = interaction.options.getString('topic')?.trim();
    await answerAndRespond(
      interaction,
      ctx,
      topic ? `What did ${speaker} say about ${topic}?` : `What did ${speaker} say?`,
    );
  },
  async autocomplete(interaction, ctx) {
    // Autocomplete can't be deferred: before the corpus is ready there is nothing to offer.
    const library = ctx.library.forGuild(interaction.guildId);
    const typed = interaction.options.getFocused();
    const choices = library ? speakerChoices(visibleSpeakers(library, interaction.guildId), typed) : [];
    await respond(interaction, { choices });
  },
};
