// Fetching on behalf of strangers: every hostile case of docs/reliability.md › Fetching links and
// feeds. Addresses are refused with private addresses NOT allowed (the default); only the happy paths
// against the loopback site allow them. No test sends a packet anywhere but loopback: 10.x and
// 169.254.169.254 are refused before any connection, which is what is asserted.
import { createConnection, createServer, type Server } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addressProblem,
  fetchPage,
  FetchError,
  safeFetch,
  socketProblem,
  addressPolicy,
  type Resolver,
} from '../../src/fetch/index.js';
import { newsPage, redirect, send, startSite, type LocalSite } from './site.js';

const OPEN = { allowPrivate: true };

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
}

describe('safe fetch against a local site', { timeout: 20_000 }, () => {
  let site: LocalSite;
  /** A second site on another loopback address, standing in for a public one (treatAsPublic). */
  let pub: LocalSite;

  beforeAll(async () => {
    site = await startSite();
    pub = await startSite('127.0.0.2');
    site.route(
      '/story',
      send(newsPage('Quiet harbour', ['"The fog lifted at noon," said Mara Quell, the harbour master.'])),
    );
    site.route('/secret', send('<html><body>internal</body></html>'));
    site.route('/png', send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
    site.route('/text', send('plain words', 'text/plain'));
    site.route('/untyped', (_req, res) => {
      res.writeHead(200).end('<html></html>');
    });
    site.route('/busy', (_req, res) => {
      res.writeHead(429, { 'retry-after': '120', 'content-type': 'text/plain' }).end('slow down');
    });
    site.route('/gone', (_req, res) => {
      res.writeHead(410, { 'content-type': 'text/html' }).end('gone');
    });
    site.route('/loop-a', redirect('/loop-b'));
    site.route('/loop-b', redirect('/loop-a'));
    for (let i = 0; i < 7; i++) site.route(`/hop${i}`, redirect(`/hop${i + 1}`));
    site.route('/hop7', send(newsPage('End of the line', ['It took seven hops.'])));
    site.route('/via', redirect('/story', 301));
    site.route('/huge-declared', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * 1024 ** 3) });
      res.write('<html>');
    });
    site.route('/huge-stream', (_req, res) => {
      // 5 GB in 64 KB chunks, written only as fast as the reader takes them.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 5 * 1024 ** 3 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    site.route(
      '/gzip-bomb',
      send(gzipSync(Buffer.alloc(50 * 1024 * 1024, ' ')), 'text/html', { 'content-encoding': 'gzip' }),
    );
    site.route('/gzip-nothing', (_req, res) => {
      // Empty gzip members, end to end: megabytes on the wire that decompress to no bytes at all.
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      const members = Buffer.concat(Array(4000).fill(gzipSync(Buffer.alloc(0))));
      const pump = () => {
        while (!res.destroyed) if (!res.write(members)) return void res.once('drain', pump);
      };
      pump();
    });
    site.route(
      '/gzipped',
      send(gzipSync(Buffer.from(newsPage('Packed', ['"Small on the wire," said Ida Brandt.']))), 'text/html', {
        'content-encoding': 'gzip',
      }),
    );
    site.route('/never-ends', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The story begins');
    });
    site.route(
      '/latin1',
      send(
        Buffer.from(newsPage('Caf\u00e9 reopens', ['"We missed it," said Zo\u00eb Fairweather.']), 'latin1'),
        'text/html; charset=iso-8859-1',
      ),
    );
    site.route(
      '/cp1252',
      send(
        Buffer.concat([
          Buffer.from('<html><head><meta charset="windows-1252"><title>Q</title></head><body><p>'),
          Buffer.from([0x93]),
          Buffer.from('Quoted'),
          Buffer.from([0x94]),
          Buffer.from('</p></body></html>'),
        ]),
        'text/html',
      ),
    );
    site.route('/etag', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT',
        })
        .end('<rss/>');
    });
    site.route(
      '/feed.xml',
      send('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', 'application/rss+xml'),
    );
    site.route('/data.json', send('{"a":1}', 'application/json'));
    pub.route('/to-loopback', redirect(site.url('/secret')));
    pub.route('/to-ten', redirect('http://10.0.0.5/admin'));
    pub.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
    pub.route('/to-private-name', redirect('http://intranet.test/'));
    pub.route('/to-file', redirect('file:///etc/passwd'));
    pub.route('/fine', send(newsPage('Public story', ['"All clear," said Ona Varga.'])));
  });
  afterAll(async () => {
    await site?.close();
    await pub?.close();
  });

  it('fetches a page, follows a redirect, and says where it ended up', async () => {
    const got = await safeFetch(site.url('/via'), OPEN);
    expect(got.url).toBe(site.url('/story'));
    expect(got.mediaType).toBe('text/html');
    expect(got.body.toString()).toContain('Mara Quell');
    expect(site.hits.find((h) => h.path === '/story')?.headers['user-agent']).toMatch(/^whosaid\//);
  });

  it('refuses 127.0.0.1 with private addresses not allowed, before connecting', async () => {
    const before = site.hits.length;
    const err = await failure(safeFetch(site.url('/secret')));
    expect(err.code).toBe('refused-address');
    expect(err.message).toBe('127.0.0.1 is a loopback address; only public addresses are fetched');
    expect(site.hits.length).toBe(before);
  });

  it('refuses 10.x, 169.254.169.254, [::1], localhost spelt as a number, and non-http schemes', async () => {
    expect((await failure(safeFetch('http://10.0.0.5/admin'))).message).toBe(
      '10.0.0.5 is a private address; only public addresses are fetched',
    );
    expect((await failure(safeFetch('http://169.254.169.254/latest/meta-data/'))).message).toBe(
      '169.254.169.254 is a cloud metadata address; only public addresses are fetched',
    );
    expect((await failure(safeFetch(`http://[::1]:${site.port}/secret`))).message).toBe(
      '::1 is a loopback address; only public addresses are fetched',
    );
    expect((await failure(safeFetch(`http://[::ffff:127.0.0.1]:${site.port}/`))).code).toBe('refused-address');
    expect((await failure(safeFetch(`http://2130706433:${site.port}/secret`))).message).toBe(
      '127.0.0.1 is a loopback address; only public addresses are fetched',
    );
    expect((await failure(safeFetch('file:///etc/passwd'))).message).toBe(
      'only http and https links are fetched, not file',
    );
    expect((await failure(safeFetch('gopher://example.com/'))).code).toBe('bad-url');
    expect((await failure(safeFetch('http://user:pw@example.com/'))).message).toBe(
      'links with a user name or password are not fetched',
    );
    expect((await failure(safeFetch('not a link'))).message).toBe('that is not a web address');
  });

  it('refuses a name that resolves to a private address (a test DNS), and one with any private answer', async () => {
    // The address a name resolves to is not told: it would map the bot's own network for whoever asks.
    const resolver: Resolver = async (host) =>
      host === 'intranet.test'
        ? [{ address: '10.1.2.3', family: 4 }]
        : host === 'mixed.test'
          ? [
              { address: '93.184.216.34', family: 4 },
              { address: '192.168.1.9', family: 4 },
            ]
          : host === 'home.test'
            ? [{ address: '127.0.0.1', family: 4 }]
            : [];
    expect((await failure(safeFetch('http://intranet.test/', { resolver }))).message).toBe(
      'intranet.test resolves to a private address; only public addresses are fetched',
    );
    expect((await failure(safeFetch('http://mixed.test/', { resolver }))).message).toBe(
      'mixed.test resolves to a private address; only public addresses are fetched',
    );
    const before = site.hits.length;
    expect((await failure(safeFetch(`http://home.test:${site.port}/secret`, { resolver }))).message).toBe(
      'home.test resolves to a loopback address; only public addresses are fetched',
    );
    expect(site.hits.length).toBe(before);
    // localhost through the system's resolver too.
    expect((await failure(safeFetch(`http://localhost:${site.port}/secret`))).code).toBe('refused-address');
  });

  it('at most 2 name lookups at once: a name made slow on purpose cannot hold every libuv thread', async () => {
    // The system's lookup (getaddrinfo) holds one of libuv's 4 threads until DNS answers, cannot be
    // called off, and SQLite's queries need the same threads.
    let now = 0;
    let peak = 0;
    const slow: Resolver = async () => {
      peak = Math.max(peak, ++now);
      await new Promise((r) => setTimeout(r, 200));
      now--;
      return [{ address: '10.0.0.9', family: 4 }];
    };
    const errors = await Promise.all(
      Array.from({ length: 6 }, (_, n) => failure(safeFetch(`http://slow${n}.test/`, { resolver: slow }))),
    );
    expect(errors.map((e) => e.code)).toEqual(Array(6).fill('refused-address'));
    expect(peak).toBe(2);
  });

  it('refuses a redirect from a public site to a private address, each hop checked', async () => {
    const asPublic = {
      treatAsPublic: ['127.0.0.2'],
      resolver: (async () => [{ address: '10.9.9.9', family: 4 }]) as Resolver,
    };
    expect((await safeFetch(pub.url('/fine'), asPublic)).body.toString()).toContain('Ona Varga');
    const secretHits = site.count('/secret');
    expect((await failure(safeFetch(pub.url('/to-loopback'), asPublic))).message).toBe(
      '127.0.0.1 is a loopback address; only public addresses are fetched',
    );
    expect(site.count('/secret')).toBe(secretHits);
    expect((await failure(safeFetch(pub.url('/to-ten'), asPublic))).message).toBe(
      '10.0.0.5 is a private address; only public addresses are fetched',
    );
    expect((await failure(safeFetch(pub.url('/to-metadata'), asPublic))).message).toMatch(
      /^169\.254\.169\.254 is a cloud metadata address/,
    );
    expect((await failure(safeFetch(pub.url('/to-private-name'), asPublic))).message).toBe(
      'intranet.test resolves to a private address; only public addresses are fetched',
    );
    expect((await failure(safeFetch(pub.url('/to-file'), asPublic))).message).toBe(
      'only http and https links are fetched, not file',
    );
  });

  it('the connected socket is checked too: a connection that reached loopback is refused', async () => {
    const server: Server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const socket = createConnection({ host: '127.0.0.1', port });
    await new Promise((r) => socket.once('connect', r));
    expect(socketProblem(socket, 'looks-public.test', addressPolicy(false))?.message).toBe(
      'looks-public.test resolves to a loopback address; only public addresses are fetched',
    );
    expect(socketProblem(socket, 'x', addressPolicy(true))).toBeNull();
    socket.destroy();
    server.close();
  });

  it('stops at 5 redirects, and names a loop', async () => {
    expect((await failure(safeFetch(site.url('/hop0'), OPEN))).message).toBe('more than 5 redirects');
    expect((await safeFetch(site.url('/hop2'), OPEN)).url).toBe(site.url('/hop7'));
    expect((await failure(safeFetch(site.url('/loop-a'), OPEN))).message).toBe('the redirects go round in a loop');
  });

  it('a 5 GB response: refused from its declared length, or streamed and dropped at the size limit', async () => {
    const limit = { ...OPEN, maxBytes: 1024 * 1024 };
    expect((await failure(safeFetch(site.url('/huge-declared'), limit))).message).toBe(
      'the response is larger than 1 MB',
    );
    const t0 = Date.now();
    const heap0 = process.memoryUsage().rss;
    const err = await failure(safeFetch(site.url('/huge-stream'), limit));
    expect(err.message).toBe('the response is larger than 1 MB');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().rss - heap0).toBeLessThan(200 * 1024 * 1024);
    expect((await failure(safeFetch(site.url('/gzip-bomb'), limit))).message).toBe('the response is larger than 1 MB');
    expect((await safeFetch(site.url('/gzipped'), limit)).body.toString()).toContain('Ida Brandt');
  });

  it('the size limit holds on the wire too: a compressed body that inflates to nothing is dropped at it', async () => {
    const t0 = Date.now();
    const err = await failure(
      safeFetch(site.url('/gzip-nothing'), { ...OPEN, maxBytes: 1024 * 1024, timeoutMs: 10_000 }),
    );
    expect(err.message).toBe('the response is larger than 1 MB');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a response that never ends is given up at the time limit', async () => {
    const t0 = Date.now();
    const err = await failure(safeFetch(site.url('/never-ends'), { ...OPEN, timeoutMs: 300 }));
    expect(err.message).toBe('no complete answer within 0.3 s');
    expect(err.code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('accepts HTML, XML and JSON only', async () => {
    expect((await failure(safeFetch(site.url('/png'), OPEN))).message).toBe(
      'it is image/png, not an HTML, XML or JSON document',
    );
    expect((await failure(safeFetch(site.url('/text'), OPEN))).message).toBe(
      'it is text/plain, not an HTML, XML or JSON document',
    );
    expect((await failure(safeFetch(site.url('/untyped'), OPEN))).message).toBe('the site did not say what it sent');
    expect((await safeFetch(site.url('/feed.xml'), OPEN)).mediaType).toBe('application/rss+xml');
    expect((await safeFetch(site.url('/data.json'), OPEN)).mediaType).toBe('application/json');
    // A page is HTML: a feed or JSON given as a page is named for what it is.
    expect((await failure(fetchPage(site.url('/feed.xml'), OPEN))).message).toBe(
      'it is a feed, not a page: follow it as a feed instead',
    );
    expect((await failure(fetchPage(site.url('/data.json'), OPEN))).message).toBe(
      'it is application/json, not a web page',
    );
  });

  it('a 429 says how long to wait (Retry-After); other errors say the status', async () => {
    const err = await failure(safeFetch(site.url('/busy'), OPEN));
    expect(err.code).toBe('rate-limited');
    expect(err.retryAfterMs).toBe(120_000);
    expect(err.message).toBe('the site asked to wait (HTTP 429, retry after 120 s)');
    expect((await failure(safeFetch(site.url('/gone'), OPEN))).message).toBe('the site answered HTTP 410');
  });

  it('sends If-None-Match and reports a 304 as not modified', async () => {
    const first = await safeFetch(site.url('/etag'), OPEN);
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' });
    const again = await safeFetch(site.url('/etag'), { ...OPEN, etag: first.etag, lastModified: first.lastModified });
    expect(again.notModified).toBe(true);
    expect(site.hits.at(-1)?.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 10:00:00 GMT');
  });

  it('pages come back as UTF-8, whatever charset the site declared', async () => {
    expect((await fetchPage(site.url('/latin1'), OPEN)).html.toString()).toContain(
      '"We missed it," said Zo\u00eb Fairweather.',
    );
    expect((await fetchPage(site.url('/cp1252'), OPEN)).html.toString()).toContain('\u201cQuoted\u201d');
  });
});

describe('address classes', () => {
  it('names loopback, private, link-local, metadata and reserved addresses, in every IPv6 spelling', () => {
    const cases: Array<[string, string | null]> = [
      ['127.0.0.1', 'a loopback address'],
      ['127.255.0.9', 'a loopback address'],
      ['10.0.0.1', 'a private address'],
      ['172.16.0.1', 'a private address'],
      ['172.31.255.255', 'a private address'],
      ['172.32.0.1', null],
      ['192.168.1.1', 'a private address'],
      ['100.64.0.1', 'a private address'],
      ['169.254.169.254', 'a cloud metadata address'],
      ['169.254.3.4', 'a link-local address'],
      ['0.0.0.0', 'a reserved address'],
      ['224.0.0.1', 'a reserved address'],
      ['8.8.8.8', null],
      ['::1', 'a loopback address'],
      ['::', 'a reserved address'],
      ['::ffff:127.0.0.1', 'a loopback address'],
      ['::ffff:a00:1', 'a private address'],
      ['64:ff9b::a9fe:a9fe', 'a cloud metadata address'],
      ['2002:c0a8:101::1', 'a private address'],
      ['fe80::1%eth0', 'a link-local address'],
      ['fd00:ec2::254', 'a cloud metadata address'],
      ['fc00::5', 'a private address'],
      ['2606:4700:4700::1111', null],
      ['::ffff:8.8.8.8', null],
      // IPv4-translated (SIIT), deprecated IPv4-compatible, and local-use NAT64, whose IPv4 can sit
      // elsewhere than the last four bytes: none of them is where a public site lives.
      ['::ffff:0:7f00:1', 'a loopback address'],
      ['::ffff:0:808:808', 'a reserved address'],
      ['::2', 'a reserved address'],
      ['::8.8.8.8', 'a reserved address'],
      ['64:ff9b:1:a00:0:1:808:808', 'a private address'],
      ['64:ff9b::808:808', null],
    ];
    for (const [address, why] of cases) expect([address, addressProblem(address)]).toEqual([address, why]);
  });
});
