// Which network addresses a fetch made for a stranger may reach. A link typed into Discord must not
// make the bot read its own machine, its network or the cloud's metadata service (server-side request
// forgery): every address is checked as bytes, so no spelling of one (IPv4 in IPv6, NAT64, 6to4) slips by.
import { isIPv4, isIPv6 } from 'node:net';

type Bytes = number[];

interface Range {
  bytes: Bytes;
  bits: number;
  why: string;
}

const LOOPBACK = 'a loopback address';
const PRIVATE = 'a private address';
const LINK_LOCAL = 'a link-local address';
const METADATA = 'a cloud metadata address';
const RESERVED = 'a reserved address';

function v4(text: string, bits: number, why: string): Range {
  return { bytes: text.split('.').map(Number), bits, why };
}

function v6(text: string, bits: number, why: string): Range {
  return { bytes: ipv6Bytes(text)!, bits, why };
}

// Most specific first: 169.254.169.254 is named as metadata before it is link-local.
const V4: Range[] = [
  v4('169.254.169.254', 32, METADATA),
  v4('169.254.170.2', 32, METADATA),
  v4('100.100.100.200', 32, METADATA),
  v4('127.0.0.0', 8, LOOPBACK),
  v4('10.0.0.0', 8, PRIVATE),
  v4('172.16.0.0', 12, PRIVATE),
  v4('192.168.0.0', 16, PRIVATE),
  v4('100.64.0.0', 10, PRIVATE),
  v4('169.254.0.0', 16, LINK_LOCAL),
  v4('0.0.0.0', 8, RESERVED),
  v4('192.0.0.0', 24, RESERVED),
  v4('192.0.2.0', 24, RESERVED),
  v4('198.18.0.0', 15, RESERVED),
  v4('198.51.100.0', 24, RESERVED),
  v4('203.0.113.0', 24, RESERVED),
  v4('224.0.0.0', 4, RESERVED),
  v4('240.0.0.0', 4, RESERVED),
];

const V6: Range[] = [
  v6('fd00:ec2::254', 128, METADATA),
  v6('::1', 128, LOOPBACK),
  v6('::', 128, RESERVED),
  v6('fc00::', 7, PRIVATE),
  v6('fe80::', 10, LINK_LOCAL),
  v6('fec0::', 10, PRIVATE),
  v6('ff00::', 8, RESERVED),
  v6('2001:db8::', 32, RESERVED),
  v6('100::', 64, RESERVED),
  // Local-use NAT64 (RFC 8215): its IPv4 may sit in bytes 6–10 as well as 12–15, so none of it is public.
  v6('64:ff9b:1::', 48, PRIVATE),
  // IPv4-compatible (deprecated) and IPv4-translated: whatever IPv4 they carry, no public site is there.
  v6('::', 96, RESERVED),
  v6('::ffff:0:0:0', 96, RESERVED),
];

/** IPv6 prefixes that carry an IPv4 address in their last four bytes (or bytes 2–5 for 6to4). */
const EMBEDS_V4: Array<{ range: Range; at: number }> = [
  { range: v6('::ffff:0:0', 96, ''), at: 12 },
  { range: v6('::', 96, ''), at: 12 },
  { range: v6('::ffff:0:0:0', 96, ''), at: 12 },
  { range: v6('64:ff9b::', 96, ''), at: 12 },
  { range: v6('64:ff9b:1::', 48, ''), at: 12 },
  { range: v6('2002::', 16, ''), at: 2 },
];

function inRange(bytes: Bytes, range: Range): boolean {
  if (bytes.length !== range.bytes.length) return false;
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false;
  }
  return true;
}

/** The 16 bytes of an IPv6 address (with or without an IPv4 tail or a zone), or null. */
export function ipv6Bytes(text: string): Bytes | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(address)) return null;
  let head = address;
  const tail: Bytes = [];
  const dotted = address.match(/:(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    tail.push(...dotted[1].split('.').map(Number));
    head = `${address.slice(0, dotted.index)}:0:0`;
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, null];
  const groups = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const l = groups(left);
  const r = right === null ? [] : groups(right);
  const words = [...l, ...Array(8 - l.length - r.length).fill(0), ...r];
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/**
 * Why the bot must not connect to `address` (an IPv4 or IPv6 literal), or null when it may: loopback,
 * private, link-local, metadata and reserved ranges are refused, also inside IPv6 forms that carry
 * IPv4 (`::ffff:127.0.0.1`, NAT64, 6to4). Something that is not an address at all is refused too.
 */
export function addressProblem(address: string): string | null {
  if (isIPv4(address)) {
    const bytes = address.split('.').map(Number);
    return V4.find((r) => inRange(bytes, r))?.why ?? null;
  }
  const bytes = ipv6Bytes(address);
  if (!bytes) return 'not an IP address';
  for (const { range, at } of EMBEDS_V4) {
    if (!inRange(bytes, range)) continue;
    // `::` and `::1` are themselves in the IPv4-compatible range; they are judged as IPv6 below.
    if (range.bits === 96 && range.bytes.every((b) => b === 0) && bytes.slice(0, 15).every((b) => b === 0)) break;
    const embedded = bytes.slice(at, at + 4).join('.');
    const why = addressProblem(embedded);
    if (why) return why;
  }
  return V6.find((r) => inRange(bytes, r))?.why ?? null;
}
