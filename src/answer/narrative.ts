// The words around a quote, in two fields weaker than the quote's own words: its sentence without the
// quoted words (a partial quote — "slammed the hearings as a “disgrace”" — or a cue — "told the
// teachers" — holds there what a question asks about), and its paragraph with the one before it and the
// title: who is being talked about, what the story is ("Cook said" of a quote about Steve Jobs's stage).
import type { Library } from '../library/index.js';
import type { RelatedTerm } from '../question/expand.js';
import { queryTerms } from '../text/pipeline.js';
import { RELATION_WEIGHT } from './weights.js';

const sentenceCache = new WeakMap<Library, Map<number, Set<string>>>();
const storyCache = new WeakMap<Library, Map<number, Set<string>>>();
const contextCache = new WeakMap<Library, Map<number, Set<string>>>();
// Each cached set costs about 1.6 kB: 3 caches of 20,000 hold some 100 MB at most, whatever the corpus.
const MAX_CACHED = 20_000;
const articleCache = new WeakMap<Library, Map<number, Set<string>>>();
const MAX_ARTICLES = 200;

function cached(
  store: WeakMap<Library, Map<number, Set<string>>>,
  library: Library,
  doc: number,
  make: () => Set<string>,
): Set<string> {
  let perLibrary = store.get(library);
  if (!perLibrary) store.set(library, (perLibrary = new Map()));
  let terms = perLibrary.get(doc);
  if (terms) return terms;
  terms = make();
  if (perLibrary.size > MAX_CACHED) perLibrary.clear();
  perLibrary.set(doc, terms);
  return terms;
}

/**
 * Terms of the quote's sentence outside the quote itself, computed once per quote. Other marked words
 * of the sentence stay: a term the speaker is said to have used ("the term “three amigos”") frames it.
 */
export function narrativeTerms(library: Library, doc: number): Set<string> {
  return cached(sentenceCache, library, doc, () => {
    const q = library.quotes[doc];
    return new Set(queryTerms(q.sentence.split(q.text).join(' ')));
  });
}

/** Terms of the quote's paragraph and the paragraph before it, the quote's own words left out. */
export function storyTerms(library: Library, doc: number): Set<string> {
  return cached(storyCache, library, doc, () => {
    const q = library.quotes[doc];
    const article = library.articles[library.quoteArticle[doc]];
    const paragraphs = article.paragraphs;
    const at = paragraphs.findIndex((p) => p.start <= q.start && q.start < p.end);
    if (at < 0) return narrativeTerms(library, doc);
    const from = paragraphs[Math.max(0, at - 1)].start;
    return new Set(queryTerms(`${article.text.slice(from, q.start)} ${article.text.slice(q.end, paragraphs[at].end)}`));
  });
}

/** Terms of the whole article the quote is in. */
export function articleTerms(library: Library, doc: number): Set<string> {
  const article = library.quoteArticle[doc];
  let terms = articleCache.get(library)?.get(article);
  if (terms) return terms;
  terms = new Set(queryTerms(library.articles[article].text));
  let perLibrary = articleCache.get(library);
  if (!perLibrary) articleCache.set(library, (perLibrary = new Map()));
  if (perLibrary.size > MAX_ARTICLES) perLibrary.clear();
  perLibrary.set(article, terms);
  return terms;
}

/** The story's terms and the title's: what the article is about. */
export function contextTerms(library: Library, doc: number): Set<string> {
  return cached(contextCache, library, doc, () => {
    const article = library.articles[library.quoteArticle[doc]];
    const title = article.paragraphs[0]?.title ? article.text.slice(0, article.paragraphs[0].end) : '';
    return new Set([...storyTerms(library, doc), ...queryTerms(title)]);
  });
}

/** Credit of a term found in a field around a quote (weight), or of a related word found there (weight × relation). */
export function fieldCredit(terms: Set<string>, t: string, related: readonly RelatedTerm[], weight: number): number {
  if (terms.has(t)) return weight;
  let best = 0;
  for (const r of related) if (terms.has(r.term)) best = Math.max(best, weight * RELATION_WEIGHT[r.relation]);
  return best;
}
