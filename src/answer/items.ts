import type { Library } from '../library/index.js';
import type { AnswerItem, Quote, Sentence, Speaker } from '../types.js';

/** An answer line for a quote: the quote, its sentence, speaker with description, article. */
export function quoteItem(library: Library, quoteIndex: number, score: number): AnswerItem {
  const q: Quote = library.quotes[quoteIndex];
  const article = library.articles[library.quoteArticle[quoteIndex]];
  const speaker = q.speakerId ? library.speakerById.get(q.speakerId) : undefined;
  return {
    speaker: q.speaker,
    speakerId: q.speakerId,
    speakerDescription: descriptionOf(speaker),
    quote: q.text,
    sentence: q.sentence,
    article: articleRef(article),
    score: round(score),
    confidence: q.speaker ? round(q.confidence) : null,
    quoteId: q.id,
    kind: q.kind,
    paragraph: q.paragraph,
  };
}

/** What the articles call a speaker, unless that is only their name again ("some analysts"). */
function descriptionOf(speaker: Speaker | undefined): string | null {
  const own = speaker?.name.toLowerCase();
  return speaker?.descriptions.find((d) => d.toLowerCase() !== own) ?? null;
}

/** An answer line for a passage; when it lies inside an attributed quote, that quote's speaker. */
export function passageItem(library: Library, sentenceIndex: number, score: number): AnswerItem {
  const s: Sentence = library.sentences.at(sentenceIndex)!;
  const article = library.articles[library.sentenceArticle[sentenceIndex]];
  const quote = quoteAt(library, s);
  const speaker = quote?.speakerId ? library.speakerById.get(quote.speakerId) : undefined;
  return {
    speaker: quote?.speaker ?? null,
    speakerId: quote?.speakerId ?? null,
    speakerDescription: descriptionOf(speaker),
    quote: s.text,
    sentence: s.text,
    article: articleRef(article),
    score: round(score),
    confidence: quote ? round(quote.confidence) : null,
    quoteId: quote?.id ?? null,
    kind: 'passage',
    paragraph: s.paragraph,
  };
}

function articleRef(article: { id: string; title: string; url?: string }): AnswerItem['article'] {
  return article.url
    ? { id: article.id, title: article.title, url: article.url }
    : { id: article.id, title: article.title };
}

/** The attributed quote that covers most of a sentence, if any. */
function quoteAt(library: Library, s: Sentence): Quote | undefined {
  let best: Quote | undefined;
  let bestOverlap = 0;
  for (const doc of library.articleQuotes.get(s.articleId) ?? []) {
    const q = library.quotes[doc];
    if (!q.speaker) continue;
    const overlap = Math.min(q.end, s.end) - Math.max(q.start, s.start);
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return best && bestOverlap >= 0.5 * (s.end - s.start) ? best : undefined;
}

/** The paragraph an answer came from, for "Context". */
export function paragraphOf(library: Library, articleId: string, paragraph: number): string | null {
  const i = library.articleById.get(articleId);
  if (i === undefined) return null;
  const a = library.articles[i];
  const p = a.paragraphs[paragraph];
  return p ? a.text.slice(p.start, p.end) : null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
