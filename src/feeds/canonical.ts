// When two links are one story: the address without what differs between shares of it (tracking
// parameters, fragment, scheme, "www.", default port, parameter order, a trailing slash), and the
// article's text, hashed after spacing and case are evened out.
import { shortHash } from '../serve/index.js';

const TRACKING = new RegExp(
  '^(utm_\\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|' +
    'cmpid|ncid|ocid|smid|at_medium|at_campaign|cmp)$',
  'i',
);

/** An http(s) address parsed, or null when it is not one. */
function httpUrl(link: string): URL | null {
  try {
    const u = new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The site's host name, "www." aside. */
function siteHost(u: URL): string {
  return u.hostname.toLowerCase().replace(/^www\./, '');
}

/** The form of an http(s) address two shares of one story have in common; null when it is not one. */
export function canonicalUrl(link: string): string | null {
  const u = httpUrl(link);
  if (!u) return null;
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const host = siteHost(u);
  const port = u.port ? `:${u.port}` : '';
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  return `${host}${port}${path}${query}`;
}

/**
 * Whether two addresses are on one site (one host, "www." aside, or one a subdomain of the other). A page
 * may name its canonical address (og:url), but only on its own site: a stranger's page must not mark
 * another site's story as seen.
 */
export function sameSite(a: string, b: string): boolean {
  const u = httpUrl(a);
  const v = httpUrl(b);
  if (!u || !v) return false;
  const x = siteHost(u);
  const y = siteHost(v);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** The `seen` key of an address, or null. */
export function urlKey(link: string): string | null {
  const c = canonicalUrl(link);
  return c ? `u:${shortHash(c, 24)}` : null;
}

/** The `seen` key of an article's words: the same story under another address. */
export function textKey(title: string, text: string): string {
  const words = `${title}\n${text}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `t:${shortHash(words, 24)}`;
}
