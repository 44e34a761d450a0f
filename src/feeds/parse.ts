// RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, read by feedsmith (chosen by measurement: README ›
// Dependencies) into the few fields a feed item needs here: its key, its link, its title and date.
import { parseFeed } from 'feedsmith';
import { toUtf8 } from '../fetch/index.js';

export interface FeedItem {
  /** What identifies the item across polls: its guid or id, else its link. */
  key: string;
  /** Absolute http(s) address of the story. */
  link: string;
  title: string | null;
  /** Milliseconds since the epoch, when the feed gives a readable date. */
  published: number | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** Newest first (dated items by date, then undated in the feed's order), at most `maxItems`. */
  items: FeedItem[];
  /** Items in the document, before the cut. */
  total: number;
}

export class FeedParseError extends Error {}

/** How many items of one feed are looked at each poll: the newest; a feed of 10,000 costs no more. */
export const FEED_ITEMS_READ = 200;

type Loose = Record<string, unknown> | undefined;

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string')
    return text((v as { value: string }).value);
  return null;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function date(...values: unknown[]): number | null {
  for (const v of values) {
    const s = Array.isArray(v) ? text(v[0]) : text(v);
    const t = s ? Date.parse(s) : NaN;
    if (Number.isFinite(t)) return t;
  }
  return null;
}

function itemOf(raw: Record<string, unknown>, format: ParsedFeed['format'], base: string): FeedItem | null {
  const dc = raw.dc as Loose;
  let link: string | null;
  let id: string | null;
  if (format === 'atom') {
    const links = (Array.isArray(raw.links) ? raw.links : []) as Array<{ href?: string; rel?: string }>;
    link = (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href ?? null;
    id = text(raw.id);
  } else if (format === 'json') {
    link = text(raw.url) ?? text(raw.external_url);
    id = text(raw.id);
  } else {
    link = text(raw.link) ?? text((raw.rdf as Loose)?.about);
    const guid = raw.guid as { value?: string; isPermaLink?: boolean } | string | undefined;
    id = text(guid);
    if (!link && typeof guid === 'object' && guid?.isPermaLink !== false) link = text(guid);
  }
  const url = absolute(link, base);
  if (!url) return null;
  return {
    key: id ?? url,
    link: url,
    title: text(raw.title),
    published: date(
      raw.pubDate,
      raw.published,
      raw.updated,
      raw.date_published,
      raw.date_modified,
      dc?.dates,
      dc?.date,
    ),
  };
}

/** The XML declaration's encoding, for feeds whose server did not say. */
function xmlEncoding(body: Buffer): string | null {
  return (
    body
      .subarray(0, 200)
      .toString('latin1')
      .match(/^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/)?.[1]
      .toLowerCase() ?? null
  );
}

/** Reads a feed's bytes. Throws FeedParseError when they are not a feed of a known kind. */
export function parseFeedBytes(
  body: Buffer,
  charset: string | null,
  feedUrl: string,
  maxItems = FEED_ITEMS_READ,
): ParsedFeed {
  const source = toUtf8(body, charset ?? xmlEncoding(body))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let parsed: { format: string; feed: Record<string, unknown> };
  try {
    const trimmed = source.trimStart();
    parsed = parseFeed(trimmed.startsWith('{') ? JSON.parse(trimmed) : source) as typeof parsed;
  } catch (err) {
    throw new FeedParseError(`not a feed I can read (${(err as Error).message.split('\n')[0].slice(0, 120)})`);
  }
  const format = parsed.format as ParsedFeed['format'];
  const raws = ((parsed.feed.items ?? parsed.feed.entries ?? []) as Array<Record<string, unknown>>).filter(
    (r) => r && typeof r === 'object',
  );
  const items: Array<FeedItem & { order: number }> = [];
  raws.forEach((raw, order) => {
    const item = itemOf(raw, format, feedUrl);
    if (item) items.push({ ...item, order });
  });
  items.sort((a, b) => (b.published ?? -Infinity) - (a.published ?? -Infinity) || a.order - b.order);
  return {
    format,
    title: text(parsed.feed.title),
    items: items.slice(0, maxItems).map(({ order: _order, ...item }) => item),
    total: raws.length,
  };
}
