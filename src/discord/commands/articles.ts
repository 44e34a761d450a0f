import { articleCounts } from '../../library/index.js';
import { libraryFor } from '../answering.js';
import { joinWithin, LIMITS } from '../limits.js';
import { escapeMarkdown, safeUrl } from '../markdown.js';
import { respond } from '../respond.js';
import { visibleArticles } from '../suggest.js';
import { slashCommand, type Command } from './types.js';

export const articles: Command = {
  data: slashCommand('articles', 'The articles I answer from').toJSON(),
  async execute(interaction, ctx) {
    const library = await libraryFor(interaction, ctx);
    const list = visibleArticles(library, interaction.guildId);
    if (!list.length) {
      await respond(interaction, { content: 'There are no articles in the corpus yet.', ephemeral: true });
      return;
    }
    const counts = articleCounts(library);
    const lines = list.map((a) => {
      const c = counts[library.articleById.get(a.id) ?? -1] ?? { sentences: 0, quotes: 0 };
      const url = safeUrl(a.url)?.replace(/\)/g, '%29');
      const title = escapeMarkdown(a.title || a.id);
      const name = url ? `[${title}](${url})` : `**${title}**`;
      return `• ${name} — ${c.sentences} sentences, ${c.quotes} quotes`;
    });
    await respond(interaction, {
      embeds: [
        {
          title: `${list.length} ${list.length === 1 ? 'article' : 'articles'}`,
          description: joinWithin(
            lines,
            LIMITS.embedDescription,
            (n) => `… and ${n} more (the CLI's \`whosaid articles\` lists them all)`,
          ),
        },
      ],
    });
  },
};
