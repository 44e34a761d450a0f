// Page furniture removed from the DOM before the reader view picks the article: the way trafilatura and
// jusText prune a page, by what an element is (a caption, a share bar, a hidden block) rather than by any
// one site's markup. Readability keeps what sits inside the article's container — photo captions,
// credits, bylines, "related" boxes, newsletter sign-ups, hover cards — and its own class filter spares
// any element whose class also says "content" or "article" ("related-content"), so these go first.

/** The DOM surface read here; linkedom's elements have it. */
export interface PruneElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<PruneElement>;
  parentElement: PruneElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

// Never article text, wherever they are. An <iframe>'s text is the fallback markup of an embed.
const DROPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA',
  'FIGCAPTION', 'NAV', 'ASIDE', 'FOOTER', 'DIALOG', 'MENU', 'OBJECT', 'EMBED',
]);

const DROPPED_ROLES = /^(navigation|complementary|contentinfo|banner|dialog|menu|menubar|toolbar|search|tooltip)$/i;

// Words of a class or id that name furniture, matched whole between -, _, spaces and case changes.
// Chosen from what news pages mark their furniture with, the same kinds trafilatura discards.
const FURNITURE_WORD = new RegExp(
  '^(' + [
    'captions?', 'credits?', 'byline', 'bylines', 'dateline', 'timestamps?', 'published', 'pubdate', 'dates?',
    'authors?', 'bio', 'avatar',
    'share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials',
    'related', 'recirc', 'recirculation', 'recommended', 'recommendations', 'trending', 'popular', 'mostread',
    'newsletters?', 'subscribe', 'subscription', 'signup', 'paywall',
    'promo', 'promos', 'promotion', 'advert', 'adverts', 'advertisement', 'advertising', 'ads?', 'adslot',
    'adunit', 'sponsor', 'sponsored', 'outbrain', 'taboola', 'dfp', 'gpt',
    'breadcrumbs?', 'tags', 'taglist', 'comments?', 'disqus', 'pagination', 'pager',
    'nav', 'navbar', 'navigation', 'menu', 'sidebar', 'widget', 'widgets', 'toolbar', 'tooltip', 'popover',
    'rollover', 'hovercard', 'modal', 'overlay', 'popup', 'cookie', 'cookies', 'gdpr', 'consent',
    'offscreen', 'invisible', 'noprint', 'sronly',
  ].join('|') + ')$',
  'i',
);

// Compounds whose words alone say nothing ("read", "more", "screen").
const FURNITURE_COMPOUND =
  /(^|[\s_-])(sr-only|visually-hidden|screen-reader|off-screen|read-more|see-also|more-stories|more-news|most-read|most-popular|also-read|up-next|next-up|author-info|post-meta|entry-meta|article-meta|story-meta)($|[\s_-])/i;

// Whole class names of hidden elements ("hidden-xs" hides on small screens only, and stays).
const HIDDEN_CLASS = /^(hidden|is-hidden|u-hidden|hide|d-none|display-none|invisible)$/i;

// Share of the page's paragraph text above which an element is the story's container.
const PROTECTED_SHARE = 0.3;

/** Removes page furniture in place; returns how many elements went. */
export function pruneFurniture(root: PruneElement): number {
  const chars = paragraphChars(root);
  const total = chars.get(root) ?? 0;
  const doomed: PruneElement[] = [];
  const stack: PruneElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    // A container of a good part of the page's paragraph text is the story's, whatever its class says.
    if (el !== root && isFurniture(el) && (chars.get(el) ?? 0) < total * PROTECTED_SHARE) {
      doomed.push(el);
      continue;
    }
    const kids = Array.from(el.children);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  for (const el of doomed) el.remove();
  return doomed.length;
}

function isFurniture(el: PruneElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'HEAD' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  if (DROPPED_TAGS.has(tag)) return true;
  if (el.getAttribute('hidden') !== null) return true;
  const role = el.getAttribute('role');
  if (role && DROPPED_ROLES.test(role)) return true;
  const style = el.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const cls = el.getAttribute('class') ?? '';
  const names = `${cls} ${el.getAttribute('id') ?? ''}`;
  if (!names.trim()) return false;
  if (cls.split(/\s+/).some((c) => HIDDEN_CLASS.test(c))) return true;
  if (FURNITURE_COMPOUND.test(names)) return true;
  return wordsOf(names).some((w) => FURNITURE_WORD.test(w));
}

/** Class and id split into words: "sdc-article-image__caption" and "articleCaption" both give "caption". */
function wordsOf(names: string): string[] {
  return names.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/).filter(Boolean);
}

/**
 * The length of <p> text under each element, in one walk (asking each candidate for its own would walk
 * nested candidates again and again).
 */
function paragraphChars(root: PruneElement): Map<PruneElement, number> {
  const chars = new Map<PruneElement, number>();
  const order: PruneElement[] = [];
  const stack: PruneElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    if (el.tagName.toUpperCase() === 'P') chars.set(el, (el.textContent ?? '').length);
    else for (const kid of Array.from(el.children)) stack.push(kid);
  }
  // Children come after their parent in `order`: walked backwards, each adds itself to its parent.
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const parent = el.parentElement;
    if (el !== root && parent) chars.set(parent, (chars.get(parent) ?? 0) + (chars.get(el) ?? 0));
  }
  return chars;
}
