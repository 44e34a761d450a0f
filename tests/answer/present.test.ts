import { describe, expect, it } from 'vitest';
import { excerpt, sharedArticle, shortTitle } from '../../src/answer/index.js';
import { closest, saidIt, SURE, LIKELY } from '../../src/answer/wording.js';
import type { AnswerItem } from '../../src/types.js';

const item = (over: Partial<AnswerItem> = {}): AnswerItem => ({
  speaker: 'Ann Author',
  speakerId: 'ann',
  speakerDescription: null,
  quote: 'One. Two.',
  sentence: 'One. Two.',
  article: { id: 'a', title: 'Title' },
  score: 1,
  confidence: 0.9,
  quoteId: 'a#1',
  kind: 'direct',
  paragraph: 1,
  ...over,
});

describe('what presentation shows of an answer', () => {
  it('a short quote is shown whole, its matching sentence marked', () => {
    const quote = 'We lost. We will come back next year.';
    expect(excerpt(item({ quote, match: [{ start: 9, end: 37 }] }))).toEqual([
      { text: 'We lost. ', marked: false },
      { text: 'We will come back next year.', marked: true },
    ]);
    expect(excerpt(item({ quote }))).toEqual([{ text: quote, marked: false }]);
  });

  it('a long quote keeps the matching sentences in full and trims the rest; a bound cuts at a word', () => {
    const first = 'A first sentence that goes on for quite a while about nothing much at all. '.repeat(3);
    const asked = 'The sentence that was asked about.';
    const quote = `${first}${asked} ${first.trim()}`;
    const pieces = excerpt(item({ quote, match: [{ start: first.length, end: first.length + asked.length }] }));
    expect(pieces.map((p) => p.text).join('')).toBe(`… ${asked} …`);
    expect(pieces.find((p) => p.marked)?.text).toBe(asked);
    const cut = excerpt(item({ quote }), 50);
    expect(cut).toHaveLength(1);
    expect(cut[0].text.length).toBeLessThanOrEqual(50);
    expect(cut[0].text).toMatch(/\w…$/);
  });

  it('titles lose a site name and are cut to 80 characters; a shared article is found', () => {
    expect(shortTitle('Bridge works near their end, the mayor says | The Riverside Courier')).toBe(
      'Bridge works near their end, the mayor says',
    );
    expect(shortTitle('Short - Site')).toBe('Short - Site');
    expect(shortTitle('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(sharedArticle([item(), item()])).toEqual({ id: 'a', title: 'Title' });
    expect(sharedArticle([item(), item({ article: { id: 'b', title: 'B' } })])).toBeNull();
  });

  it('the wording follows the attribution confidence: said it, most likely, not clear', () => {
    expect(saidIt(item({ confidence: SURE }))).toBe('Ann Author said it');
    expect(saidIt(item({ confidence: LIKELY }))).toBe('Most likely Ann Author said it');
    expect(saidIt(item({ confidence: LIKELY - 0.01 }))).toBe(
      'The corpus has this quote, but the article does not say clearly who said it (perhaps Ann Author)',
    );
    expect(saidIt(item({ speaker: null, confidence: null }))).toBe(
      'The corpus has this quote but does not say who said it',
    );
    expect(closest(item({ confidence: 0.5 }))).toBe("the closest is most likely Ann Author's");
    // A group named by a plural: "analysts'", not "analysts's"; a name ending in s keeps "'s".
    expect(closest(item({ speaker: 'analysts', confidence: SURE }))).toBe("the closest is analysts'");
    expect(closest(item({ speaker: 'Tom Burns', confidence: SURE }))).toBe("the closest is Tom Burns's");
  });
});
