// Feeds the tests serve: RSS 2.0, Atom and JSON Feed built from a list of items.
export interface Item {
  id: string;
  link: string;
  title: string;
  date?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: Item[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.id)}</guid>${
          i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ''
        }</item>`,
    )
    .join('\n');
  const head = `<rss version="2.0"><channel><title>${esc(title)}</title><link>https://news.example/</link>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n${head}\n${body}\n</channel></rss>`;
}

export function atom(title: string, items: Item[]): string {
  const body = items
    .map(
      (i) =>
        `<entry><title>${esc(i.title)}</title><id>${esc(i.id)}</id><link rel="alternate" href="${esc(i.link)}"/>${
          i.date ? `<updated>${i.date}</updated>` : ''
        }</entry>`,
    )
    .join('\n');
  const head = `<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:t</id>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n${head}\n${body}\n</feed>`;
}

export function jsonFeed(title: string, items: Item[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.id, url: i.link, title: i.title, ...(i.date ? { date_published: i.date } : {}) })),
  });
}
