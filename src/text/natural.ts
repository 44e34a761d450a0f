// natural's package entry loads every module it has (storage back ends that pull in dotenv and print
// tips, wordnet, classifiers): a second of start-up and noise on stdout. The few pieces whosaid uses
// are taken from their own files instead.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface NaturalTokenizer {
  tokenize(text: string): string[];
}
export interface NaturalTfIdf {
  addDocument(doc: string[] | string, key?: unknown): void;
  tfidf(terms: string[] | string, d: number): number;
  tfidfs(terms: string[] | string, callback?: (i: number, measure: number) => void): number[];
  idf(term: string): number;
}

export const PorterStemmer: { stem(token: string): string } = require('natural/lib/natural/stemmers/porter_stemmer');
export const RegexpTokenizer: new (options: { pattern: RegExp; gaps?: boolean }) => NaturalTokenizer =
  require('natural/lib/natural/tokenizers/regexp_tokenizer').RegexpTokenizer;
export const TfIdf: new () => NaturalTfIdf = require('natural/lib/natural/tfidf/tfidf');
export const JaroWinklerDistance: (a: string, b: string, options?: { ignoreCase?: boolean }) => number =
  require('natural/lib/natural/distance/jaro-winkler_distance');
export const LevenshteinDistance: (a: string, b: string) => number =
  require('natural/lib/natural/distance/levenshtein_distance').LevenshteinDistance;
export const naturalStopwords: string[] = require('natural/lib/natural/util/stopwords').words;
/** Edit distance counting a swap of two neighbours as one edit ("siad" → "said"). */
export const DamerauLevenshteinDistance: (a: string, b: string, options?: { restricted?: boolean }) => number =
  require('natural/lib/natural/distance/levenshtein_distance').DamerauLevenshteinDistance;
