// A web page kept for a server (or for every server, in the shared scope): an Upload whose bytes are
// the fetched HTML, gzipped, with the address its articles cite and the keys that mark the story seen.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Upload } from './live.js';

export interface PageRecord extends Upload {
  /** Store key within the scope: a hash of its canonical address. */
  id: string;
  url: string;
  encoding: 'gzip';
  /** The feed that brought it, or null when added by link. */
  feedId: string | null;
  title: string;
  /** `u:<hash>` of each address it answers to and `t:<hash>` of its text, in the `seen` namespace. */
  seen: string[];
}

export function shortHash(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export function pageRecord(fields: {
  scope: string;
  id: string;
  url: string;
  html: Buffer;
  title: string;
  by: string;
  feedId: string | null;
  seen: string[];
}): PageRecord {
  const data = gzipSync(fields.html);
  return {
    guildId: fields.scope,
    id: fields.id,
    name: `web-${fields.id}.html`,
    data: data.toString('base64'),
    size: fields.html.length,
    sha256: createHash('sha256').update(fields.html).digest('hex'),
    by: fields.by,
    at: new Date().toISOString(),
    url: fields.url,
    encoding: 'gzip',
    feedId: fields.feedId,
    title: fields.title,
    seen: fields.seen,
  };
}
