import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/text/quotemarks.js';
import type { Paragraph } from '../../src/types.js';

function quotes(...paragraphs: string[]): string[] {
  const text = paragraphs.join('\n\n');
  const ps: Paragraph[] = [];
  let at = 0;
  paragraphs.forEach((p, index) => {
    ps.push({ index, start: at, end: at + p.length });
    at += p.length + 2;
  });
  return findQuoteSpans(text, ps).map((s) => text.slice(s.start, s.end));
}

describe('quote marks', () => {
  it('pairs curly and straight marks, and NYT double apostrophes', () => {
    expect(quotes('“We will win,” he said. "Nobody can stop us," she added.')).toEqual([
      'We will win,',
      'Nobody can stop us,',
    ]);
    expect(quotes("''For me,'' he said, ''it is over.''")).toEqual(['For me,', 'it is over.']);
    expect(quotes('“The bridge will reopen in May,’’ Ruth Kaye told reporters. ‘‘Not before.’’')).toEqual([
      'The bridge will reopen in May,',
      'Not before.',
    ]);
  });

  it('keeps a short quotation nested in another with the same curly marks inside it', () => {
    expect(quotes('“I’d rather live in what he calls “chaos” than in his world.” ― Ana Ruiz')).toEqual([
      'I’d rather live in what he calls “chaos” than in his world.',
    ]);
    // Two quotes side by side, and a long inner stretch, are no nesting.
    expect(quotes('“Yes,” he said, “we will.” Then “no” came back.')).toEqual(['Yes,', 'we will.', 'no']);
  });

  it('keeps a curly quotation nested in a straight one, also when the straight one runs on', () => {
    expect(
      quotes(
        '"The board is not about “fair play” anymore. It is about power.',
        '"The latest case is the club suing the city over its “stadium tax,” which lets owners decide.',
        '"Enough."',
      ),
    ).toEqual([
      'The board is not about “fair play” anymore. It is about power.',
      'The latest case is the club suing the city over its “stadium tax,” which lets owners decide.',
      'Enough.',
    ]);
    // A straight mark that closes, then a curly pair: two quotes, not one.
    expect(quotes('"We won," she said, and the fans sang “Glory” all night.')).toEqual(['We won,', 'Glory']);
  });

  it('reads marks that face the wrong way or stand on the wrong side of a space', () => {
    expect(quotes('The dissident then accuses” the West of crimes ”by Nazarbayev.')).toEqual(['the West of crimes']);
    expect(
      quotes('“He is holding meetings with Tokayev “, is the official version, “he had a series of” calls.'),
    ).toEqual(['He is holding meetings with Tokayev', 'he had a series of']);
    expect(quotes('“It is important that civilians are safe, ”said Borrell.')).toEqual([
      'It is important that civilians are safe,',
    ]);
  });

  it('skips a stray mark rather than pairing everything after it wrongly', () => {
    expect(quotes('He said “and” invites all to gather “. Tokayev had a “long conversation” with Putin.')).toEqual([
      'and',
      'long conversation',
    ]);
  });

  it('keeps a quote left open at the end of a paragraph', () => {
    expect(quotes('Trump said: “We are going to win so much.', '“You are going to be so happy.”')).toEqual([
      'We are going to win so much.',
      'You are going to be so happy.',
    ]);
  });

  it('keeps nested single quotes and apostrophes inside the quotation', () => {
    expect(quotes('“He called it ‘a disaster’ and didn’t stop,” she said.')).toEqual([
      'He called it ‘a disaster’ and didn’t stop,',
    ]);
  });

  it('ignores marks inside markup', () => {
    expect(quotes('<tweet id="7711" author="@cspan">Wear "Make America Great" hats</tweet>.')).toEqual([
      'Make America Great',
    ]);
  });

  it('reads single marks as quotes in headlines, and in the body only when it has no double marks', () => {
    const text = 'Clinton blasts Trump over ‘deportation force’ idea';
    expect(
      findQuoteSpans(text, [{ index: 0, start: 0, end: text.length, title: true }]).map((s) =>
        text.slice(s.start, s.end),
      ),
    ).toEqual(['deportation force']);
    expect(quotes('Clinton blasts Trump over ‘deportation force’ idea', '“We will build it,” he said.')).toEqual([
      'We will build it,',
    ]);
  });

  it('reads an article quoted with single marks, British style, and leaves apostrophes alone', () => {
    expect(
      quotes(
        "'This is the worst flooding we have seen,' said Caroline Douglass, the agency's director.",
        "The farmers' union said members' losses could be large. It's the third flood this decade.",
        'Ms Douglass replied: ‘The defences did their job, but it wasn’t enough.’',
      ),
    ).toEqual(['This is the worst flooding we have seen,', 'The defences did their job, but it wasn’t enough.']);
    // A pair that is not clean (a mark read against its look) is an apostrophe's doing, not a quote.
    expect(quotes("Rock 'n' roll fans in the '90s said nothing.")).toEqual([]);
  });
});
