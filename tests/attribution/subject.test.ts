// The sentence's subject (subject.ts), which a participle or a colon with no source of its own takes, on
// short articles of our own.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe("a sentence's subject for a cue with no source of its own", () => {
  it('is the name right after a quote, not the one it told', () => {
    expect(
      whoSaid([
        'Reshuffle hinted',
        '',
        '“Everything. All of it is open,” Halvorsen told the Associated Press on Monday after hinting that “a new ' +
          'chief of staff” could come. “Every single job is open. I am looking at all of them.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Halvorsen', 'Halvorsen', 'Halvorsen']);
  });

  it('is the name after an opening phrase, even when the phrase ends in a word that can be a verb', () => {
    expect(
      whoSaid([
        'Transit plan',
        '',
        'In an attempt to make its point, the Valley Courier focuses on how many riders the buses were able ' +
          'to carry in a single hour: “In taking two hours to cross the town, the buses showed how little the ' +
          'plan has done.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Valley Courier']);
  });
});
