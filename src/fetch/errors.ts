// Why a fetch failed, in words shown to the person who asked ("I can't add “…”: <message>.") and a
// code the feed poller acts on (wait longer after a 429, give up on a refused address).
export type FetchErrorCode =
  | 'bad-url'
  | 'refused-address'
  | 'redirects'
  | 'too-large'
  | 'timeout'
  | 'content-type'
  | 'http'
  | 'rate-limited'
  | 'network';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** For `rate-limited`: how long the site asked us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }

  /** Worth trying again later (the site may come back); a refused address or a bad link never is. */
  get transient(): boolean {
    return ['timeout', 'http', 'rate-limited', 'network'].includes(this.code);
  }
}

/** The messages, one place: tests assert them exactly. */
export const FETCH_ERRORS = {
  scheme: (scheme: string) => new FetchError('bad-url', `only http and https links are fetched, not ${scheme}`),
  notUrl: () => new FetchError('bad-url', 'that is not a web address'),
  credentials: () => new FetchError('bad-url', 'links with a user name or password are not fetched'),
  // A name's address is not told: what the bot's resolver says of internal names would map its network.
  address: (host: string, address: string, why: string) =>
    new FetchError(
      'refused-address',
      `${host === address ? `${address} is` : `${host} resolves to`} ${why}; only public addresses are fetched`,
    ),
  redirects: (max: number) => new FetchError('redirects', `more than ${max} redirects`),
  loop: () => new FetchError('redirects', 'the redirects go round in a loop'),
  tooLarge: (maxBytes: number) => new FetchError('too-large', `the response is larger than ${formatBytes(maxBytes)}`),
  timeout: (ms: number) => new FetchError('timeout', `no complete answer within ${ms / 1000} s`),
  contentType: (type: string) =>
    new FetchError(
      'content-type',
      type ? `it is ${type}, not an HTML, XML or JSON document` : 'the site did not say what it sent',
    ),
  http: (status: number) => new FetchError('http', `the site answered HTTP ${status}`),
  rateLimited: (status: number, ms: number) =>
    new FetchError(
      'rate-limited',
      `the site asked to wait (HTTP ${status}, retry after ${Math.round(ms / 1000)} s)`,
      ms,
    ),
  network: (why: string) => new FetchError('network', `could not reach the site (${why})`),
};

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
