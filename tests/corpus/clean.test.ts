import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanBlocks, loadCorpus, parseArticleBytes } from '../../src/corpus/index.js';
import type { Article } from '../../src/types.js';
import { needing } from '../requirements.js';
import { POLNEAR, POLNEAR_DIR, SEED_DIR, SEED_ID } from '../helpers.js';

const flat = (s: string) =>
  s
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u202D\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('cleaning the seed article', () => {
  let article: Article;
  beforeAll(async () => {
    const { articles, warnings } = await loadCorpus(SEED_DIR);
    expect(warnings).toEqual([]);
    article = articles.find((a) => a.id === SEED_ID)!;
  });

  it('keeps the story and ends with the Farnesina note', () => {
    expect(article.title).toMatch(/^Kazakhstan, spokesman for the former leader Nazarbayev/);
    expect(article.text.startsWith(`${article.title}\n\nThe specter of the conspiracy hovers`)).toBe(true);
    expect(article.paragraphs[0]).toMatchObject({ index: 0, start: 0, end: article.title.length, title: true });
    expect(article.text.endsWith('to stop the use of force in the country”, reads a note.')).toBe(true);
    expect(article.paragraphs).toHaveLength(7);
  });

  it('drops the banner, navigation, disclaimer, teasers and share counters', () => {
    for (const furniture of [
      'Support ilfattoquotidiano',
      'Your contribution',
      'Become a Supporter',
      'Peter Gomez',
      'Previous Article',
      'Ramy Shaath',
      'have been indexed',
      'Related Posts',
      'Saakashvili',
      'thumbnail',
      'Read More',
      'Bom dia',
      'Mortars explode',
      'G20 Dorong',
      'GP crisis',
      'Index Of News',
      'Share',
      'Total',
    ]) {
      expect(article.text, furniture).not.toContain(furniture);
    }
  });

  it('locates every paragraph in the cleaned text', () => {
    for (const p of article.paragraphs) {
      expect(p.end).toBeGreaterThan(p.start);
      expect(article.text.slice(p.start, p.end)).not.toMatch(/\n/);
    }
  });
});

describe('cleaning generic page furniture', () => {
  it('drops a related-stories block to the end, read-more links and banners of any site', () => {
    const out = cleanBlocks([
      ['The minister said on Monday that the talks had failed and that new elections would follow soon.'],
      ['“We have done everything we could,” she told reporters outside the parliament in the capital.'],
      ['Subscribe now: your subscription keeps our newsroom independent. Become a member today.'],
      ['Continue reading the full story'],
      ['You might also like'],
      ['Another story entirely, with a long teaser that reads like an article and ends in a full stop.'],
      ['Read more'],
    ]);
    expect(out).toEqual([
      'The minister said on Monday that the talks had failed and that new elections would follow soon.',
      '“We have done everything we could,” she told reporters outside the parliament in the capital.',
    ]);
  });

  it('keeps stories about donations and supporters', () => {
    const lines = [
      'Q: Donald Trump supporters, Bernie Sanders supporters, are reflecting a lot of middle-class anxiety.',
      'Sanders asked supporters to “donate $3 to our campaign now to condemn Donald Trump’s remarks.”',
    ];
    expect(cleanBlocks(lines.map((l) => [l]))).toEqual(lines);
  });
});

describe('cleaning huge pages', () => {
  // Each pass over the lines is linear; the former look-ahead passes were quadratic and never finished this.
  it('reads a quarter of a million short lines, share counters and trailing chrome in one pass each', () => {
    const story = ['The minister said on Monday that the talks had failed and that new elections would follow soon.'];
    const more = ['The opposition said on Tuesday that it would take part in the new elections after all.'];
    const blocks = [
      story,
      ['Share'],
      ...Array.from({ length: 100_000 }, (_, i) => [`Short line ${i}`]),
      ['Advertisement'],
      more,
      ...Array.from({ length: 50_000 }, (_, i) => [i % 2 ? 'Share' : `${i}`]),
      ...Array.from({ length: 100_000 }, (_, i) => [`Another short line ${i}`]),
    ];
    expect(cleanBlocks(blocks)).toEqual([story[0], more[0]]);
  });
});

needing('shared').describe('cleaning PolNeAR', () => {
  let articles: Article[];
  beforeAll(async () => {
    const result = await loadCorpus(POLNEAR_DIR);
    articles = result.articles;
    expect(result.warnings).toEqual([]);
  });

  it('loads all 924 articles', () => {
    expect(articles).toHaveLength(924);
    expect(readdirSync(POLNEAR_DIR).filter((f) => f.endsWith('.txt'))).toHaveLength(924);
  });

  it('loses no line but read-more, follow-us, sign-up and credit lines', () => {
    const lost: string[] = [];
    for (const a of articles) {
      const kept = flat(a.text);
      const raw = readFileSync(join(POLNEAR_DIR, `${a.id}.txt`), 'utf8')
        .split('\n')
        .slice(1)
        .map(flat)
        .filter(Boolean);
      for (const line of raw) if (!kept.includes(line)) lost.push(line);
    }
    expect(lost.length).toBeLessThan(60);
    const toReader = /^"?(read|see|watch|subscribe|for more|also on|huffpollster via email|want to receive)\b/i;
    const signUp = /\bfollow\b.*\btwitter\b|\bsign up\b|\bemail us\b|\bsend tips\b/i;
    const credit = /^\((additional )?reporting by\b|\bcontributed to this (report|story)\.$/i;
    for (const line of lost) expect(toReader.test(line) || signUp.test(line) || credit.test(line), line).toBe(true);
  });

  it('keeps the content of every annotated attribution', () => {
    const byId = new Map(articles.map((a) => [a.id, flat(a.text)]));
    const missing: string[] = [];
    for (const split of ['train', 'dev']) {
      for (const line of readFileSync(join(POLNEAR, `${split}-attributions.jsonl`), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const g = JSON.parse(line) as { article: string; content: string; quotes: string[] };
        const text = byId.get(g.article)!;
        // Contents can be discontinuous (a quote broken by its cue); each quoted piece and the opening
        // words of the content must be there.
        const openings = flat(g.content)
          .split(/(?<=[”"'])\s+(?=[“"'])/)
          .map((part) => part.split(' ').slice(0, 6).join(' '));
        for (const piece of [...g.quotes.map(flat), ...openings]) {
          if (!text.includes(piece)) missing.push(`${g.article}: ${piece}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('control characters in a file', () => {
  const ESC = '\u001b';
  const page =
    `<html><head><title>Bridge ${ESC}[2J${ESC}]0;owned\u0007 news</title></head><body><article>` +
    `<p>The mayor said: “We will reopen the bridge in May, whatever the weather does to us.”${ESC}[31m</p>` +
    '<p>Council members said the \u202Erepairs\u202C had cost more than planned and taken two years.</p>' +
    '</article></body></html>';

  it('keeps no escape sequence, bell or bidi override in the title, the text or the byline', () => {
    const text = `Bridge\u0007 news\n\nThe mayor said: “We will reopen the bridge in May.” ${ESC}[2J Done.\n`;
    for (const [name, bytes] of [
      ['page.html', page],
      ['note.txt', text],
    ] as const) {
      const { articles } = parseArticleBytes(new TextEncoder().encode(bytes), name);
      expect(articles).toHaveLength(1);
      const a = articles[0];
      for (const field of [a.title, a.text, a.byline ?? ''])
        expect(field).not.toMatch(/[\u0000-\u0008\u000E-\u001F\u007F\u202D\u202E]/);
      expect(a.text).toContain('We will reopen the bridge in May');
    }
  });
});
