// "She" after someone the article never names ("one mother", "a woman") is that person, not a capitalised
// thing named in between: a name after "a" ("a Bowling Alley") is a kind of thing, and one word after a
// preposition that never acts ("on Pinterest") is a place or a service. Short made-up articles.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

const story = (who: string) => [
  'Teens and their pages',
  '',
  `${who} learned that her son was posing as a Bowling Alley on Pinterest. ` +
    '“I had no idea his address was there for anyone to read,” she said.',
];

describe('an unnamed person, not a thing named in between, is "she"', () => {
  it.each([
    // "one mother, who … a Bowling Alley on Pinterest": "she said" is the mother.
    ['Our reporter spoke to one mother, who', 'a mother'],
    // "Rosa Lindgren, a mother of two, …": an apposition is the named woman, not someone else.
    ['Rosa Lindgren, a mother of two,', 'Rosa Lindgren'],
  ])('"%s …": "she said" is %s', (who, speaker) => {
    const said = whoSaid(story(who));
    expect(said.length).toBe(1);
    expect(said[0][1]).toBe(speaker);
  });
});
