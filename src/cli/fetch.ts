// `whosaid fetch URL… --into DIR`: saves news pages into a corpus folder, each as .html with the
// address it came from written in (an og:url the HTML reader finds first), through the same safe fetch
// and limits as the bot. A page already saved is saved again under the same name, never twice.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleBytes } from '../corpus/index.js';
import { canonicalUrl, fetchOptions } from '../feeds/index.js';
import type { Config } from '../config.js';
import { fetchPage, stampUrl } from '../fetch/index.js';
import { shortHash } from '../serve/index.js';

/** A file name for a page: its address made plain, and a hash of its canonical form (same page, same name). */
export function pageFileName(url: string): string {
  const canonical = canonicalUrl(url) ?? url;
  const slug = canonical
    .replace(/\?.*$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'page'}-${shortHash(canonical, 8)}.html`;
}

export interface FetchRun {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Fetches each link in turn; 0 when every one was saved, 1 when any failed. */
export async function runFetch(links: string[], dir: string, config: Config, io: FetchRun): Promise<number> {
  mkdirSync(dir, { recursive: true });
  let failed = 0;
  for (const link of links) {
    try {
      const page = await fetchPage(link, fetchOptions(config));
      const html = stampUrl(page.html, page.url);
      const name = pageFileName(page.url);
      const { articles, warnings } = parseArticleBytes(html, name);
      if (!articles.length) throw new Error(`no article in it${warnings.length ? ` (${warnings[0].reason})` : ''}`);
      writeFileSync(join(dir, name), html);
      io.out(`saved ${join(dir, name)}\t${page.url}\t${articles[0].title}`);
    } catch (err) {
      failed++;
      io.err(`whosaid: could not fetch ${link}: ${(err as Error).message}`);
    }
  }
  return failed ? 1 : 0;
}
