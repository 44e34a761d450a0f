// Attribution on news written the way other presses write it: single quote marks, "Sir Keir" for Keir
// Starmer, "a Department for Education spokesperson", "a spokeswoman for the Treasury". Short made-up
// articles, one habit each, since PolNeAR (US news) has none of them.
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { buildLibrary } from '../../src/library/index.js';
import { whoSaid } from '../helpers.js';

describe('attribution across press styles', () => {
  it('an article quoted with single marks', () => {
    expect(
      whoSaid(
        [
          'Floods force thousands from homes',
          '',
          "'This is the worst flooding we have seen in a generation,' said Caroline Douglass, the agency's director.",
          '',
          "Local resident Margaret Hill, 74, said she had lost everything. 'We had ten minutes to get out,' she said.",
        ].join('\n'),
      ),
    ).toEqual([
      ['This is the worst flooding we have seen in a generation,', 'Caroline Douglass'],
      ['We had ten minutes to get out,', 'Margaret Hill'],
    ]);
  });

  it('"Sir Keir" after "Keir Starmer" is the same person', () => {
    expect(
      whoSaid(
        [
          'Labour attacks flood budget',
          '',
          'Labour leader Keir Starmer accused ministers of cutting budgets. “The government has been warned for years,” Sir Keir said.',
        ].join('\n'),
      ),
    ).toEqual([['The government has been warned for years,', 'Keir Starmer']]);
  });

  it('an interview set out as labelled lines: the named lines are quotes, questions and tallies are not', () => {
    expect(
      whoSaid(
        [
          "'We are not afraid': an interview with Maria Ressa",
          '',
          'Nobel laureate Maria Ressa spoke to us about press freedom.',
          '',
          'Q: Are you worried about your safety?',
          '',
          'Ressa: Every day. But fear is a choice, and I choose not to be afraid.',
          '',
          'Update: This interview was edited for length and clarity.',
          '',
          'Votes: 547.',
        ].join('\n'),
      ),
    ).toEqual([['Every day. But fear is a choice, and I choose not to be afraid.', 'Maria Ressa']]);
  });

  it('reported speech leaves out when and where it was said', () => {
    const { articles } = parseArticleBytes(
      Buffer.from(
        [
          'Budget deal passes',
          '',
          'The White House said in a statement that President Joe Biden would sign the bill on Friday.',
          '',
          'Anne Hidalgo, the mayor of Paris, insisted on Tuesday that the Seine would be clean enough for swimming.',
        ].join('\n'),
      ),
      'story.txt',
      '',
    );
    expect(buildLibrary(articles).quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['President Joe Biden would sign the bill on Friday', 'White House'],
      ['the Seine would be clean enough for swimming', 'Anne Hidalgo'],
    ]);
  });

  it('a heading in capitals is no one, and "Del." is a title (a delegate), not a name', () => {
    const said = whoSaid(
      [
        'Oz under fire',
        '',
        'Dr. Mehmet Oz hosts a television show.',
        '',
        'CONGRESS HAS INVESTIGATED HIM — Oz’s advice earned him the attention of Congress, where he appeared for saying that green coffee extract was a “magic weight loss cure for every body type.”',
        '',
        'Del. Stacey Plaskett said: “It’s a waste of time. It’s destroying this committee.”',
      ].join('\n'),
    );
    expect(said.map(([, speaker]) => speaker)).not.toContain('CONGRESS HAS INVESTIGATED HIM');
    expect(said.at(-1)).toEqual(['It’s a waste of time. It’s destroying this committee.', 'Stacey Plaskett']);
  });

  it('a noun the lexicon also knows as a verb ("press", "general") is part of the subject before a name', () => {
    expect(
      whoSaid(
        [
          'Obamacare fight',
          '',
          '“He acknowledged an openness to working with Democrats,” White House press secretary Josh Earnest said at a briefing Monday.',
          '',
          'Clinton "is the only candidate that has the experience to keep America safe," retired Air Force general Lloyd Newton said.',
        ].join('\n'),
      ),
    ).toEqual([
      ['He acknowledged an openness to working with Democrats,', 'Josh Earnest'],
      ['is the only candidate that has the experience to keep America safe,', 'Lloyd Newton'],
    ]);
  });

  it("a name's possessive before a quoted phrase and a noun for words said: Obama's “…” promise", () => {
    expect(
      whoSaid(
        [
          'Health care fight',
          '',
          'Barack Obama signed the law in 2010.',
          '',
          'It is the persistent pull of Obama\'s "if you like your plan, you can keep it" promise: many unions negotiated generous plans.',
        ].join('\n'),
      ),
    ).toEqual([['if you like your plan, you can keep it', 'Barack Obama']]);
  });

  it('"he" and "she" point to the actor, not to a name used as an owner or a modifier', () => {
    expect(
      whoSaid(
        [
          'Leave policy questioned',
          '',
          'Donald Trump announced the policy last week.',
          '',
          "Trump campaign spokesman Jason Miller told the Post that Trump's policy would extend to single mothers.",
          '',
          '"We don\'t have the exact legislation written down," he said.',
          '',
          "Ivanka Trump, the nominee's daughter, described the plan in an interview with a magazine.",
          '',
          "Economist Aparna Mathur, who studies tax policy at the American Enterprise Institute, said Ivanka Trump's statement did not clarify the matter.",
          '',
          '"I don\'t see details about who is left out, who is eligible," she said.',
        ].join('\n'),
      ),
    ).toEqual([
      ["We don't have the exact legislation written down,", 'Jason Miller'],
      ["I don't see details about who is left out, who is eligible,", 'Aparna Mathur'],
    ]);
  });

  it('a name never runs over a line break: a headline ending in a place, then a paragraph opening with a name', () => {
    expect(
      whoSaid(
        [
          'EU leaders meet in Brussels',
          '',
          'José Manuel Barroso, the former Commission president, said: “Europe must stand together.”',
        ].join('\n'),
      ),
    ).toEqual([['Europe must stand together.', 'José Manuel Barroso']]);
  });

  it('an institution the article names only by what it is speaks as written; "the campaign" does not', () => {
    expect(
      whoSaid(
        [
          'Strike closes ports',
          '',
          'The port authority said it was "deeply disappointed" by the strike.',
          '',
          'The campaign said it would "fight on to the convention" regardless.',
        ].join('\n'),
      ),
    ).toEqual([
      ['deeply disappointed', 'the port authority'],
      ['fight on to the convention', null],
    ]);
    // With no article, at a sentence's start or not, the police are the police.
    expect(
      whoSaid(
        [
          'Man charged after robbery',
          '',
          'Police said the suspect was arrested "near the scene of the robbery" on Friday.',
          '',
          'He was held overnight and would be questioned "in the coming days", police said.',
          '',
          'Prosecutors said he would appear "before magistrates on Monday" in Leeds.',
        ].join('\n'),
      ),
    ).toEqual([
      ['near the scene of the robbery', 'the police'],
      ['in the coming days', 'the police'],
      ['before magistrates on Monday', 'prosecutors'],
    ]);
  });

  it('"the German", "the Dutchman", "the 34-year-old": an epithet for the person just named, never a speaker of its own', () => {
    expect(
      whoSaid(
        [
          'Klopp to leave Liverpool',
          '',
          'Liverpool manager Jürgen Klopp has announced he will leave the club at the end of the season.',
          '',
          '"I am running out of energy," the German said in a video.',
          '',
          'Captain Virgil van Dijk was surprised. "Nobody saw this coming," the Dutchman told the BBC.',
          '',
          'Mohamed Salah joined in 2017. "He changed everything here," the 31-year-old said.',
        ].join('\n'),
      ),
    ).toEqual([
      ['I am running out of energy,', 'Jürgen Klopp'],
      ['Nobody saw this coming,', 'Virgil van Dijk'],
      ['He changed everything here,', 'Mohamed Salah'],
    ]);
  });

  it('a feature that calls people by their given name after naming them in full, names the lists lack', () => {
    expect(
      whoSaid(
        [
          'The nurses who keep the night shift going',
          '',
          "Oksana Melnyk, 42, has worked nights at St Mary's for eleven years.",
          '',
          '"It was hard at first," says Oksana.',
          '',
          'Her colleague Tunde Bakare, a charge nurse, agrees. "We are running on empty," Tunde says.',
        ].join('\n'),
      ),
    ).toEqual([
      ['It was hard at first,', 'Oksana Melnyk'],
      ['We are running on empty,', 'Tunde Bakare'],
    ]);
  });

  it('"in the words of" cues like "according to", and a role followed by its name gives the name', () => {
    expect(
      whoSaid(
        [
          'Tech giant faces fine',
          '',
          'As Commissioner Margrethe Vestager put it: "Competition is not a luxury."',
          '',
          'In the words of one analyst, Tom Riley of Bernstein, the fine is "a rounding error".',
          '',
          'According to an economist, Ana Ortiz, the market "shrugged it off".',
        ].join('\n'),
      ),
    ).toEqual([
      ['Competition is not a luxury.', 'Margrethe Vestager'],
      ['a rounding error', 'Tom Riley'],
      ['shrugged it off', 'Ana Ortiz'],
    ]);
  });

  it('a common noun opening the sentence before a name is not part of it ("Resident Jorge Alvarez")', () => {
    expect(
      whoSaid(
        [
          'Storm hits coast',
          '',
          'Resident Jorge Alvarez, 61, has lived on the coast all his life.',
          '',
          '"The water was up to my knees in minutes," said Alvarez.',
        ].join('\n'),
      ),
    ).toEqual([['The water was up to my knees in minutes,', 'Jorge Alvarez']]);
  });

  it('the spokesperson of an organisation, written before or after the role', () => {
    expect(
      whoSaid(
        [
          'Teachers vote to strike',
          '',
          'A Department for Education spokesperson said: “We have made a fair offer.”',
          '',
          'A spokeswoman for the Treasury said: “The figures speak for themselves.”',
        ].join('\n'),
      ),
    ).toEqual([
      ['We have made a fair offer.', "Department for Education's spokesperson"],
      ['The figures speak for themselves.', "Treasury's spokeswoman"],
    ]);
  });

  it('"footage of X asking", "the video shows X saying": the name before the participle speaks', () => {
    expect(
      whoSaid(
        [
          'Campaign ad goes after rival',
          '',
          'The new ad uses footage of Maria Delgado asking, “Why is nobody talking about rents?”',
          '',
          'A second video shows Owen Pratt saying: “We will build the houses this town needs.”',
        ].join('\n'),
      ),
    ).toEqual([
      ['Why is nobody talking about rents?', 'Maria Delgado'],
      ['We will build the houses this town needs.', 'Owen Pratt'],
    ]);
  });

  it('a month\'s abbreviation before its day ends no sentence: "told investors on Oct. 31 that … “…”"', () => {
    expect(
      whoSaid(
        [
          'Dairy merger approved',
          '',
          'Reed, who will chair the merged company, told investors on Oct. 31 that the merger would allow it' +
            ' “to return capital to shareholders through dividends.”',
        ].join('\n'),
      ),
    ).toEqual([['to return capital to shareholders through dividends.', 'Reed']]);
  });
  it('the reporter of a clause with a cue of its own: "Lund said that Oslo had concluded it was “…”"', () => {
    expect(
      whoSaid([
        'Harbour plan cleared',
        '',
        'Interior Minister Erik Lund said on Tuesday that after legal advice Oslo had concluded the new' +
          ' harbour was “not, per se, a risk to the coast”, adding that work could start in spring.',
      ]),
    ).toEqual([['not, per se, a risk to the coast', 'Erik Lund']]);
  });
  it('"allowed X to claim that … “…”": the name before "to" and the verb of saying is the source', () => {
    expect(
      whoSaid([
        'Ferry fares cut',
        '',
        'Falling fuel costs allowed Ingrid Solberg to claim that the ferry line would be “cheaper than the bus”' +
          ' by the summer.',
      ]),
    ).toEqual([['cheaper than the bus', 'Ingrid Solberg']]);
  });
  it('a capitalised subordinator opening the sentence is not part of the subject: "While some nurses chanted, “…”"', () => {
    expect(
      whoSaid([
        'Hospital strike spreads',
        '',
        'While some Ohio nurses chanted, “Safe staffing now,” in a hallway, the governor spoke about the budget.',
      ]),
    ).toEqual([['Safe staffing now,', 'some Ohio nurses']]);
  });
  it('two nationalities sharing a noun are one source: "the Greek and Turkish foreign ministries accused …"', () => {
    expect(
      whoSaid([
        'Border talks',
        '',
        'In a joint statement published on Monday, the Greek and Turkish foreign ministries accused smugglers of' +
          ' running “floating coffins” across the sea.',
        '',
        'Greek and Turkish officials said the talks were “a new start” for both countries.',
      ]),
    ).toEqual([
      ['floating coffins', 'the Greek and Turkish foreign ministries'],
      ['a new start', 'Greek and Turkish officials'],
    ]);
  });

  it('a clause after "when" is not what the verb before it reports: "He testified … when Hale told them to “…”"', () => {
    expect(
      whoSaid([
        'Inquiry hears of meeting',
        '',
        'Colonel Dan Ruiz told lawmakers it was his “duty” to report the call.',
        '',
        'He testified about a May meeting at the embassy when Hale told visiting officials they would need to' +
          ' “deliver” before any deal.',
      ]),
    ).toEqual([
      ['duty', 'Dan Ruiz'],
      ['deliver', 'Hale'],
    ]);
  });
  it('a party\'s members are a source and keep their capital: "Republicans said the bill was “…”"', () => {
    expect(whoSaid(['Budget vote', '', 'Republicans said the bill was “dead on arrival” in the Senate.'])).toEqual([
      ['dead on arrival', 'Republicans'],
    ]);
    expect(
      whoSaid(['Budget vote', '', 'Tories warned that the new levy would be “a tax on growth” for small firms.']),
    ).toEqual([['a tax on growth', 'Tories']]);
  });

  it('a participle phrase after the subject describes it: "Protesters marching through the streets chanted “…”"', () => {
    expect(
      whoSaid([
        'Curfew defied',
        '',
        'Protesters marching through the streets chanted “Whose streets? Our streets!” until nearly 2 a.m.',
        '',
        'Analysts surveyed by the newspaper said the rate rise was “almost certain” this year.',
      ]),
    ).toEqual([
      ['Whose streets? Our streets!', 'protesters'],
      ['almost certain', 'analysts'],
    ]);
  });
  it('"…, Ramsey, now the majority leader, who in 2010 said “…”": the name a relative clause hangs on', () => {
    const quoteOf = (line: string) => whoSaid(['Senate feud', '', line]);
    expect(
      quoteOf(
        'The president has had a frosty relationship with Mitch Ramsey, now the majority leader, who in 2010' +
          ' said the goal was to make him a “one-term president.”',
      ),
    ).toEqual([['one-term president.', 'Mitch Ramsey']]);
    expect(quoteOf('Mitch Ramsey in 2010 said the goal was to make the president a “one-term president.”')).toEqual([
      ['one-term president.', 'Mitch Ramsey'],
    ]);
  });
  it('a clause before a colon opened by "The" has no name for subject: the person it names speaks', () => {
    expect(
      whoSaid([
        'Poll',
        '',
        'The timing of the surge does not surprise pollster Mara Quinn: “Outsiders often rise early and fade.”',
      ]),
    ).toEqual([['Outsiders often rise early and fade.', 'Mara Quinn']]);
  });
  it('words owned by "his"/"her" are that person\'s: "her campaign speech called the plan “…”"', () => {
    expect(
      whoSaid([
        'Mayor race heats up',
        '',
        'Councillor Rita Olsen launched her bid for mayor on Monday.',
        '',
        'Her campaign speech called the harbour plan “a gift to developers” and promised a vote on it.',
      ]),
    ).toEqual([['a gift to developers', 'Rita Olsen']]);
  });
  it('"“A,” Rubio said: “B”": the cue that introduces the next quote is read for the one before too', () => {
    expect(
      whoSaid([
        'Debate night',
        '',
        'Both men vowed to be tougher on the border.',
        '',
        '"This is the lie that his campaign is built on," Rubio said: "That he is the only one who can win."',
      ]),
    ).toEqual([
      ['This is the lie that his campaign is built on,', 'Rubio'],
      ['That he is the only one who can win.', 'Rubio'],
    ]);
  });
});
