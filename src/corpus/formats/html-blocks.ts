// The article's element tree read as blocks of lines, each with what the text-only cleaning cannot see:
// which of its words are links, and what kind of element holds it.

/** The DOM surface read here; linkedom's nodes have it. */
export interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface HtmlBlock {
  /** The block's lines (a <br> starts a new one), spaces not yet normalised. */
  lines: string[];
  tag: string;
  /** Share of the block's letters and digits inside links: 1 for a teaser headline, near 0 for prose. */
  linkShare: number;
  /** An <h1>…<h6>. */
  heading: boolean;
}

const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'TH',
  'DD',
  'DT',
  'FIGCAPTION',
  'DIV',
  'SECTION',
  'ARTICLE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TR',
  'FIGURE',
  'HEADER',
  'MAIN',
  'CENTER',
  'ADDRESS',
]);
/** Elements whose text is never read (code, styles, fallbacks); the pruning's sizes leave them out too. */
export const HIDDEN_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
export const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Blocks in document order. Text belongs to its nearest block ancestor; a block that holds other blocks
 * gives its own loose text as blocks between theirs, so nothing is read twice or lost. One walk
 * without recursion: pages nest deeper than the stack allows.
 */
export function htmlBlocks(root: DomNode | null): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let current: Builder | null = null;
  const flush = () => {
    if (current) {
      const block = current.finish();
      if (block) out.push(block);
    }
    current = null;
  };
  // Each entry: a node to visit, or the end of a block element (flush what it holds).
  type Step = { node: DomNode; inLink: boolean; tag: string } | { end: true };
  const stack: Step[] = root ? [{ node: root, inLink: false, tag: 'BODY' }] : [];
  while (stack.length) {
    const step = stack.pop()!;
    if ('end' in step) {
      flush();
      continue;
    }
    const { node, inLink } = step;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      if (!text.trim() && !current) continue;
      current ??= new Builder(step.tag);
      current.add(text, inLink);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node.tagName ?? '').toUpperCase();
    if (HIDDEN_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      current?.newLine();
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      stack.push({ end: true });
    }
    const kids = Array.from(node.childNodes);
    const childTag = isBlock ? tag : step.tag;
    const linked = inLink || tag === 'A';
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], inLink: linked, tag: childTag });
  }
  flush();
  return out;
}

class Builder {
  private lines: string[] = [''];
  private chars = 0;
  private linkChars = 0;

  constructor(private readonly tag: string) {}

  add(text: string, inLink: boolean): void {
    this.lines[this.lines.length - 1] += text;
    const n = countWordChars(text);
    this.chars += n;
    if (inLink) this.linkChars += n;
  }

  newLine(): void {
    if (this.lines[this.lines.length - 1].trim()) this.lines.push('');
  }

  finish(): HtmlBlock | null {
    const lines = this.lines.map((l) => l.trim()).filter(Boolean);
    if (!lines.length) return null;
    return {
      lines,
      tag: this.tag,
      linkShare: this.chars ? this.linkChars / this.chars : 0,
      heading: /^H[1-6]$/.test(this.tag),
    };
  }
}

function countWordChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}
