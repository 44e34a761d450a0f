// Cues before the quote (cue-before.ts), on short articles of our own: a sentence of its own that ends in
// its cue introduces the quote opening the next one; a sentence that says more does not.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe('cues before the quote', () => {
  it('a lead sentence ending in its cue, or a verb of stance, gives the quote after it its source', () => {
    expect(
      whoSaid([
        'Race tightens',
        '',
        '"It is a two-person race in the state now," said Carl Rowe, editor of the Valley Courier.',
        '',
        'Pollster Dana Whitfield agreed. "Mainstream candidates are running out of time to find a way back."',
        '',
        'Sam Ortiz, the communications director for the state party said in a statement. “There are no ballots ' +
          'left to recount.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Carl Rowe', 'Dana Whitfield', 'Sam Ortiz']);
  });

  it('a sentence that only narrates what someone did leaves the quote after it unattributed', () => {
    expect(
      whoSaid([
        'Town hall in Hudson',
        '',
        'Rosa Delgado praised the governor’s leadership in the aftermath of the storm and his record in office.',
        '',
        '“We need someone who is going to cut through the noise and bring people together.”',
      ]),
    ).toEqual([['We need someone who is going to cut through the noise and bring people together.', null]]);
  });

  it('a participle after a verb of saying set between commas takes that verb’s subject, not the sentence’s', () => {
    expect(
      whoSaid([
        'Budget talks resume',
        '',
        'The mayor and the council will meet again on Monday, spokeswoman Irene Vasquez said, adding, “They ' +
          'have to settle the library money first.”',
        '',
        'Councillor Omar Healy wants the vote delayed until spring, Dale Pruitt added, saying it should be “up ' +
          'to the voters in the end.”',
        '',
        'Healy cannot call the plan “a done deal,” Pruitt went on, saying it was “still open to every ' +
          'resident who turns up.”',
      ])
        .filter(([quote]) => quote.split(' ').length > 4)
        .map(([, speaker]) => speaker),
    ).toEqual(['Irene Vasquez', 'Dale Pruitt', 'Dale Pruitt']);
  });

  it('a time or setting between a name and its verb leaves the name the subject', () => {
    expect(
      whoSaid([
        'Nurses tour the state',
        '',
        'The union backs the senator. Okafor during a Sunday thanked its members “for their support in my run” ' +
          'and called the union “one of the best friends of my campaign.”',
        '',
        'Okafor in an interview said “we will win this state by a lot of votes.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Okafor', 'Okafor', 'Okafor']);
  });

  it('a verb inside a relative clause set off by commas is not the cue; the passive asking the question is', () => {
    expect(
      whoSaid([
        'Transit vote nears',
        '',
        'Mayor Tom Bell was asked by council member Ann Ruiz whether the new transit credits, which the city ' +
          'auditor estimates would cost $ 40 million, would risk “breaking the budget for a decade.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Ann Ruiz']);
  });

  it("a paragraph of its own that continues someone's remarks leads the quote after it, even after a quote", () => {
    expect(
      whoSaid([
        'Council split',
        '',
        '“Nobody asked the neighbors,” Karl Smith said at the meeting. “Nobody asked the shop owners either.”',
        '',
        'Smith continued his sharp remarks.',
        '',
        '“The plan is a disaster for the working people of this city, and everyone here knows it.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Karl Smith', 'Karl Smith', 'Karl Smith']);
  });

  it('a verb of saying in a clause after "after" or "when" reports the quote, not the verb before it', () => {
    expect(
      whoSaid([
        'Mill closure debated',
        '',
        'The union leader Nora Beale spoke at the gates on Friday morning to the workers on the early shift.',
        '',
        '“That is simply not what happened,” Beale posted after Hargrove claimed that “if the board had listened ' +
          'to me, the mill would still be open today.”',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Nora Beale', 'Hargrove']);
  });
});
