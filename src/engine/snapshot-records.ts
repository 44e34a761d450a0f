// Quotes in a snapshot: a quote repeats text its article holds (the quoted words, the sentence, the
// source and cue spans), so only the text that differs from its offsets' slice is written.
import type { Article, Quote, Span } from '../types.js';
import type { Library } from './library.js';

type PackedSpan = Omit<Span, 'text'> & { text?: string };

export type PackedQuote = Omit<Quote, 'articleId' | 'text' | 'sentence' | 'source' | 'cue'> & {
  /** Position of the article in the library; `articleId` instead when it is not there. */
  a?: number;
  articleId?: string;
  text?: string;
  sentence?: string;
  source: PackedSpan | null;
  cue: PackedSpan | null;
};

export function packQuote(library: Library, q: Quote): PackedQuote {
  const a = library.articleById.get(q.articleId);
  const text = a === undefined ? null : library.articles[a].text;
  const { articleId, text: quoteText, sentence, source, cue, ...rest } = q;
  const out: PackedQuote = { ...rest, source: packSpan(text, source), cue: packSpan(text, cue) };
  if (a === undefined) out.articleId = articleId;
  else out.a = a;
  if (text === null || text.slice(q.start, q.end) !== quoteText) out.text = quoteText;
  if (text === null || text.slice(q.sentenceStart, q.sentenceEnd) !== sentence) out.sentence = sentence;
  return out;
}

function packSpan(text: string | null, span: Span | null): PackedSpan | null {
  if (!span || text === null || text.slice(span.start, span.end) !== span.text) return span;
  const { text: _text, ...rest } = span;
  return rest;
}

export function unpackQuote(articles: Article[], p: PackedQuote): Quote {
  const { a, articleId, text, sentence, source, cue, ...rest } = p;
  const article = a === undefined ? undefined : articles[a];
  if (a !== undefined && !article) throw new Error(`quote ${p.id} names article ${a} of ${articles.length}`);
  const whole = article?.text ?? '';
  const span = (s: PackedSpan | null): Span | null => (s ? { ...s, text: s.text ?? whole.slice(s.start, s.end) } : s);
  return {
    ...rest,
    articleId: articleId ?? article!.id,
    text: text ?? whole.slice(p.start, p.end),
    sentence: sentence ?? whole.slice(p.sentenceStart, p.sentenceEnd),
    source: span(source),
    cue: span(cue),
  } as Quote;
}
