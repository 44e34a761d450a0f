// Autocomplete: speakers and articles ranked for what has been typed so far. Unlike the engine's
// speaker resolution (whole names, near spellings), this must work on "naz" and "borel" alike.
import type { Library } from '../library/index.js';
import { nameWords } from '../question/index.js';
import { JaroWinklerDistance } from '../text/natural.js';
import type { Article, Speaker } from '../types.js';
import { cut, LIMITS } from './limits.js';

export interface Choice {
  name: string;
  value: string;
}

/** Articles a server may see: the shared corpus and its own uploads. */
export function visibleArticles(library: Library, guildId: string | null): Article[] {
  return library.articles.filter((a) => a.guildId === undefined || a.guildId === guildId);
}

// The engine keeps the speakers a server may see, computed once per library and server.
export { visibleSpeakers } from '../answer/index.js';

/**
 * How well `typed` fits `name`, 0 (not at all) to 1: the whole name, the start of it, the start of
 * one of its words, a piece inside it, or (for typos) a close spelling of one of its words.
 */
export function matchScore(typed: string, name: string): number {
  const q = nameWords(typed);
  if (!q.length) return 0;
  const words = nameWords(name);
  const query = q.join(' ');
  const full = words.join(' ');
  if (full === query) return 1;
  if (full.startsWith(query)) return 0.9;
  // Every typed word must start a word of the name ("jos bor" → "Josep Borrell").
  if (q.every((w) => words.some((n) => n.startsWith(w)))) return 0.8;
  if (full.includes(query)) return 0.6;
  // Near spellings only for words long enough to have neighbours that are not other names.
  if (q.some((w) => w.length < 3)) return 0;
  let fuzzy = 1;
  for (const w of q) {
    // Against the whole word ("borel" → "borrell") and against its start, for a word half typed ("nazr").
    const best = Math.max(
      0,
      ...words.map((n) => Math.max(JaroWinklerDistance(w, n), JaroWinklerDistance(w, n.slice(0, w.length)))),
    );
    fuzzy = Math.min(fuzzy, best);
  }
  return fuzzy >= 0.85 ? 0.5 * fuzzy : 0;
}

/** Up to 25 speakers for `typed` (name or alias), best first; the most quoted when nothing is typed. */
export function speakerChoices(speakers: Speaker[], typed: string): Choice[] {
  const ranked = speakers
    .map((s) => ({ s, score: typed.trim() ? Math.max(...[s.name, ...s.aliases].map((n) => matchScore(typed, n))) : 1 }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.s.quoteCount - a.s.quoteCount || a.s.name.localeCompare(b.s.name));
  return ranked.slice(0, LIMITS.choices).map(({ s }) => ({
    name: cut(s.descriptions[0] ? `${s.name} — ${s.descriptions[0]}` : s.name, LIMITS.choiceName),
    // The value is typed back into a question, so it is the name itself, not an internal id.
    value: cut(s.name, LIMITS.choiceValue),
  }));
}

/** Up to 25 articles whose title or id fits `typed`; the value is the id (or "#n" past 100 chars). */
export function articleChoices(articles: Article[], library: Library, typed: string): Choice[] {
  const ranked = articles
    .map((a) => ({ a, score: typed.trim() ? Math.max(matchScore(typed, a.title), matchScore(typed, a.id)) : 1 }))
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || x.a.title.localeCompare(y.a.title));
  return ranked
    .slice(0, LIMITS.choices)
    .map(({ a }) => ({ name: cut(a.title || a.id, LIMITS.choiceName), value: articleValue(a, library) }));
}

function articleValue(a: Article, library: Library): string {
  return a.id.length <= LIMITS.choiceValue ? a.id : `#${library.articleById.get(a.id)}`;
}

/** The article a /speakers argument names: a chosen value, an exact id, else the best title match. */
export function findArticle(articles: Article[], library: Library, typed: string): Article | null {
  const text = typed.trim();
  if (!text) return null;
  const byIndex = /^#(\d+)$/.exec(text);
  if (byIndex) {
    const a = library.articles[Number(byIndex[1])];
    return a && articles.includes(a) ? a : null;
  }
  const exact = articles.find((a) => a.id === text);
  if (exact) return exact;
  const best = articles
    .map((a) => ({ a, score: Math.max(matchScore(text, a.title), matchScore(text, a.id)) }))
    .filter((r) => r.score >= 0.6)
    .sort((x, y) => y.score - x.score)[0];
  return best?.a ?? null;
}
