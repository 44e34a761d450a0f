// Real pages in miniature: each test page is ours, built around one kind of furniture that news sites put
// inside or around the story, and checks that the story is whole and the furniture gone.
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/corpus/index.js';
import type { Article } from '../../src/types.js';

const PARAS = [
  'The city council voted on Tuesday to close the old harbour bridge for repairs that will last two years.',
  '“We had no choice, the steel is rusting from the inside,” said Mayor Elena Varga after the vote.',
  'Engineers found cracks in three of the main supports during an inspection carried out in the spring.',
  'Traders on the east bank said they feared losing customers who cross the river to reach the market.',
  '“A detour of forty minutes will hurt every shop on this street,” said Tomas Brandt, who sells bread there.',
  'The council promised a free ferry service while the works last and a fund for the businesses affected.',
  'Work on the first support is due to start in March, once the river has dropped after the winter rains.',
];

/** A page: the story's paragraphs with `extra` spliced in after paragraph `at`, inside an <article>. */
interface PageParts {
  head?: string;
  top?: string;
  extra?: string;
  at?: number;
  tail?: string;
  paras?: string[];
}

function page(opts: PageParts): string {
  const paras = (opts.paras ?? PARAS).map((p) => `<p>${p}</p>`);
  if (opts.extra) paras.splice(opts.at ?? 3, 0, opts.extra);
  return `<!doctype html><html><head>${opts.head ?? '<title>Harbour bridge to close for two years</title>'}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Harbour bridge to close for two years</h1>${opts.top ?? ''}${paras.join('\n')}</article>
${opts.tail ?? ''}</main>
<footer><p>Contact us at the newsroom, 1 Main Street. All rights reserved.</p></footer></body></html>`;
}

function load(html: string): Article {
  const { articles, warnings } = parseArticleBytes(Buffer.from(html), 'page.html');
  expect(warnings).toEqual([]);
  expect(articles).toHaveLength(1);
  return articles[0];
}

/** The article's body: its paragraphs after the title, one a line. */
const body = (a: Article) => a.text.slice(a.paragraphs[1].start).split('\n\n');

function expectWholeStory(a: Article): void {
  expect(body(a)).toEqual(PARAS);
}

describe('HTML: a heading inside the article', () => {
  it('"Related" with a few links in the middle drops the links, not the rest of the story', () => {
    const related = `<h3>Related</h3><ul><li><a href="/a">Ferry operators ask for more boats</a></li>
      <li><a href="/b">Market traders fear a quiet winter</a></li></ul>`;
    expectWholeStory(load(page({ extra: related })));
  });

  it('"More on this story" as a paragraph with links, without any class to go by', () => {
    const more = `<p><strong>More on this story</strong></p><p><a href="/c">Bridge inspection finds cracks</a></p>
      <p><a href="/d">What the closure means for commuters</a></p>`;
    expectWholeStory(load(page({ extra: more, at: 2 })));
  });

  it('a list of other stories after the end, with their summaries, goes whole', () => {
    const tail = `<div><h2>More stories</h2>
      <p><a href="/e">Harbour festival moves inland</a></p><p>The organisers found a new home in the park this year.</p>
      <p><a href="/f">New tram line opens in the north</a></p>
      <p>The line links the station with the university campus.</p></div>`;
    expectWholeStory(load(page({ tail })));
  });
});

describe('HTML: ad blocks, embeds and editor markup', () => {
  it('an in-article ad block and an embedded tweet do not end the article', () => {
    const ad = '<div class="ad-slot"><p>Advertisement</p><div id="gpt-ad-1"></div></div>';
    const tweet = `<blockquote class="twitter-tweet"><p>Bridge closed from today, plan your trips</p>
      — City Council (@citycouncil) <a href="https://twitter.com/x">March 3, 2020</a></blockquote>`;
    const a = load(page({ extra: `${ad}\n${tweet}`, at: 2 }));
    expect(body(a).filter((p) => PARAS.includes(p))).toEqual(PARAS);
    expect(a.text).not.toMatch(/Advertisement/);
  });

  it('hover cards and inline CSS are not glued into a paragraph', () => {
    const card = `<p>The vote was welcomed by <span class="person-hovercard"><a href="/p/varga">Elena Varga</a>
      <span class="hovercard-block"><img src="v.jpg"><a href="/x">Varga opens new school</a>
      <a href="/y">Varga on budget</a></span>
      </span>, who had called for it for months.<style>.hovercard{display:none}</style></p>`;
    const a = load(page({ extra: card }));
    expect(a.text).toContain('The vote was welcomed by Elena Varga , who had called for it for months.');
    expect(a.text).not.toMatch(/opens new school|display:none/);
  });

  it("an embed's fallback markup (iframe text, editor bookmarks) is not text", () => {
    const bookmark = '&lt;span data-mce-type="bookmark" class="mce_SELRES_start"&gt;&amp;#65279;&lt;/span&gt;';
    const embed = `<p><iframe src="https://video.example/embed/1">${bookmark}</iframe></p>`;
    const a = load(page({ extra: embed }));
    expectWholeStory(a);
    expect(a.text).not.toMatch(/mce_SELRES|data-mce/);
  });

  it('an "UP NEXT" box is not a NAME: line', () => {
    const a = load(page({ extra: '<p>UP NEXT: Ferry timetable for the new service</p>' }));
    expectWholeStory(a);
  });
});

