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
// Each cached set costs about 1.6 kB: 2 caches of 20,000 hold some 65 MB at most, whatever the corpus.
const MAX_CACHED = 20_000;
const articleCache = new WeakMap<Library, Map<number, Set<string>>>();
const MAX_ARTICLES = 200;

function cached(
  store: WeakMap<Library, Map<number, Set<string>>>,
  library: Library,
  key: number,
  make: () => Set<string>,
  most = MAX_CACHED,
): Set<string> {
  let perLibrary = store.get(library);
  if (!perLibrary) store.set(library, (perLibrary = new Map()));
  let terms = perLibrary.get(key);
  if (terms) return terms;
  terms = make();
  if (perLibrary.size > most) perLibrary.clear();
  perLibrary.set(key, terms);
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
  return cached(
    articleCache,
    library,
    article,
    () => new Set(queryTerms(library.articles[article].text)),
    MAX_ARTICLES,
  );
}

const storyPlaces = new WeakMap<Library, Map<string, Set<number>>>();
const MAX_TERMS = 5000;
const paragraphsOf = new WeakMap<Library, Uint32Array>();

/** Each sentence's paragraph, read once per library (a loaded library makes a sentence per `at`). */
function sentenceParagraphs(library: Library): Uint32Array {
  let paragraphs = paragraphsOf.get(library);
  if (paragraphs) return paragraphs;
  paragraphs = new Uint32Array(library.sentences.length);
  for (let i = 0; i < paragraphs.length; i++) paragraphs[i] = library.sentences.at(i)!.paragraph;
  paragraphsOf.set(library, paragraphs);
  return paragraphs;
}

/** Paragraphs an article may have, for one number per (article, paragraph). */
const PARAGRAPH_SLOTS = 1 << 16;

/**
 * Whether a term the quote lacks is in its story: its paragraph, the one before or the title. Read from
 * the sentence index's postings of the term, not from the text: a speaker quoted in thousands of
 * articles costs the term's postings, not a tokenizer pass over every paragraph. For terms the quote
 * holds, ask the quote index.
 */
export function inStory(library: Library, doc: number, term: string): boolean {
  let perLibrary = storyPlaces.get(library);
  if (!perLibrary) storyPlaces.set(library, (perLibrary = new Map()));
  let places = perLibrary.get(term);
  if (!places) {
    places = new Set();
    const paragraphs = sentenceParagraphs(library);
    for (const s of library.sentenceIndex.docsWith([term])) {
      places.add(library.sentenceArticle[s] * PARAGRAPH_SLOTS + Math.min(paragraphs[s], PARAGRAPH_SLOTS - 1));
    }
    if (perLibrary.size > MAX_TERMS) perLibrary.clear();
    perLibrary.set(term, places);
  }
  const article = library.quoteArticle[doc];
  const at = library.quotes[doc].paragraph;
  const base = article * PARAGRAPH_SLOTS;
  if (places.has(base + Math.min(at, PARAGRAPH_SLOTS - 1))) return true;
  if (at > 0 && places.has(base + Math.min(at - 1, PARAGRAPH_SLOTS - 1))) return true;
  return Boolean(library.articles[article].paragraphs[0]?.title) && places.has(base);
}

/** Credit of a term found in a field around a quote (weight), or of a related word found there (weight × relation). */
export function fieldCredit(terms: Set<string>, t: string, related: readonly RelatedTerm[], weight: number): number {
  if (terms.has(t)) return weight;
  let best = 0;
  for (const r of related) if (terms.has(r.term)) best = Math.max(best, weight * RELATION_WEIGHT[r.relation]);
  return best;
}
