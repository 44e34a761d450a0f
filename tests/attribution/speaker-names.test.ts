// How speakers' names are formed: the owner of a role is its whole name when it is no person's ("Brightwell
// Foods's spokeswoman", not "Foods's"); a role noun capitalised before a given name and a surname describes the
// person ("Forecaster Bilal Chaudry" is Bilal Chaudry); a post-nominal ("KC", "MP", "Jr.") ends no surname and is
// no one alone ("The local MP, Gareth Pryce,"). Short made-up articles.
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { buildLibrary } from '../../src/library/index.js';
import { whoSaid } from '../helpers.js';

describe('speaker names', () => {
  it('the owner of a role is the whole name of a company or a place, a person by their surname', () => {
    const story = [
      'Yoghurt recalled',
      '',
      'A batch of yoghurt was withdrawn from shops on Monday.',
      '',
      '“We are acting out of caution,” a spokeswoman for Brightwell Foods said.',
      '',
      '“The public should not be worried,” a Downing Street spokesman said.',
      '',
      'Mayor Helen Marsh called a meeting. “We will get answers,” a spokesman for Helen Marsh said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['We are acting out of caution,', "Brightwell Foods's spokeswoman"],
      ['The public should not be worried,', "Downing Street's spokesman"],
      ['We will get answers,', "Marsh's spokesman"],
    ]);
  });

  it('a capitalised role before a given name and a surname is no part of the name; titles stay titles', () => {
    const story = [
      'Storm warning',
      '',
      'Forecaster Bilal Chaudry said the storm would arrive on Friday. “It will be a rough night,” Chaudry said.',
      '',
      'Harbourmaster Colin Trent said boats had been moved. “We have secured the moorings,” he said.',
      '',
      'In the town, Manager Ruth Abernethy closed the shop early. “Safety comes first,” Abernethy said.',
      '',
      '“Expect flooding,” the forecaster added.',
      '',
      'President Obama spoke later. “Stay safe,” Obama said. Dr Amara Obi agreed. “Please stay in,” Dr Obi said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['It will be a rough night,', 'Bilal Chaudry'],
      ['We have secured the moorings,', 'Colin Trent'],
      ['Safety comes first,', 'Ruth Abernethy'],
      ['Expect flooding,', 'Bilal Chaudry'],
      ['Stay safe,', 'Obama'],
      ['Please stay in,', 'Amara Obi'],
    ]);
  });

  it('a post-nominal is no speaker alone and keeps the surname the full name', () => {
    const story = [
      'Bypass plan rejected',
      '',
      'The local MP, Gareth Pryce, said he would fight the decision. “This is a betrayal,” he said.',
      '',
      'Sarah Quennell KC, representing residents, called the inquiry flawed. “The process was unfair,” Quennell said.',
      '',
      'Councillor Tom Hale Jr. backed the plan. “It is needed,” Hale said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['This is a betrayal,', 'Gareth Pryce'],
      ['The process was unfair,', 'Sarah Quennell KC'],
      ['It is needed,', 'Tom Hale Jr'],
    ]);
  });
  it('"Former Vermont Gov. Lena Marsh": a qualifier, a place and a title before the name are all titles', () => {
    const story = [
      'Party rules under review',
      '',
      'Former Vermont Gov. Lena Marsh, who chaired the party in 2004, said the rules should wait.',
      '',
      '“There is no chance the convention will be moved,” she said in an interview.',
    ];
    expect(whoSaid(story)).toEqual([['There is no chance the convention will be moved,', 'Lena Marsh']]);
  });
  it('a surname misspelt by one letter is the only person it can be ("Wimes" … "Wines")', () => {
    const story = [
      'Caucus warns campaign',
      '',
      '“The campaign is in panic mode,” said Leslie Wimes, president of the women’s caucus.',
      '',
      'Wines believes the campaign took voters for granted.',
      '',
      '“They have a big problem now,” she said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['The campaign is in panic mode,', 'Leslie Wimes'],
      ['They have a big problem now,', 'Leslie Wimes'],
    ]);
  });
  it('an apposition with a slash or an ampersand in it still describes the speaker', () => {
    const { articles } = parseArticleBytes(
      Buffer.from(
        [
          'Streaming service launches',
          '',
          'Lena Voss, research director of gaming VR/AR at the market research firm Quill, sees the lineup as weak.',
          '',
          '“The games are the Achilles heel,” Voss said.',
        ].join('\n'),
      ),
      'story.txt',
      '',
    );
    const voss = buildLibrary(articles).speakers.find((s) => s.name === 'Lena Voss');
    expect(voss?.descriptions).toEqual(['research director of gaming VR/AR at the market research firm Quill']);
  });
  it('"He Lifeng, the vice premier, said": the surname He before a given name is part of the name', () => {
    expect(
      whoSaid([
        'Trade talks resume',
        '',
        '“Without a deal, exports will fall,” said He Lifeng, the vice premier.',
        '',
        'Wang Yi met the envoy on Monday. He said the talks were “constructive.”',
      ]),
    ).toEqual([
      ['Without a deal, exports will fall,', 'He Lifeng'],
      ['constructive.', 'Wang Yi'],
    ]);
  });
});
