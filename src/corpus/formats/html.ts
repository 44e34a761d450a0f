import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlBlocks, type DomNode, type HtmlBlock } from './html-blocks.js';
import { pruneFurniture, type PruneElement } from './html-prune.js';
import { chooseTitle, type TitleSources } from './html-title.js';
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
 * HTML: page furniture is pruned from the DOM (html-prune.ts), Readability finds the article's element
 * among what is left, and its blocks are read with their share of link text (html-blocks.ts) for the
 * cleaning to judge. The title comes from the page's own metadata (html-title.ts). A page too big or too
 * deeply nested for Readability is read block by block, and `warn` says so.
 */
export function parseHtml(html: string, warn: (reason: string) => void = () => {}): RawDocument[] {
  const { document } = parseHTML(html);
  const meta = (name: string): string | undefined => {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    return el?.getAttribute('content')?.trim() || undefined;
  };
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  // Pruning and Readability change the document: what is read from it comes first.
  const url = meta('og:url') ?? canonical;
  const date = meta('article:published_time') ?? meta('date');
  const source = meta('og:site_name');
  const titles: TitleSources = {
    ogTitle: meta('og:title') ?? meta('twitter:title'),
    headings: Array.from(document.querySelectorAll('h1'), (h) => h.textContent ?? '').slice(0, 20),
    docTitle: document.querySelector('title')?.textContent ?? undefined,
    siteNames: [source, meta('application-name'), ...hostNames(url)].filter((n): n is string => !!n),
  };
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
      // Readability's typings expect the DOM lib's Document; linkedom's is compatible at run time. Its
      // default threshold: at 200 characters it settles for a print footer or a table of addresses.
      parsed = new Readability<Node>(document as never, { serializer: (n) => n as unknown as Node }).parse();
    } catch (err) {
      // It has tripped on pages under linkedom (a <noscript> or <template> in the body, now pruned first);
      // the page is still readable block by block, from a fresh copy since this one was changed.
      warn(`the reader view failed (${(err as Error).message}); read block by block`);
      page = parseHTML(html).document;
    }
  }
  const root = (parsed?.content ?? page.body ?? page.documentElement) as unknown as DomNode | null;
  let read = joinDropCaps(htmlBlocks(root));
  if (!read.length) throw new Error('no readable text in the page');
  const chosen = chooseTitle({ ...titles, readerTitle: parsed?.title ?? undefined });
  const title = chosen.title ?? parsed?.title?.trim() ?? read[0].lines[0];
  // The headline where the text opens (Readability keeps it): it is the title, not a paragraph.
  const headline = new Set([title, ...chosen.candidates].map(squash));
  const at = read.slice(0, 3).findIndex((b) => headline.has(squash(b.lines.join(' '))));
  if (at >= 0) read = [...read.slice(0, at), ...read.slice(at + 1)];
  if (!read.length) throw new Error('no readable text in the page');
  return [
    {
      title,
      blocks: read.map((b) => b.lines),
      hints: read.map((b) => ({ linkShare: b.linkShare, item: b.tag === 'LI' })),
      url,
      date,
      source: parsed?.siteName ?? source,
      byline: parsed?.byline ?? meta('author'),
    },
  ];
}

// "T" and "he president said…": a drop cap set in its own element, joined back to its word.
function joinDropCaps(blocks: HtmlBlock[]): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (next && b.lines.length === 1 && /^\p{Lu}{1,2}$/u.test(b.lines[0]) && /^\p{Ll}/u.test(next.lines[0])) {
      out.push({ ...next, lines: [b.lines[0] + next.lines[0], ...next.lines.slice(1)] });
      i++;
    } else {
      out.push(b);
    }
  }
  return out;
}

/** The URL's host as a site name: "www.sportsnet.ca" gives "sportsnet.ca" and "sportsnet". */
function hostNames(url: string | undefined): string[] {
  try {
    const host = new URL(url ?? '').hostname.replace(/^www\./, '');
    const labels = host.split('.');
    const main = labels.length >= 2 ? labels[labels.length - 2] : host;
    return main.length >= 4 ? [host, main] : [host];
  } catch {
    return [];
  }
}

function squash(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('');
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
