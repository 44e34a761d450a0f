// Reported speech (indirect.ts), on short articles of our own: a cue set between commas inside what was
// said reports it, and the quote opening the next paragraph continues that speaker.
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { buildLibrary } from '../../src/library/index.js';
import { whoSaid } from '../helpers.js';

function reported(lines: string[]): Array<[string, string | null]> {
  const { articles } = parseArticleBytes(Buffer.from(lines.join('\n')), 'story.txt', '');
  return buildLibrary(articles)
    .quotes.filter((q) => q.kind === 'indirect')
    .map((q) => [q.text, q.speaker]);
}

describe('reported speech with its cue inside', () => {
  const story = [
    'Convention push',
    '',
    'Okafor wants a new nominee. Rather, he said, continued struggles by the campaign will rally support.',
    '',
    '“To my knowledge, there is no heavy-hitter as yet involved.”',
  ];

  it('reads the clause around "he said" as what was said, without the cue', () => {
    expect(reported(story)).toEqual([['continued struggles by the campaign will rally support', 'Okafor']]);
    expect(reported(['Budget', '', 'Costs will rise next year, Mayor Lin said, because fuel is dear again.'])).toEqual([
      ['Costs will rise next year because fuel is dear again', 'Lin'],
    ]);
  });

  it('lets the quote opening the next paragraph continue that speaker', () => {
    expect(whoSaid(story)).toEqual([['To my knowledge, there is no heavy-hitter as yet involved.', 'Okafor']]);
  });

  it('takes no list of names and plural nouns for a cue', () => {
    expect(
      reported(['Court fight', '', 'The groups will face the agency, 18 states, and a number of cities in court.']),
    ).toEqual([]);
  });
});
