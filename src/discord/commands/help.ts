import { answerQuestion } from '../../answer/index.js';
import { libraryFor } from '../answering.js';
import { escapeMarkdown } from '../markdown.js';
import { respond } from '../respond.js';
import { slashCommand, type Command } from './types.js';

const COMMANDS = [
  '`/ask question` — anything: who said a quote (in your own words too), what someone said (by name or role), ' +
    'did X say …?, quotes about a subject, or a search of the articles',
  '`/whosaid quote` — who said these words',
  '`/quotes speaker [topic]` — what someone said, about a topic if you give one',
  '`/speakers [article]` — who is quoted, everywhere or in one article',
  '`/articles` — the articles I read',
  "`/corpus add|remove|list|gaps` — this server's own articles, and what I could not answer (Manage Server)",
  '`/settings visibility` — answers for the channel or only for the asker (Manage Server)',
  'You can also DM me a question, or mention me with one in a channel.',
].join('\n');

export const help: Command = {
  data: slashCommand('help', 'What I can answer, with examples').toJSON(),
  async execute(interaction, ctx) {
    const library = await libraryFor(interaction, ctx);
    const guide = answerQuestion(library, 'help', { guildId: interaction.guildId });
    await respond(interaction, {
      embeds: [
        {
          title: 'whosaid — who said what in the news',
          description: `${escapeMarkdown(guide.message)}\n\n**Commands**\n${COMMANDS}`,
        },
      ],
    });
  },
};
