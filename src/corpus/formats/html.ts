import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawDocument } from './types.js';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, figcaption';

/**
 * HTML: Readability finds the main text, title and byline (it already drops scripts, styles,
 * navigation and most sidebars); each block element of its output becomes a paragraph.
 */
export function parseHtml(html: string): RawDocument[] {
  const { document } = parseHTML(html);
  const meta = (name: string): string | undefined =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  // Readability mutates the document it is given; meta tags are read first for that reason.
  const url = meta('og:url') ?? canonical;
  const date = meta('article:published_time') ?? meta('date');
  const source = meta('og:site_name');
  const docTitle = document.querySelector('title')?.textContent?.trim();
  // Readability's typings expect the DOM lib's Document; linkedom's is compatible at run time.
  const parsed = new Readability(document as never, { charThreshold: 200 }).parse();
  let blocks: string[][];
  if (parsed?.content) {
    blocks = blocksOf(parseHTML(`<html><body>${parsed.content}</body></html>`).document);
  } else {
    for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
    blocks = blocksOf(document);
  }
  if (!blocks.length) throw new Error('no readable text in the page');
  let title = (parsed?.title || docTitle || blocks[0][0]).trim();
  // Page titles often carry the site name ("Story - Site"); the heading the story opens with does not.
  const opening = blocks[0][0];
  if (title !== opening && title.toLowerCase().startsWith(opening.toLowerCase())) title = opening;
  if (opening.toLowerCase() === title.toLowerCase()) blocks = blocks.slice(1);
  if (!blocks.length) throw new Error('no readable text in the page');
  return [{
    title,
    blocks,
    url,
    date,
    source: parsed?.siteName ?? source,
    byline: parsed?.byline ?? meta('author'),
  }];
}

function blocksOf(document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; querySelector(s: string): unknown }> }): string[][] {
  const out: string[][] = [];
  for (const el of Array.from(document.querySelectorAll(BLOCKS))) {
    // A block that holds other blocks is read through its children.
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push([text]);
  }
  return out;
}
