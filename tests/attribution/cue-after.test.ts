// Cues after the quote (cue-after.ts), on short articles of our own: how far past the quote the source may
// stand, and what may follow its verb.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe('cues after the quote', () => {
  it('a name and a long apposition before the verb, even with plural nouns in it', () => {
    expect(
      whoSaid([
        'Candidate praises reporter',
        '',
        'The senator praised a local reporter at a press conference in Hanahan, South Carolina on Monday.',
        '',
        '“Very good reporter, very good reporter this guy,” Okonkwo, the 2016 party frontrunner nationally and ' +
          'current polling leader in South Carolina by a wide margin after winning the New Hampshire primaries, ' +
          'said when a reporter asked him a question.',
      ]),
    ).toEqual([['Very good reporter, very good reporter this guy,', 'Okonkwo']]);
    // A capitalised word, then an unknown verb in -s, then more: no name and apposition, no source.
    expect(
      whoSaid(['Singer at rally', '', '“Stand up,” Blige sings to the senator before asking her to dance.']),
    ).toEqual([['Stand up,', null]]);
  });

  it('further on, the source and its verb may end on where the words were written', () => {
    expect(
      whoSaid([
        'Records case goes on',
        '',
        '"If the agency finds more records, it intends to search them for records" that answer the requests, ' +
          'Justice Department senior trial counsel Carla Ann Whitmore wrote in a filing.',
      ]),
    ).toEqual([['If the agency finds more records, it intends to search them for records', 'Carla Ann Whitmore']]);
    // A verb that is no cue of these words: "spoke before the council" is something else the mayor did.
    expect(
      whoSaid([
        'Teachers rally',
        '',
        '“We want a fair wage for every teacher,” in a school hallway, the mayor Tom Bright spoke before the council.',
      ]),
    ).toEqual([['We want a fair wage for every teacher,', null]]);
  });
});
