import { answerAndRespond } from '../answering.js';
import { slashCommand, type Command } from './types.js';

export const QUOTE_MAX = 300;

export const whosaid: Command = {
  data: slashCommand('whosaid', 'Find who said a quote')
    .addStringOption((o) =>
      o
        .setName('quote')
        .setDescription('Some words of the quote, as you remember them')
        .setRequired(true)
        .setMinLength(3)
        .setMaxLength(QUOTE_MAX),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    // Inner quotation marks would end the quoted snippet early when the question is parsed.
    const quote = interaction.options.getString('quote', true).replace(/["“”]/g, ' ').trim();
    await answerAndRespond(interaction, ctx, `Who said "${quote}"?`);
  },
};
