// How the words naming a source are read when they carry titles, an apposition or an organisation, on short
// articles of our own.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe('the source phrase of a cue', () => {
  it('titles joined by "and" before a name belong to that one person', () => {
    expect(
      whoSaid([
        'Governor backs the ticket',
        '',
        '“He knows those towns,” said former Ohio Gov. and Party Finance Committee Chairman Walter Brindle.',
      ]),
    ).toEqual([['He knows those towns,', 'Walter Brindle']]);
  });
});
