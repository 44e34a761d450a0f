import { MAX_QUESTION_LENGTH } from '../../question/index.js';
import { answerAndRespond } from '../answering.js';
import { slashCommand, type Command } from './types.js';

export const ask: Command = {
  data: slashCommand('ask', 'Ask anything about the articles: who said something, what someone said…')
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('e.g. Who said "it is now a real revolution"? or What did Borrell say about Russia?')
        .setRequired(true)
        .setMinLength(2)
        .setMaxLength(MAX_QUESTION_LENGTH),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    await answerAndRespond(interaction, ctx, interaction.options.getString('question', true));
  },
};
