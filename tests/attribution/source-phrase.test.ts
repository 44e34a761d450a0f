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

  it('a lead sentence naming the words it introduces ("tweeted a warning.") cues the next quote', () => {
    expect(
      whoSaid([
        'Vote stirs reaction',
        '',
        'The vote drew notice from Ardent Mills, which opposed it. "We call on others to join us," the company ' +
          'tweeted.',
        '',
        'On the other side, Sen. Dana Kowalczyk (R-Ore.), a candidate for governor who has made the issue a ' +
          'centerpiece of her campaign, tweeted a warning. "Voters will remember this in November."',
      ]),
    ).toEqual([
      ['We call on others to join us,', 'Ardent Mills'],
      ['Voters will remember this in November.', 'Dana Kowalczyk'],
    ]);
  });

  it('a second verb after "but" shares the subject that opens the clause, up to its first verb', () => {
    const quotes = whoSaid([
      'Contractor defends its work',
      '',
      'The mayor praised the work of the firm on Monday.',
      '',
      'A spokesman for Harlow Systems declined to discuss the audit but said in a statement that "Harlow ' +
        'Systems handled this account like any other."',
    ]);
    expect(quotes).toEqual([['Harlow Systems handled this account like any other.', "Harlow Systems's spokesman"]]);
  });

  it('a passive verb of saying names its source after "by", not an issuer guessed from before', () => {
    const quotes = whoSaid([
      'Anchor visits the mayor',
      '',
      'Harbor Media confirmed that Lopez met with Mayor Diaz.',
      '',
      '"The results of that meeting will be revealed tonight," the statement read.',
      '',
      'While it is no surprise that Lopez would seek an interview with a mayor like Diaz, their relationship ' +
        'to date has been anything but cordial.',
      '',
      'Lopez first came under fire from Diaz over what he saw as unfair questions at a city debate. Since ' +
        'that time, Diaz has often gone after Lopez for what he sees as unfair reporting on her show The Ledger File.',
      '',
      'Based on the statement released by Harbor Media, it seems some convincing was needed on behalf of the ' +
        'chairman, who "has spoken to Diaz a few times over the past months" about the special.',
    ]);
    expect(quotes.at(-1)).toEqual(['has spoken to Diaz a few times over the past months', 'Harbor Media']);
  });

  it('a body named with title words ("the National First Ladies Library") is one organisation, no speaker', () => {
    const quotes = whoSaid([
      'Remembering a first lady',
      '',
      'The secret of Ruth, says Tom Alder, historian at the National First Ladies Library, is that she was ' +
        '"one of the most powerful first ladies of the era," not for her policy (think Eleanor Roosevelt and ' +
        'Edith Wilson) but for her "personal influence over who saw the president."',
    ]);
    expect(quotes).toEqual([
      ['one of the most powerful first ladies of the era,', 'Tom Alder'],
      ['personal influence over who saw the president.', 'Tom Alder'],
    ]);
  });
});