describe('HTML: captions, credits, bylines, placeholders, boxes', () => {
  it('drops photo captions and credits, marked up or not', () => {
    const caption = '<figcaption>The bridge in 1990. Photo: Jane Doe/Reuters</figcaption>';
    const figure = `<figure><img src="a.jpg">${caption}</figure>`;
    const loose = [
      '<p>Photo: Jane Doe/Reuters</p>',
      '<p>Image: Getty</p>',
      '<p>MARIA KOWALSKA/AFP</p>',
      '<p>Workers inspect the supports of the bridge (Image: GETTY)</p>',
      '<p>A ferry waits at the east bank. (AP Photo/John Smith)</p>',
      '<div class="image-credit">Lars Olsen / Bridge Images</div>',
      '<p>Image</p>',
      '<p>Video</p>',
      '<p>Image 2 of 5</p>',
      '<p>In this March 3, 2020, file photo, a ferry crosses the river below the bridge.</p>',
    ].join('\n');
    const a = load(page({ extra: `${figure}\n${loose}`, at: 1 }));
    expectWholeStory(a);
  });

  it('drops the byline, the dateline, share and newsletter boxes, and teaser links', () => {
    const top = `<div class="byline">By Anna Berg and Piotr Nowak</div><p>Updated Mar 3, 2020, 9:41 AM</p>
      <div class="share-tools"><a>Facebook</a> <a>Twitter</a> <a>Email</a></div>`;
    const box = `<div class="newsletter-signup"><h4>Get the morning briefing</h4><p>Sign up for our newsletter and get
      the news in your inbox every day.</p></div><p><a href="/g">READ MORE: Why the bridge rusted</a></p>
      <p><a href="/h">CITY PLANS TRAM LINE ACROSS THE RIVER</a></p>`;
    const tail = `<p>Follow Anna Berg on Twitter @annaberg. Email her at anna.berg@example.com.</p>
      <p>Piotr Nowak contributed to this report.</p><p>(Reporting by Anna Berg; Editing by Piotr Nowak)</p>
      <p>Tuesday, 3 March 2020 at 9:41</p><div><h3>More Great Riverside Stories</h3><ul>
      <li><a href="/i">The ferry that never sank</a></li>
      <li><a href="/j">Ten bridges to see this spring</a></li></ul></div>`;
    const a = load(page({ top, extra: box, tail }));
    expectWholeStory(a);
  });

  it('keeps a story whose every paragraph quotes someone, and lines that only look like furniture', () => {
    const paras = [
      ...PARAS.slice(0, 3),
      'By the end of the year, the council said, the first of the new supports should be in place.',
      'Photographs taken by the engineers show the rust spreading along the main beam of the bridge.',
      ...PARAS.slice(3),
    ];
    expect(body(load(page({ paras })))).toEqual(paras);
  });
});

describe('HTML: the reader view', () => {
  it('finds the story, not a block of addresses that clears a low threshold, when the first pass misses it', () => {
    // Readability's first pass strips the story's column for its class ("extra"); a 300-character
    // table of addresses is then all it sees. At its default threshold it looks again and finds the story.
    const contact = `<div><p>Riverside Post newsroom, 1 Main Street, Riverside, telephone 555 0100, fax 555 0101, email
      newsroom at riverside post; advertising office, 3 Harbour Lane, Riverside, telephone 555 0200; subscriptions
      office, 5 Market Square, Riverside, telephone 555 0300, open on weekdays from nine to five.</p></div>`;
    const html = `<html><head><title>Harbour bridge to close for two years</title></head><body>
      <div class="layout-extra">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div>${contact}</body></html>`;
    expect(body(load(html)).slice(0, PARAS.length)).toEqual(PARAS);
  });
});

