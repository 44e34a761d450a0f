// Attribution on news written the way other presses write it: single quote marks, "Sir Keir" for Keir
// Starmer, "a Department for Education spokesperson", "a spokeswoman for the Treasury". Short made-up
// articles, one habit each, since PolNeAR (US news) has none of them.
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { buildLibrary } from '../../src/engine/index.js';

function whoSaid(text: string): Array<[string, string | null]> {
  const { articles } = parseArticleBytes(Buffer.from(text), 'story.txt', '');
  return buildLibrary(articles).quotes.filter((q) => q.kind !== 'indirect').map((q) => [q.text, q.speaker]);
}

describe('attribution across press styles', () => {
  it('an article quoted with single marks', () => {
    expect(whoSaid([
      'Floods force thousands from homes',
      '',
      "'This is the worst flooding we have seen in a generation,' said Caroline Douglass, the agency's director.",
      '',
      "Local resident Margaret Hill, 74, said she had lost everything. 'We had ten minutes to get out,' she said.",
    ].join('\n'))).toEqual([
      ['This is the worst flooding we have seen in a generation,', 'Caroline Douglass'],
      ['We had ten minutes to get out,', 'Margaret Hill'],
    ]);
  });

  it('"Sir Keir" after "Keir Starmer" is the same person', () => {
    expect(whoSaid([
      'Labour attacks flood budget',
      '',
      'Labour leader Keir Starmer accused ministers of cutting budgets. “The government has been warned for years,” Sir Keir said.',
    ].join('\n'))).toEqual([['The government has been warned for years,', 'Keir Starmer']]);
  });

  it('the spokesperson of an organisation, written before or after the role', () => {
    expect(whoSaid([
      'Teachers vote to strike',
      '',
      'A Department for Education spokesperson said: “We have made a fair offer.”',
      '',
      'A spokeswoman for the Treasury said: “The figures speak for themselves.”',
    ].join('\n'))).toEqual([
      ['We have made a fair offer.', "Department for Education's spokesperson"],
      ['The figures speak for themselves.', "Treasury's spokeswoman"],
    ]);
  });
});
