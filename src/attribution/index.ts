import type { Article, Quote, Sentence, Speaker } from '../types.js';

export interface Attribution {
  quotes: Quote[];
  speakers: Speaker[];
}

/** Finds the quotes of every article and who said them; speakers are merged across the corpus. */
export function attribute(_articles: Article[], _sentences: Sentence[][]): Attribution {
  return { quotes: [], speakers: [] };
}
