import { describe, expect, it } from 'vitest';
import { FEED_ITEMS_READ, FeedParseError, parseFeedBytes } from '../../src/feeds/parse.js';
import { parseFeedInWorker } from '../../src/feeds/worker.js';
import { atom, jsonFeed, rss, type Item } from './make.js';

const BASE = 'https://news.example/feed.xml';
const items: Item[] = [
  { id: 'a', link: 'https://news.example/a', title: 'Older story', date: '2026-11-28T09:00:00Z' },
  { id: 'b', link: '/b?utm_source=rss', title: 'Newer story & more', date: '2026-11-30T09:00:00Z' },
  { id: 'c', link: 'https://news.example/c', title: 'Undated story' },
];

describe('reading feeds', () => {
  it('RSS 2.0, Atom and JSON Feed give the same items: newest first, links made absolute', () => {
    for (const [kind, doc] of [
      ['rss', rss('Daily', items)],
      ['atom', atom('Daily', items)],
      ['json', jsonFeed('Daily', items)],
    ] as const) {
      const feed = parseFeedBytes(Buffer.from(doc), null, BASE);
      expect(feed.format).toBe(kind);
      expect(feed.title).toBe('Daily');
      expect(feed.items.map((i) => [i.key, i.link, i.title])).toEqual([
        ['b', 'https://news.example/b?utm_source=rss', 'Newer story & more'],
        ['a', 'https://news.example/a', 'Older story'],
        ['c', 'https://news.example/c', 'Undated story'],
      ]);
      expect(feed.items[0].published).toBe(Date.parse('2026-11-30T09:00:00Z'));
    }
  });

  it('RSS 1.0 (RDF) and items without a usable link', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example/"><title>R</title><link>https://news.example/</link></channel>
<item rdf:about="https://news.example/r1"><title>R one</title><link>https://news.example/r1</link></item>
<item rdf:about="javascript:alert(1)"><title>Bad</title><link>javascript:alert(1)</link></item></rdf:RDF>`;
    const feed = parseFeedBytes(Buffer.from(rdf), null, BASE);
    expect(feed.items.map((i) => i.link)).toEqual(['https://news.example/r1']);
    expect(feed.total).toBe(2);
  });

  it('malformed XML, an HTML page and empty bytes are refused with the reason', () => {
    const broken =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>' +
      '<item><title>Unclosed<link>x</link></item></channel>';
    for (const doc of [broken, '<html><body><p>hello</p></body></html>', '', '{"not": "a feed"}']) {
      expect(() => parseFeedBytes(Buffer.from(doc), null, BASE)).toThrow(FeedParseError);
    }
    expect(() => parseFeedBytes(Buffer.from(broken), null, BASE)).toThrow(/^not a feed I can read \(/);
  });

  it('an entity bomb is not expanded, and external entities are not read', () => {
    const lol = Array.from({ length: 6 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lollollol">${lol}]>
<rss version="2.0"><channel><title>&l6;</title>
<item><title>&l6;</title><link>https://news.example/b</link></item></channel></rss>`;
    const t0 = Date.now();
    let titles: Array<string | null> = [];
    try {
      titles = parseFeedBytes(Buffer.from(bomb), null, BASE).items.map((i) => i.title);
    } catch (err) {
      expect(err).toBeInstanceOf(FeedParseError);
    }
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(titles.join('').length).toBeLessThan(100);
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&x;</title><link>https://news.example/x</link></item></channel></rss>`;
    let leaked = '';
    try {
      leaked = JSON.stringify(parseFeedBytes(Buffer.from(xxe), null, BASE));
    } catch (err) {
      expect(err).toBeInstanceOf(FeedParseError);
    }
    expect(leaked).not.toContain('root:');
  });

  it('a feed of 10,000 items is read in a worker thread and cut to the newest 200', async () => {
    const many: Item[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `n${i}`,
      link: `https://news.example/s/${i}`,
      title: `Story ${i}`,
      date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    const doc = Buffer.from(rss('Firehose', many));
    // The thread that answers Discord keeps running while it is parsed.
    let ticks = 0;
    const tick = setInterval(() => ticks++, 10);
    const feed = await parseFeedInWorker(doc, null, BASE);
    clearInterval(tick);
    expect(feed.total).toBe(10_000);
    expect(feed.items).toHaveLength(FEED_ITEMS_READ);
    expect(feed.items[0].key).toBe('n9999');
    expect(ticks).toBeGreaterThan(5);
  });

  it('a worker that runs past its time limit is stopped', async () => {
    await expect(parseFeedInWorker(Buffer.from(rss('x', items)), null, BASE, 1)).rejects.toThrow(
      /^the feed took longer than 0\.001 s to read$/,
    );
  });
});
