// Words quoted from a document (a post, an email, a statement): whose the document is says who speaks.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe('documents that introduce a quote', () => {
  it("a name's post or email speaks for its owner, not for the site it is on", () => {
    expect(
      whoSaid([
        'Governor backs rival',
        '',
        'Former governor Tom Halvers said on Tuesday he would back Senator Ruth Kellam in the primary.',
        '',
        'Aides say Halvers plans to campaign for Kellam. From Halvers\'s Facebook post: "For the good of our ' +
          'state, we must come together behind one candidate."',
      ]),
    ).toEqual([['For the good of our state, we must come together behind one candidate.', 'Tom Halvers']]);
    expect(
      whoSaid([
        'Senator raises money for allies',
        '',
        'Senator Paul Okafor is raising money for several candidates in state races this year.',
        '',
        'Okafor\'s fundraising email to his supporters notes that the mayor "is a fighter for working families."',
      ]),
    ).toEqual([['is a fighter for working families.', 'Paul Okafor']]);
  });

  it('a statement named and described before a quote that opens the next paragraph: its issuer speaks', () => {
    expect(
      whoSaid([
        'Party apologizes to senator',
        '',
        'The party chairwoman announced Sunday she will resign after the convention.',
        '',
        'On Monday, the Harbor Party issued a statement apologizing to Senator Kellam for the messages, which ' +
          'included staff members mocking her.',
        '',
        '"On behalf of everyone at the party, we want to offer a sincere apology to Senator Kellam."',
      ]),
    ).toEqual([
      ['On behalf of everyone at the party, we want to offer a sincere apology to Senator Kellam.', 'Harbor Party'],
    ]);
  });

  it('a past tense after "that" and a noun is the verb of a relative clause, not a noun after "that"', () => {
    expect(
      whoSaid([
        'Plan would favor the rich',
        '',
        'As the novelist Tom Brandt warned decades ago, people keep falling for it.',
        '',
        'Which brings me to Senator Ruth Kellam. The Harbor Times recently ran a piece that noted her "tax plan ' +
          'would benefit affluent households more than poorer ones."',
      ]),
    ).toEqual([['tax plan would benefit affluent households more than poorer ones.', 'The Harbor Times']]);
  });

  it('"the company" that wrote a statement is the business named just before', () => {
    expect(
      whoSaid([
        'Listing pulled',
        '',
        'A notice posted on the website Tradeway.com said listings are made by users and can be removed.',
        '',
        '"No one at the website has any relationship with the seller," the company wrote in its statement.',
      ]),
    ).toEqual([['No one at the website has any relationship with the seller,', 'Tradeway.com']]);
  });
});