describe('HTML: lists', () => {
  it('keeps a list set line by line with <br>s, between a dateline and a web address', () => {
    const list = `<p>Tuesday, 3 March 2020 at 9:41</p><p>Closures by week:<br>Week 1: east ramp<br>Week 2: west ramp<br>
      Week 3: both lanes at night<br>Week 4: the footpath<br>Week 5: the cycle lane<br>Week 6: the north stairs<br>
      Week 7: the south stairs<br>Week 8: the lifts<br>Week 9: all lanes for the final checks of the new supports</p>
      <p>www.riversidepost.example</p>`;
    const a = load(page({ extra: list, at: 7 }));
    expect(a.text).toContain('Closures by week: Week 1: east ramp Week 2: west ramp');
    expect(a.text).not.toMatch(/9:41|www\./);
  });
});

describe('HTML: the title', () => {
  const story = (head: string, h1 = 'Harbour bridge to close for two years') =>
    page({ head }).replace('<h1>Harbour bridge to close for two years</h1>', h1 ? `<h1>${h1}</h1>` : '');

  it('takes og:title with the site name taken off', () => {
    const head = `<title>Harbour bridge to close for two years | The Riverside Post</title>
      <meta property="og:title" content="Harbour bridge to close for two years - The Riverside Post">
      <meta property="og:site_name" content="The Riverside Post">`;
    expect(load(story(head, '')).title).toBe('Harbour bridge to close for two years');
  });

  it('takes the <h1> over a site-wide default or a CMS name, and does not repeat it in the text', () => {
    const heads = [
      '<title>News from The Riverside Post</title>',
      '<title>Drupal</title>',
      `<title>Harbour bridge to close for two years</title>
        <meta property="og:title" content="News from The Riverside Post">
        <meta property="og:site_name" content="The Riverside Post">`,
    ];
    for (const head of heads) {
      const a = load(story(head));
      expect(a.title, head).toBe('Harbour bridge to close for two years');
      expectWholeStory(a);
    }
  });

  it('strips the site name told by the URL when the page names no site', () => {
    const head = `<title>Harbour bridge to close for two years - Riverside Post</title>
      <link rel="canonical" href="https://www.riversidepost.example/news/bridge">`;
    expect(load(story(head, '')).title).toBe('Harbour bridge to close for two years');
  });

  it('a drop cap does not become the title nor cut the first word', () => {
    const paras = [...PARAS];
    const dropCap = `<div class="dropcap">T</div><p>${paras[0].slice(1)}</p>`;
    const html = page({ paras: paras.slice(1), top: dropCap })
      .replace('<title>Harbour bridge to close for two years</title>', '<title>T</title>')
      .replace('<h1>Harbour bridge to close for two years</h1>', '<h1>Harbour bridge to close for two years</h1>');
    const a = load(html);
    expect(a.title).toBe('Harbour bridge to close for two years');
    expect(body(a)[0]).toBe(PARAS[0]);
    const inline = load(page({ paras: [`<span class="drop-cap">T</span>${PARAS[0].slice(1)}`, ...PARAS.slice(1)] }));
    expectWholeStory(inline);
  });
});

describe('HTML: other languages', () => {
  it('loads a page in another language as it is', () => {
    const paras = [
      'Le conseil municipal a voté mardi la fermeture du vieux pont du port pour des travaux de deux ans.',
      '« Nous n’avions pas le choix, l’acier rouille de l’intérieur », a déclaré la maire après le vote.',
      'Les ingénieurs ont trouvé des fissures dans trois des piliers principaux lors d’une inspection au printemps.',
      'Les commerçants de la rive est craignent de perdre les clients qui traversent le fleuve pour le marché.',
    ];
    const html = page({ paras, head: '<title>Le pont du port fermé pour deux ans</title>' }).replace(
      '<h1>Harbour bridge to close for two years</h1>',
      '<h1>Le pont du port fermé pour deux ans</h1>',
    );
    const a = load(html);
    expect(a.title).toBe('Le pont du port fermé pour deux ans');
    expect(body(a)).toEqual(paras);
  });
});
