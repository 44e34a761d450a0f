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
  // The web reads latin1 and ASCII labels as windows-1252; Node's decoder gives C1 controls for its
  // 0x80–0x9f (the curly quotes news pages are full of), so those are mapped here.
  if (/^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii)$/.test(label))
    return Buffer.from(decode1252(body), 'utf8');
  try {
    return Buffer.from(new TextDecoder(label).decode(body), 'utf8');
  } catch {
    // An unknown label: read as UTF-8, bad bytes replaced by the reader.
    return body;
  }
}

const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decode1252(body: Buffer): string {
  const latin1 = body.toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/**
 * The page with its address written in, for a corpus folder: an `og:url` before everything else, which
 * the HTML reader finds first (a page's own og:url or canonical link comes after it).
 */
export function stampUrl(html: Buffer, url: string): Buffer {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return Buffer.concat([Buffer.from(`<meta property="og:url" content="${escaped}">\n`), html]);
}
