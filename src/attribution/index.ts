import type { Article, Quote, Sentence, Speaker } from '../types.js';
import { attributeArticle, type AttributeOptions } from './article.js';
import { buildSpeakers } from './speakers.js';

export interface Attribution {
  quotes: Quote[];
  speakers: Speaker[];
}

/**
 * Finds the quotes of every article and who said them (sentences[i] are articles[i]'s sentences);
 * speakers are merged across the corpus. An article that trips the attribution keeps no quotes rather
 * than stopping the build.
 */
export function attribute(
  articles: Article[],
  sentences: Sentence[][],
  onError?: (articleId: string, err: Error) => void,
  options: AttributeOptions = {},
): Attribution {
  const perArticle = articles.map((a, i) => {
    try {
      return attributeArticle(a, sentences[i], options).quotes;
    } catch (err) {
      onError?.(a.id, err as Error);
      return [];
    }
  });
  return buildSpeakers(articles, sentences, perArticle);
}

export type { AttributeOptions, QuoteChoice } from './article.js';
export { RULES } from './rules.js';
