import type { Article, Paragraph } from '../types.js';
import { cleanBlocks, normalizeLine } from './clean.js';
import type { RawDocument } from './formats/types.js';

/** Builds an article from a parsed document: furniture removed, paragraphs located in one text. */
export function toArticle(doc: RawDocument, id: string, file?: string): Article | null {
  const paragraphs = cleanBlocks(doc.blocks, doc.hints);
  if (!paragraphs.length) return null;
  const title = normalizeLine(doc.title) || id;
  // The headline is text too: headlines quote people ("spokesman …: “He did not leave the country”").
  const located: Paragraph[] = [{ index: 0, start: 0, end: title.length, title: true }];
  let text = title;
  paragraphs.forEach((p) => {
    text += '\n\n';
    located.push({ index: located.length, start: text.length, end: text.length + p.length });
    text += p;
  });
  const article: Article = { id, title, text, paragraphs: located };
  if (doc.url) article.url = doc.url;
  if (doc.date) article.date = doc.date;
  if (doc.source) article.source = normalizeLine(doc.source);
  if (doc.byline) article.byline = normalizeLine(doc.byline);
  if (file) article.file = file;
  return article;
}
