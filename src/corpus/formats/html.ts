import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlBlocks, type DomNode } from './html-blocks.js';
import { pruneFurniture, type PruneElement } from './html-prune.js';
import type { RawDocument } from './types.js';


/**
 * Readability's cost grows much faster than the page: a thousand nested <div>s (11 KB) take it seconds,
 * two thousand a minute. News pages stay far below these bounds; past them the page is read without it.
 */
export const READER_LIMITS = { elements: 20_000, depth: 150 };

/** The smallest DOM surface this file reads; linkedom's elements have it. */
interface Node {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<Node>;
}

/**
 * HTML: Readability finds the main text, title and byline (it already drops scripts, styles,
 * navigation and most sidebars); each block element of its output becomes a paragraph. A page too big
 * or too deeply nested for Readability is read block by block, scripts and styles removed, and `warn`
 * says so.
 */
export function parseHtml(html: string, warn: (reason: string) => void = () => {}): RawDocument[] {
  const { document } = parseHTML(html);
  const meta = (name: string): string | undefined =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  // Readability mutates the document it is given; meta tags are read first for that reason.
  const url = meta('og:url') ?? canonical;
  const date = meta('article:published_time') ?? meta('date');
  const source = meta('og:site_name');
  const docTitle = document.querySelector('title')?.textContent?.trim();
  const shape = measure(document.documentElement as unknown as Node | null);
  const readable = shape.elements <= READER_LIMITS.elements && shape.depth <= READER_LIMITS.depth;
  if (!readable) {
    warn(`page too large for the reader view (${shape.elements} elements, ${shape.depth} deep); read block by block`);
  }
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  let page = document;
  if (readable) {
    try {
      pruneFurniture(document.documentElement as unknown as PruneElement);
      // Readability's typings expect the DOM lib's Document; linkedom's is compatible at run time.
      parsed = new Readability<Node>(document as never, { serializer: (n) => n as unknown as Node }).parse();
    } catch (err) {
      // It trips on some pages under linkedom (a <noscript> or <template> in the body); the page is
      // still readable block by block, from a fresh copy since Readability changed this one.
      warn(`the reader view failed (${(err as Error).message}); read block by block`);
      page = parseHTML(html).document;
    }
  }
  const root = (parsed?.content ?? page.body ?? page.documentElement) as unknown as DomNode | null;
  const read = htmlBlocks(root);
  let blocks = read.map((b) => b.lines);
  let hints = read.map((b) => ({ linkShare: b.linkShare, item: b.tag === 'LI' }));
  if (!blocks.length) throw new Error('no readable text in the page');
  let title = (parsed?.title || docTitle || blocks[0][0]).trim();
  // Page titles often carry the site name ("Story - Site"); the heading the story opens with does not.
  const opening = blocks[0][0];
  if (title !== opening && title.toLowerCase().startsWith(opening.toLowerCase())) title = opening;
  if (opening.toLowerCase() === title.toLowerCase()) {
    blocks = blocks.slice(1);
    hints = hints.slice(1);
  }
  if (!blocks.length) throw new Error('no readable text in the page');
  return [{
    title,
    blocks,
    hints,
    url,
    date,
    source: parsed?.siteName ?? source,
    byline: parsed?.byline ?? meta('author'),
  }];
}

/** Element count and depth, walked without recursion (a hostile page can nest past the stack). */
function measure(root: Node | null): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: Array<[Node, number]> = root ? [[root, 1]] : [];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    // linkedom builds `children` anew on every access: read it once.
    const kids = Array.from(el.children);
    for (const kid of kids) stack.push([kid, d + 1]);
  }
  return { elements, depth };
}
