// "Who is quoted?", "Which articles do you have?": the corpus at a glance, as a message (no quote
// items), for people who start by asking what there is before asking who said what.
import type { Library } from '../library/index.js';
import { queryTerms } from '../text/pipeline.js';
import type { Answer, Article, Speaker } from '../types.js';
import { plural } from './scope.js';

/** Lines listed before "and N more". */
const LISTED = 10;

export interface OverviewScope {
  speakers: Speaker[];
  quote: (doc: number) => boolean;
  article: (index: number) => boolean;
}

/** The people quoted, most quoted first: in every article the asker may see, or in the one named. */
export function speakersOverview(
  library: Library,
  question: string,
  scope: OverviewScope,
  articleWords?: string,
): Answer {
  let docs: number[];
  let where: string;
  if (articleWords) {
    const article = bestArticle(library, articleWords, scope);
    if (!article)
      return reply(
        question,
        `No article's title matches "${articleWords}". Ask "Which articles do you have?" to see them.`,
      );
    docs = library.articleQuotes.get(article.id) ?? [];
    where = `“${article.title}”`;
  } else {
    docs = library.quotes.map((_, i) => i).filter(scope.quote);
    const articles = library.articles.filter((_, i) => scope.article(i)).length;
    where = plural(articles, 'article');
  }
  const counts = new Map<string, number>();
  for (const d of docs) {
    const id = library.quotes[d].speakerId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ranked = [...counts]
    .map(([id, n]) => ({ speaker: library.speakerById.get(id)!, n }))
    .filter((r) => r.speaker && r.speaker.kind !== 'anonymous')
    .sort((a, b) => b.n - a.n || a.speaker.name.localeCompare(b.speaker.name));
  if (!ranked.length) return reply(question, `No one is quoted by name in ${where}.`);
  const lines = ranked
    .slice(0, LISTED)
    .map(
      ({ speaker, n }) =>
        `• ${speaker.name} — ${plural(n, 'quote')}${speaker.descriptions[0] ? ` (${speaker.descriptions[0]})` : ''}`,
    );
  if (ranked.length > LISTED) lines.push(`… and ${plural(ranked.length - LISTED, 'other')}.`);
  const someone = ranked[0].speaker.name.split(' ').at(-1);
  return reply(
    question,
    [`Quoted in ${where}, most quoted first:`, ...lines, `Ask "What did ${someone} say?" for someone's quotes.`].join(
      '\n',
    ),
    ranked.slice(0, 5).map((r) => r.speaker.name),
  );
}

/** The articles the asker may see, with how many quotes each holds. */
export function articlesOverview(library: Library, question: string, scope: OverviewScope): Answer {
  const shown = library.articles.map((a, i) => ({ a, i })).filter(({ i }) => scope.article(i));
  if (!shown.length) return reply(question, 'There are no articles to search yet.');
  const quotes = new Map<string, number>();
  library.quotes.forEach((q, d) => {
    if (scope.quote(d)) quotes.set(q.articleId, (quotes.get(q.articleId) ?? 0) + 1);
  });
  const total = [...quotes.values()].reduce((a, b) => a + b, 0);
  const lines = shown.slice(0, LISTED).map(({ a }) => `• ${a.title} — ${plural(quotes.get(a.id) ?? 0, 'quote')}`);
  if (shown.length > LISTED) lines.push(`… and ${plural(shown.length - LISTED, 'more article')}.`);
  return reply(
    question,
    [`${plural(shown.length, 'article')}, ${plural(total, 'quote')} in all:`, ...lines].join('\n'),
  );
}

/** The visible article whose title holds most of the words (their stems), if any holds one. */
function bestArticle(library: Library, words: string, scope: OverviewScope): Article | null {
  const wanted = new Set(queryTerms(words));
  let best: Article | null = null;
  let bestHits = 0;
  library.articles.forEach((a, i) => {
    if (!scope.article(i)) return;
    const hits = new Set(queryTerms(a.title).filter((t) => wanted.has(t))).size;
    if (hits > bestHits) {
      best = a;
      bestHits = hits;
    }
  });
  return best;
}

function reply(question: string, message: string, suggestions: string[] = []): Answer {
  return { question, intent: 'help', answers: [], message, suggestions };
}
