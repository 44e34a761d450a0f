import type { Library } from '../../library/index.js';
import type { Speaker } from '../../types.js';
import { libraryFor } from '../answering.js';
import { cut, joinWithin, LIMITS } from '../limits.js';
import { escapeMarkdown } from '../markdown.js';
import { respond } from '../respond.js';
import { articleChoices, findArticle, visibleArticles, visibleSpeakers } from '../suggest.js';
import { slashCommand, type Command } from './types.js';

export const speakers: Command = {
  data: slashCommand('speakers', 'Who is quoted, in the whole corpus or in one article')
    .addStringOption((o) =>
      o
        .setName('article')
        .setDescription('Only this article (start typing its title)')
        .setMinLength(1)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    const library = await libraryFor(interaction, ctx);
    const typed = interaction.options.getString('article');
    const article = typed ? findArticle(visibleArticles(library, interaction.guildId), library, typed) : null;
    if (typed && !article) {
      await respond(interaction, {
        content: `No article matches “${escapeMarkdown(cut(typed, 100))}”. /articles lists them.`,
        ephemeral: true,
      });
      return;
    }
    const counted = visibleSpeakers(library, interaction.guildId)
      .filter((s) => !article || s.articles.includes(article.id))
      .map((s) => ({ s, n: article ? quotesIn(library, s, article.id) : s.quoteCount }))
      .sort((a, b) => b.n - a.n || a.s.name.localeCompare(b.s.name));
    if (!counted.length) {
      await respond(interaction, {
        content: article ? 'No one is quoted in that article yet.' : 'No one is quoted in the corpus yet.',
        ephemeral: true,
      });
      return;
    }
    const lines = counted.map(({ s, n }) => {
      const description = s.descriptions[0] ? ` — ${escapeMarkdown(cut(s.descriptions[0], 150))}` : '';
      return `**${escapeMarkdown(cut(s.name, 100))}**${description} · ${n} ${n === 1 ? 'quote' : 'quotes'}`;
    });
    const title = article
      ? `Speakers in “${escapeMarkdown(article.title || article.id)}”`
      : 'Speakers quoted in the corpus';
    await respond(interaction, {
      embeds: [
        {
          title,
          description: joinWithin(lines, LIMITS.embedDescription),
          footer: {
            text: `${counted.length} ${counted.length === 1 ? 'speaker' : 'speakers'} · /quotes shows what each said`,
          },
        },
      ],
    });
  },
  async autocomplete(interaction, ctx) {
    const library = ctx.library.forGuild(interaction.guildId);
    const choices = library
      ? articleChoices(visibleArticles(library, interaction.guildId), library, interaction.options.getFocused())
      : [];
    await respond(interaction, { choices });
  },
};

function quotesIn(library: Library, speaker: Speaker, articleId: string): number {
  const at = library.articleById.get(articleId);
  return (library.speakerQuotes.get(speaker.id) ?? []).filter((q) => library.quoteArticle[q] === at).length;
}
