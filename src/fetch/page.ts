// A web page fetched to become an article: HTML only (a feed or a JSON document is named as such), its
// bytes turned to UTF-8 from whatever charset the site declared, ready for the corpus's HTML reader.
import { FetchError } from './errors.js';
import { acceptedType, safeFetch, type FetchOptions } from './fetch.js';

export interface Page {
  /** The address the page came from, after redirects: what answers cite. */
  url: string;
  /** The page as UTF-8 HTML. */
  html: Buffer;
}

const FEED_TYPES = /^application\/(rss|atom|feed|rdf)\+(xml|json)$/;

export async function fetchPage(link: string, options: FetchOptions = {}): Promise<Page> {
  const fetched = await safeFetch(link, { ...options, accept: 'text/html,application/xhtml+xml;q=0.9' });
  const kind = acceptedType(fetched.mediaType);
  if (kind !== 'html') {
    const feed = FEED_TYPES.test(fetched.mediaType) || (kind === 'xml' && looksLikeFeed(fetched.body));
    const what = feed ? 'a feed, not a page: follow it as a feed instead' : `${fetched.mediaType}, not a web page`;
    throw new FetchError('content-type', `it is ${what}`);
  }
  return { url: fetched.url, html: toUtf8(fetched.body, fetched.charset) };
}

function looksLikeFeed(body: Buffer): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/.test(body.subarray(0, 2048).toString('latin1'));
}

/** The charset a page declares in its first bytes (`<meta charset>` or the http-equiv form). */
function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 4096).toString('latin1');
  return head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1].toLowerCase() ?? null;
}

/** Bytes in the header's charset (else the page's own, else UTF-8), as UTF-8. */
export function toUtf8(body: Buffer, charset: string | null): Buffer {
  const label = charset ?? declaredCharset(body);
  if (!label || /^utf-?8$/.test(label)) return body;
  try {
    return Buffer.from(new TextDecoder(label).decode(body), 'utf8');
  } catch {
    // An unknown label: read as UTF-8, bad bytes replaced by the reader.
    return body;
  }
}

/**
 * The page with its address written in, for a corpus folder: an `og:url` before everything else, which
 * the HTML reader finds first (a page's own og:url or canonical link comes after it).
 */
export function stampUrl(html: Buffer, url: string): Buffer {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return Buffer.concat([Buffer.from(`<meta property="og:url" content="${escaped}">\n`), html]);
}
