// The three places an address is checked before a byte is read: the link itself (scheme, credentials,
// an IP written in it), every name resolved for it (a lookup that refuses private answers), and the
// socket once connected (what it actually reached, whatever resolved it).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { addressProblem } from './address.js';
import { FETCH_ERRORS, type FetchError } from './errors.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses: the system's resolver, or a test's. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why an address may not be reached (null: it may). */
export type AddressPolicy = (address: string) => string | null;

/**
 * Public addresses only, unless private ones are allowed. `treatAsPublic` lists addresses to judge as
 * public: tests stand a loopback server in for a public site with it, to check what it redirects to.
 */
export function addressPolicy(allowPrivate: boolean, treatAsPublic: readonly string[] = []): AddressPolicy {
  if (allowPrivate) return () => null;
  return (address) => (treatAsPublic.includes(address) ? null : addressProblem(address));
}

const PUBLIC_ONLY = addressPolicy(false);

/** A link a stranger gave, parsed and checked; throws FetchError when it is not one to fetch. */
export function checkUrl(raw: string, policy: AddressPolicy = PUBLIC_ONLY): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw FETCH_ERRORS.notUrl();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw FETCH_ERRORS.scheme(url.protocol.replace(/:$/, ''));
  if (url.username || url.password) throw FETCH_ERRORS.credentials();
  if (!url.hostname) throw FETCH_ERRORS.notUrl();
  const literal = hostAddress(url);
  const why = literal && policy(literal);
  if (literal && why) throw FETCH_ERRORS.address(literal, literal, why);
  return url;
}

/** The IP address a URL names directly (the URL parser has already normalised `0x7f.1` and the like). */
export function hostAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : null;
}

/**
 * Lookups running at once. The system's (getaddrinfo) holds one of libuv's 4 threads until the name's
 * DNS answers, which a stranger's name can make take many seconds, and it cannot be called off; the
 * SQLite store's queries run on the same threads. The others wait their turn.
 */
export const LOOKUPS_AT_ONCE = 2;
let lookups = 0;
const waitingLookups: Array<() => void> = [];

async function oneOfFewLookups<T>(work: () => Promise<T>): Promise<T> {
  if (lookups < LOOKUPS_AT_ONCE) lookups++;
  else await new Promise<void>((resolve) => waitingLookups.push(resolve));
  try {
    return await work();
  } finally {
    // The slot goes straight to the next in line, if any.
    const next = waitingLookups.shift();
    if (next) next();
    else lookups--;
  }
}

/**
 * A `lookup` for http(s).request: resolves the name, and refuses it when any of its addresses is not
 * public (a name with one private answer among public ones could be steered to it).
 */
export function guardedLookup(resolver: Resolver, policy: AddressPolicy): LookupFunction {
  return ((
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    oneOfFewLookups(() => resolver(hostname)).then(
      (found) => {
        for (const a of found) {
          const why = policy(a.address);
          if (why) return callback(FETCH_ERRORS.address(hostname, a.address, why));
        }
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
        const usable = found.filter((a) => !family || a.family === family);
        if (!usable.length)
          return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
        if (options.all) return callback(null, usable);
        return callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(err),
    );
  }) as unknown as LookupFunction;
}

/** Why a connected socket must be dropped (it reached a non-public address), or null. */
export function socketProblem(
  socket: Pick<Socket, 'remoteAddress'>,
  host: string,
  policy: AddressPolicy,
): FetchError | null {
  const address = socket.remoteAddress;
  if (!address) return FETCH_ERRORS.network('no remote address');
  const why = policy(address);
  return why ? FETCH_ERRORS.address(host, address, why) : null;
}

/** Drops the socket as soon as it connects to a non-public address. */
export function guardSocket(socket: Socket, host: string, policy: AddressPolicy): void {
  const check = () => {
    const problem = socketProblem(socket, host, policy);
    if (problem) socket.destroy(problem);
  };
  if (socket.remoteAddress) check();
  else socket.once('connect', check);
}
