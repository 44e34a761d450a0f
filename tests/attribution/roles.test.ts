// Speakers named by what the article said of them: an age ("the 52-year-old"), a role set before the
// name ("Its chief executive, Dr Amara Obi,"), an office with its portfolio ("Health Secretary Wes
// Streeting"), a person of an organisation ("Insp Grace Okafor of Kent Police" is a woman, not the police),
// and a pronoun that is the subject of a cue with no source ("She noted …, saying “…”"). Short made-up
// articles.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe('speakers named by what the article says of them', () => {
  it('"the 52-year-old" is the person given as 52', () => {
    const story = [
      'Man jailed for arson',
      '',
      'Derek Lyle, 52, was jailed on Tuesday. Judge Helen Park said he had shown no remorse.',
      '',
      '“I am sorry for what I did,” the 52-year-old told the court.',
    ];
    expect(whoSaid(story)).toEqual([['I am sorry for what I did,', 'Derek Lyle']]);
  });

  it('a role before the name, and an office with its portfolio, name the person', () => {
    const story = [
      'Hospital waits',
      '',
      'Health Secretary Wes Streeting visited the hospital. Its chief executive, Dr Amara Obi, showed him round.',
      '',
      '“We are doing everything we can,” the chief executive said.',
      '',
      '“Waiting lists are falling,” the health secretary said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['We are doing everything we can,', 'Amara Obi'],
      ['Waiting lists are falling,', 'Wes Streeting'],
    ]);
  });

  it('a titled person "of" an organisation is a person, and "she" can be her', () => {
    const story = [
      'Storm damage',
      '',
      'Insp Grace Okafor of Kent Police said roads were closed. Her colleague, Sgt Tom Reed, was at the scene.',
      '',
      '“Please stay at home,” Insp Okafor said.',
      '',
      'Reed said crews were working through the night. “It is a mess out there,” he said.',
      '',
      '“Trees are down everywhere,” she added.',
    ];
    expect(whoSaid(story)).toEqual([
      ['Please stay at home,', 'Grace Okafor'],
      ['It is a mess out there,', 'Tom Reed'],
      ['Trees are down everywhere,', 'Grace Okafor'],
    ]);
  });

  it('a participle cue whose sentence has only a pronoun for subject', () => {
    const story = [
      'Council debates budget',
      '',
      'Councillor Ruth Ellis opened the debate on Monday. Mark Dunn, the treasurer, listened.',
      '',
      'She quickly turned to the roads, saying “the potholes are a disgrace to this town.”',
    ];
    expect(whoSaid(story)).toEqual([['the potholes are a disgrace to this town.', 'Ruth Ellis']]);
  });

  it('a headline opened by a name and a colon gives its quote to that name', () => {
    const story = [
      'Lopez: Budget Plan Is ‘A Recipe for Ruin’',
      '',
      'Senator Maria Lopez attacked the plan on Monday. “It will ruin the county,” she said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['A Recipe for Ruin', 'Maria Lopez'],
      ['It will ruin the county,', 'Maria Lopez'],
    ]);
  });

  it('"he" after a sentence opened by a role is the person given that role', () => {
    const story = [
      'PM defends housing plan',
      '',
      'Prime Minister Anthony Albanese defended the plan on Tuesday.',
      '',
      'Opposition Leader Peter Dutton said the plan would fail. “It is a con,” Mr Dutton told Sky News.',
      '',
      'The prime minister hit back. “He has no plan of his own,” he said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['It is a con,', 'Peter Dutton'],
      ['He has no plan of his own,', 'Anthony Albanese'],
    ]);
  });

  it('"Sarah and James Okoro": two people sharing a surname, told apart by the title\'s gender', () => {
    const story = [
      'Couple win lottery',
      '',
      'Sarah and James Okoro from Leeds won the jackpot on Saturday.',
      '',
      '“We could not believe it,” Mrs Okoro said.',
      '',
      '“I checked the ticket ten times,” Mr Okoro said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['We could not believe it,', 'Sarah Okoro'],
      ['I checked the ticket ten times,', 'James Okoro'],
    ]);
  });

  it('a surname shared in a family stays with the one the story is about after a relative named in passing', () => {
    const story = [
      'Mayor defends budget',
      '',
      'Mayor Alan Brightwater said on Monday that the city would balance its books. “We will not raise taxes,”' +
        ' Brightwater said.',
      '',
      'The Harbour Ledger accused Megan Brightwater, his daughter, of profiting from a parking contract, and' +
        ' ran a photo of Megan Brightwater at the depot.',
      '',
      '“My family has done nothing wrong,” Brightwater said on Tuesday.',
      '',
      'Megan Brightwater spoke to reporters later. “I did my job,” Brightwater said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['We will not raise taxes,', 'Alan Brightwater'],
      ['My family has done nothing wrong,', 'Alan Brightwater'],
      ['I did my job,', 'Megan Brightwater'],
    ]);
  });

  it('a name before a role and another name owns the role: "he" is the other one', () => {
    const story = [
      'Labour leads in new poll',
      '',
      'Keir Starmer spoke in Leeds on Monday. “We are ready,” Starmer said.',
      '',
      'On Tuesday, Starmer pollster Daniel Price presented the figures to reporters.',
      '',
      '“The numbers do not lie,” he said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['We are ready,', 'Keir Starmer'],
      ['The numbers do not lie,', 'Daniel Price'],
    ]);
  });
  it('"the farmer" after a quote of a speaker whose name has no known given name is that speaker', () => {
    const story = [
      'Orchards count the cost of a late frost',
      '',
      '“The blossom froze in a single night,” Ter Horst said, walking between the rows.',
      '',
      '“We will lose a third of the apples this year,” said the farmer.',
    ];
    expect(whoSaid(story)).toEqual([
      ['The blossom froze in a single night,', 'Ter Horst'],
      ['We will lose a third of the apples this year,', 'Ter Horst'],
    ]);
  });
  it('"She urged Mr. Harlan …, saying" is hers: a titled name after the verb is its object, not the subject', () => {
    const story = [
      'Growers ask for help',
      '',
      'In a letter in May, Dana Whitlock, the head of the growers association, said farms faced hard times.',
      'She urged Mr. Harlan to act within the month, saying “the season is slipping away from us.”',
    ];
    expect(whoSaid(story)).toEqual([['the season is slipping away from us.', 'Dana Whitlock']]);
  });
  it('a fuller form of a name keeps the generation the first form gave ("Jr.")', () => {
    const story = [
      'Builder fined over collapsed wall',
      '',
      'Harold Brandt Jr., 61, was fined on Monday after a garden wall fell onto a pavement in March.',
      '',
      '“I should have checked the footings myself,” Harold J. Brandt said outside the court.',
    ];
    expect(whoSaid(story)).toEqual([['I should have checked the footings myself,', 'Harold J. Brandt Jr.']]);
  });
});
