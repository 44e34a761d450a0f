// Page furniture removed from the DOM before the reader view picks the article: the way trafilatura and
// jusText prune a page, by what an element is (a caption, a share bar, a hidden block) rather than by any
// one site's markup. Readability keeps what sits inside the article's container — photo captions,
// credits, bylines, "related" boxes, newsletter sign-ups, hover cards — and its own class filter spares
// any element whose class also says "content" or "article" ("related-content"), so these go first.
import { HIDDEN_TAGS, TEXT_NODE } from './html-blocks.js';

/** The DOM surface read here; linkedom's elements have it. */
export interface PruneElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<PruneElement>;
  parentElement: PruneElement | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  getAttribute(name: string): string | null;
  remove(): void;
}

// Never article text, wherever they are. An <iframe>'s text is the fallback markup of an embed.
const DROPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'FIGCAPTION',
  'NAV',
  'ASIDE',
  'FOOTER',
  'DIALOG',
  'MENU',
  'OBJECT',
  'EMBED',
]);

const DROPPED_ROLES = /^(navigation|complementary|contentinfo|banner|dialog|menu|menubar|toolbar|search|tooltip)$/i;

// Words of a class or id that name furniture, matched whole between -, _, spaces and case changes.
// Chosen from what news pages mark their furniture with, the same kinds trafilatura discards.
const FURNITURE_WORD = new RegExp(
  `^(${[
    'captions?',
    'credits?',
    'byline',
    'bylines',
    'dateline',
    'timestamps?',
    'published',
    'pubdate',
    'dates?',
    'authors?',
    'bio',
    'avatar',
    'share',
    'shares',
    'sharing',
    'sharebar',
    'sharetools',
    'social',
    'socials',
    'related',
    'recirc',
    'recirculation',
    'recommended',
    'recommendations',
    'trending',
    'popular',
    'mostread',
    'newsletters?',
    'subscribe',
    'subscription',
    'signup',
    'paywall',
    'promo',
    'promos',
    'promotion',
    'advert',
    'adverts',
    'advertisement',
    'advertising',
    'ads?',
    'adslot',
    'adunit',
    'sponsor',
    'sponsored',
    'outbrain',
    'taboola',
    'dfp',
    'gpt',
    'breadcrumbs?',
    'tags',
    'taglist',
    'comments?',
    'disqus',
    'pagination',
    'pager',
    'nav',
    'navbar',
    'navigation',
    'menu',
    'sidebar',
    'toolbar',
    'tooltip',
    'popover',
    'rollover',
    'hovercard',
    'modal',
    'overlay',
    'popup',
    'cookie',
    'cookies',
    'gdpr',
    'consent',
    'noprint',
  ].join('|')})$`,
  'i',
);

// Compounds whose words alone say nothing ("read", "more", "screen").
const FURNITURE_COMPOUND = new RegExp(
  `(^|[\\s_-])(${[
    'read-more',
    'see-also',
    'more-stories',
    'more-news',
    'most-read',
    'most-popular',
    'also-read',
    'up-next',
    'next-up',
    'author-info',
    'post-meta',
    'entry-meta',
    'article-meta',
    'story-meta',
  ].join('|')})($|[\\s_-])`,
  'i',
);
const FURNITURE_COMPOUND_HIDDEN =
  /(^|[\s_-])(sr-only|visually-hidden|screen-reader|off-screen|offscreen|sronly|visuallyhidden)($|[\s_-])/i;

// Whole class names of hidden elements ("hidden-xs" hides on small screens only, and stays).
const HIDDEN_CLASS = /^(hidden|is-hidden|u-hidden|hide|d-none|display-none|invisible)$/i;

// Share of the page's paragraph text above which an element is the story's container.
const PROTECTED_SHARE = 0.3;

// Tags that sit inside a sentence. One of them that a class calls furniture is spared when the sentence
// goes on around it: a hover card's wrapper holds the name the sentence needs.
const INLINE_TAGS = new Set([
  'SPAN',
  'A',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'SMALL',
  'SUP',
  'SUB',
  'LABEL',
  'FONT',
  'ABBR',
  'CITE',
  'Q',
  'TIME',
  'MARK',
  'S',
  'DEL',
  'INS',
  'DFN',
  'BDI',
  'BDO',
]);

const CARD_LETTERS = 1200;
const MIN_PARAGRAPH_TEXT = 500;
const TEXT_BLOCKS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'DD',
  'DT',
  'BLOCKQUOTE',
  'PRE',
]);

/** What one bottom-up walk learns of each element. */
interface Stats {
  /** Length of <p> text under it. */
  paragraphChars: number;
  /** Length of all text under it, scripts and styles aside (for pages that set no text in <p>s). */
  textChars: number;
  /** Length of its own text nodes' text. */
  ownChars: number;
  links: number;
  images: number;
  /** It, or an element under it, is a card (below). */
  card: boolean;
}

