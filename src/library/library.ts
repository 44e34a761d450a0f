import { attribute } from '../attribution/index.js';
import { buildIndex, type InvertedIndex } from '../search/index.js';
import { indexTerms } from '../text/pipeline.js';
import { splitSentences } from '../text/sentences.js';
import type { Article, Quote, Sentence, Speaker } from '../types.js';

/**
 * The sentences of a library, by position. A built library holds them as an array; a loaded one makes
 * each from its offsets when asked, since creating 300k objects was most of a large snapshot's load.
 */
export interface SentenceTable {
  readonly length: number;
  /** Sentence i (0 ≤ i < length): a new object each call from a loaded library. */
  at(i: number): Sentence | undefined;
}

/** Every sentence of a table, as an array (tests, and saving a loaded library). */
export function allSentences(table: SentenceTable): Sentence[] {
  return Array.from({ length: table.length }, (_, i) => table.at(i)!);
}

/**
 * Everything the answer engine reads, built once from the articles: sentences, quotes, speakers and
 * the two TF-IDF indexes (document n of `sentenceIndex` is `sentences.at(n)`, of `quoteIndex` `quotes[n]`).
 */
export interface Library {
  articles: Article[];
  sentences: SentenceTable;
  quotes: Quote[];
  speakers: Speaker[];
  sentenceIndex: InvertedIndex;
  quoteIndex: InvertedIndex;
  /** Position in `articles` of each sentence's and each quote's article. */
  sentenceArticle: Uint32Array;
  quoteArticle: Uint32Array;
  articleById: Map<string, number>;
  speakerById: Map<string, Speaker>;
  /** Positions in `quotes` of each speaker's quotes, in corpus order. */
  speakerQuotes: Map<string, number[]>;
  /** Positions in `quotes` of each article's quotes, in order. */
  articleQuotes: Map<string, number[]>;
}

export interface BuildOptions {
  /** Called between stages, for progress output on long builds. */
  onStage?: (stage: string) => void;
  /** An article whose quotes could not be read: it stays searchable, with no quotes. */
  onArticleError?: (articleId: string, error: Error) => void;
}

export function buildLibrary(articles: Article[], options: BuildOptions = {}): Library {
  const stage = options.onStage ?? (() => {});
  stage('sentences');
  const perArticle = articles.map((a) => splitSentences(a));
  stage('quotes');
  const { quotes, speakers } = attribute(articles, perArticle, options.onArticleError);
  stage('index');
  const sentences = perArticle.flat();
  // One passage's terms at a time: a list of them all would be garbage held until the end.
  const sentenceIndex = buildIndex(termsOf(sentences));
  // A little length normalisation: a short quote that is all topic beats a long one that mentions it once.
  const quoteIndex = buildIndex(termsOf(quotes), { lengthNormalization: 0.3 });
  return assemble(articles, sentences, quotes, speakers, sentenceIndex, quoteIndex);
}

function* termsOf(passages: Array<{ text: string }>): Generator<string[]> {
  for (const p of passages) yield indexTerms(p.text);
}

/** Ties the parts together with their lookups (also used when a library is loaded from a snapshot). */
export function assemble(
  articles: Article[],
  sentences: SentenceTable,
  quotes: Quote[],
  speakers: Speaker[],
  sentenceIndex: InvertedIndex,
  quoteIndex: InvertedIndex,
  known: { sentenceArticle?: Uint32Array } = {},
): Library {
  const articleById = new Map(articles.map((a, i) => [a.id, i]));
  // A snapshot knows each sentence's article already; a lookup per sentence is a cost at that scale.
  const sentenceArticle =
    known.sentenceArticle ??
    Uint32Array.from({ length: sentences.length }, (_, i) => articleById.get(sentences.at(i)!.articleId) ?? 0);
  const quoteArticle = Uint32Array.from(quotes, (q) => articleById.get(q.articleId) ?? 0);
  const speakerQuotes = new Map<string, number[]>();
  const articleQuotes = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    const inArticle = articleQuotes.get(q.articleId);
    if (inArticle) inArticle.push(i);
    else articleQuotes.set(q.articleId, [i]);
    if (!q.speakerId) return;
    const list = speakerQuotes.get(q.speakerId);
    if (list) list.push(i);
    else speakerQuotes.set(q.speakerId, [i]);
  });
  return {
    articles,
    sentences,
    quotes,
    speakers,
    sentenceIndex,
    quoteIndex,
    sentenceArticle,
    quoteArticle,
    articleById,
    speakerById: new Map(speakers.map((s) => [s.id, s])),
    speakerQuotes,
    articleQuotes,
  };
}

/** How many sentences and quotes each article has, by its index in `library.articles`. */
export function articleCounts(library: Library): Array<{ sentences: number; quotes: number }> {
  const counts = library.articles.map(() => ({ sentences: 0, quotes: 0 }));
  for (const i of library.sentenceArticle) counts[i].sentences++;
  for (const i of library.quoteArticle) counts[i].quotes++;
  return counts;
}
