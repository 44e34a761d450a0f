// One GET on behalf of a stranger, with limits on everything: at most 5 redirects (each checked as the
// first link was), one time limit for the whole exchange, the body streamed and dropped past the size
// limit (never buffered whole), and only HTML, XML and JSON accepted. Node's own http(s), a fresh
// socket per request (no pooled connection to an address checked for someone else).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FETCH_ERRORS, FetchError } from './errors.js';
import {
  addressPolicy,
  checkUrl,
  guardedLookup,
  guardSocket,
  hostAddress,
  socketProblem,
  systemResolver,
  type AddressPolicy,
  type Resolver,
} from './safe-url.js';

export interface FetchLimits {
  /** The whole exchange, redirects and body included. Default 15 s. */
  timeoutMs: number;
  /** Bytes of body, after decompression and on the wire alike. Default 5 MB. */
  maxBytes: number;
  /** Default 5. */
  maxRedirects: number;
  /** Lets links reach loopback and private addresses: for tests and operators on a private network. */
  allowPrivate: boolean;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
};

export interface FetchOptions extends Partial<FetchLimits> {
  /** A test's DNS. Default: the system's. */
  resolver?: Resolver;
  /** Addresses judged public though they are not: a test's loopback server standing in for a site. */
  treatAsPublic?: readonly string[];
  /** Conditional request: a 304 comes back as `notModified`. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface Fetched {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  /** `text/html`, lower case, without parameters. */
  mediaType: string;
  charset: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export const USER_AGENT = 'whosaid/0.1 (a bot that reads the news it is given; one request at a time)';
const ACCEPT = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/xml;q=0.9',
  'application/json;q=0.8',
].join(',');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The longest Retry-After honoured: a site cannot park a feed for more than a day. */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** HTML, XML or JSON, as a media type says. */
export function acceptedType(mediaType: string): 'html' | 'xml' | 'json' | null {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (/^(text|application)\/xml$/.test(mediaType) || /^[a-z]+\/[\w.+-]+\+xml$/.test(mediaType)) return 'xml';
  if (/^(text|application)\/json$/.test(mediaType) || /^[a-z]+\/[\w.+-]+\+json$/.test(mediaType)) return 'json';
  return null;
}

export async function safeFetch(link: string, options: FetchOptions = {}): Promise<Fetched> {
  const limits: FetchLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects,
    allowPrivate: options.allowPrivate ?? DEFAULT_FETCH_LIMITS.allowPrivate,
  };
  const policy = addressPolicy(limits.allowPrivate, options.treatAsPublic);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    return await follow(link, limits, policy, options, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) throw FETCH_ERRORS.timeout(limits.timeoutMs);
    if (err instanceof FetchError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.cause instanceof FetchError) throw e.cause;
    throw FETCH_ERRORS.network(e.code ?? e.message);
  } finally {
    clearTimeout(timer);
  }
}

async function follow(
  link: string,
  limits: FetchLimits,
  policy: AddressPolicy,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<Fetched> {
  let url = checkUrl(link, policy);
  const visited = new Set<string>([url.href]);
  for (let hops = 0; ; hops++) {
    const res = await get(url, policy, options, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (REDIRECTS.has(status) && location) {
      res.destroy();
      if (hops >= limits.maxRedirects) throw FETCH_ERRORS.redirects(limits.maxRedirects);
      const next = checkUrl(new URL(location, url).href, policy);
      if (visited.has(next.href)) throw FETCH_ERRORS.loop();
      visited.add(next.href);
      url = next;
      continue;
    }
    return read(url, res, limits, signal);
  }
}

function get(url: URL, policy: AddressPolicy, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const host = url.hostname;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      headers,
      agent: false,
      signal,
      lookup: guardedLookup(options.resolver ?? systemResolver, policy),
    });
    request.on('socket', (socket: Socket) => guardSocket(socket, hostAddress(url) ?? host, policy));
    request.on('response', (res) => {
      // Checked again here: a response can only come through a socket that passed.
      const problem = socketProblem(res.socket, host, policy);
      if (problem) {
        res.destroy();
        reject(problem);
      } else resolve(res);
    });
    request.on('error', reject);
    request.end();
  });
}

async function read(url: URL, res: IncomingMessage, limits: FetchLimits, signal: AbortSignal): Promise<Fetched> {
  const status = res.statusCode ?? 0;
  const header = (name: string) => {
    const v = res.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };
  const base = { url: url.href, status, etag: header('etag'), lastModified: header('last-modified') };
  if (status === 304) {
    res.destroy();
    return { ...base, notModified: true, mediaType: '', charset: null, body: Buffer.alloc(0) };
  }
  if (status === 429 || status === 503) {
    res.destroy();
    throw FETCH_ERRORS.rateLimited(status, retryAfter(header('retry-after')));
  }
  if (status < 200 || status >= 300) {
    res.destroy();
    throw FETCH_ERRORS.http(status);
  }
  const [type, ...params] = (header('content-type') ?? '').split(';');
  const mediaType = type.trim().toLowerCase();
  if (!acceptedType(mediaType)) {
    res.destroy();
    throw FETCH_ERRORS.contentType(mediaType);
  }
  const charset =
    params
      .map((p) => p.trim().match(/^charset="?([\w.:-]+)"?$/i)?.[1])
      .find(Boolean)
      ?.toLowerCase() ?? null;
  const declared = Number(header('content-length'));
  const encoding = (header('content-encoding') ?? '').trim().toLowerCase();
  if (!encoding && declared > limits.maxBytes) {
    res.destroy();
    throw FETCH_ERRORS.tooLarge(limits.maxBytes);
  }
  const body = await collect(res, encoding, limits.maxBytes, signal);
  return { ...base, notModified: false, mediaType, charset, body };
}

/** The body, decoded, read until it ends or passes `maxBytes` (then the connection is dropped). */
async function collect(res: IncomingMessage, encoding: string, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  let stream: Readable = res;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (decoder) {
    res.on('error', (err) => decoder.destroy(err));
    // The wire counts too: empty gzip members (or deflate's empty blocks) inflate to nothing, and would
    // otherwise stream for as long as the time limit lets them.
    let wire = 0;
    res.on('data', (chunk: Buffer) => {
      wire += chunk.length;
      if (wire > maxBytes) decoder.destroy(FETCH_ERRORS.tooLarge(maxBytes));
    });
    stream = res.pipe(decoder);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      if (signal.aborted) break;
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw FETCH_ERRORS.tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    res.destroy();
    decoder?.destroy();
  }
  if (signal.aborted) throw new Error('aborted');
  return Buffer.concat(chunks, size);
}

function retryAfter(value: string | null): number {
  if (!value) return 60_000;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, Number.isFinite(ms) ? ms : 60_000));
}