/** Removes page furniture in place; returns how many elements went. */
export function pruneFurniture(root: PruneElement): number {
  const stats = measure(root);
  const rootStats = stats.get(root)!;
  // The story's text: its paragraphs, or all text on a page that sets none in <p>s (blogs' <br> lines).
  const inParagraphs = rootStats.paragraphChars >= MIN_PARAGRAPH_TEXT;
  const share = (st: Stats) =>
    inParagraphs ? st.paragraphChars / rootStats.paragraphChars : st.textChars / Math.max(1, rootStats.textChars);
  const doomed: PruneElement[] = [];
  const stack: PruneElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    // A container of a good part of the page's text is the story's, whatever its class says.
    const story = share(stats.get(el)!) >= PROTECTED_SHARE;
    const furniture = isCard(el, stats) || isHidden(el) || (hasFurnitureName(el) && !insideSentence(el, stats));
    if (el !== root && !story && furniture) {
      doomed.push(el);
      continue;
    }
    const kids = Array.from(el.children);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  for (const el of doomed) el.remove();
  return doomed.length;
}

// A hover card inside a sentence: an inline element holding a picture and links (a face, the person's
// latest stories). Only the innermost such element goes; the one around it holds the name the sentence
// shows.
function isCard(el: PruneElement, stats: Map<PruneElement, Stats>): boolean {
  const st = stats.get(el)!;
  if (!INLINE_TAGS.has(el.tagName.toUpperCase()) || !cardLike(st)) return false;
  const kids = Array.from(el.children);
  if (kids.some((k) => stats.get(k)?.card)) return false;
  // A card is a name and a few headlines; an inline element wrapping a whole story (old markup) is not.
  return letters(el.textContent ?? '') <= CARD_LETTERS && insideSentence(el, stats);
}

// Whether an inline element stands in a sentence: the block around it is a paragraph (or holds text of its
// own, not only other blocks), with words before the element and the sentence going on after it. A link
// box between paragraphs is not; nor is a credit that ends its caption.
function insideSentence(el: PruneElement, stats: Map<PruneElement, Stats>): boolean {
  if (!INLINE_TAGS.has(el.tagName.toUpperCase())) return false;
  let block = el.parentElement;
  while (block && INLINE_TAGS.has(block.tagName.toUpperCase())) block = block.parentElement;
  if (!block) return false;
  if (!TEXT_BLOCKS.has(block.tagName.toUpperCase()) && !stats.get(block)?.ownChars) return false;
  const text = block.textContent ?? '';
  const own = el.textContent ?? '';
  const at = own.trim() ? text.indexOf(own) : -1;
  if (at < 0) return false;
  return (
    letters(text.slice(0, at)) >= 3 && /\S/.test(text.slice(at + own.length)) && letters(text) - letters(own) >= 12
  );
}

function cardLike(st: Stats): boolean {
  return st.images > 0 && st.links >= 2;
}

function letters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

// Never shown, or never text: dropped tags, hidden elements, roles of page chrome.
function isHidden(el: PruneElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (DROPPED_TAGS.has(tag)) return true;
  if (el.getAttribute('hidden') !== null) return true;
  const role = el.getAttribute('role');
  if (role && DROPPED_ROLES.test(role)) return true;
  const style = el.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const cls = el.getAttribute('class') ?? '';
  return cls.split(/\s+/).some((c) => HIDDEN_CLASS.test(c)) || FURNITURE_COMPOUND_HIDDEN.test(cls);
}

// Whether its class or id names furniture (a caption, a share bar, a related box).
function hasFurnitureName(el: PruneElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'HEAD' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!names.trim() || isEmbed(el)) return false;
  if (FURNITURE_COMPOUND.test(names)) return true;
  return wordsOf(names).some((w) => FURNITURE_WORD.test(w));
}

// An embedded post ("social-media-embed" around a quoted tweet) is a source the story quotes.
function isEmbed(el: PruneElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return /(^|[^a-z])embed(ded)?($|[^a-z])/i.test(names);
}

/** Class and id split into words: "sdc-article-image__caption" and "articleCaption" both give "caption". */
function wordsOf(names: string): string[] {
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean);
}

/**
 * Each element's stats, in one walk (asking each candidate for its own would walk nested candidates again
 * and again).
 */
function measure(root: PruneElement): Map<PruneElement, Stats> {
  const stats = new Map<PruneElement, Stats>();
  const order: PruneElement[] = [];
  const stack: PruneElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    const tag = el.tagName.toUpperCase();
    let own = 0;
    if (!HIDDEN_TAGS.has(tag)) {
      for (const n of Array.from(el.childNodes)) if (n.nodeType === TEXT_NODE) own += n.textContent?.trim().length ?? 0;
    }
    stats.set(el, {
      paragraphChars: tag === 'P' ? (el.textContent ?? '').length : 0,
      textChars: own,
      ownChars: own,
      links: tag === 'A' ? 1 : 0,
      images: tag === 'IMG' || tag === 'PICTURE' ? 1 : 0,
      card: false,
    });
    for (const kid of Array.from(el.children)) stack.push(kid);
  }
  // Children come after their parent in `order`: walked backwards, each adds itself to its parent.
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const st = stats.get(el)!;
    if (cardLike(st) && INLINE_TAGS.has(el.tagName.toUpperCase())) st.card = true;
    const parent = el.parentElement;
    const up = el !== root && parent ? stats.get(parent) : undefined;
    if (!up) continue;
    // A <p>'s text is counted once, at the <p>.
    if (parent!.tagName.toUpperCase() !== 'P') up.paragraphChars += st.paragraphChars;
    if (!HIDDEN_TAGS.has(parent!.tagName.toUpperCase())) up.textChars += st.textChars;
    up.links += st.links;
    up.images += st.images;
    up.card ||= st.card;
  }
  return stats;
}
