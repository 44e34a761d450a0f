// Questions asked as a user would, on a short article of our own with hand-made quotes (so that these
// tests read the question and answer stages, not attribution's): the answers a black-box run found wrong.
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { makeLibrary } from '../discord/library.js';

const FUNDING =
  '“We are losing money on every student we teach, and some of us will soon be spent,” ' +
  'said Elaine Marchetti, the vice-chancellor.';
const LIFELINE = 'Ellen Marsh, who leads a growers’ group, called the package “a lifeline, not a handout.”';

const library = makeLibrary(
  [{ id: 'funding', title: 'Universities warn of a funding crisis', paragraphs: [FUNDING, LIFELINE] }],
  [
    { id: 'marchetti', name: 'Elaine Marchetti', descriptions: ['the vice-chancellor'] },
    { id: 'marsh', name: 'Ellen Marsh' },
  ],
  [
    {
      article: 'funding',
      text: 'We are losing money on every student we teach, and some of us will soon be spent,',
      speaker: 'marchetti',
    },
    { article: 'funding', text: 'a lifeline, not a handout.', speaker: 'marsh' },
  ],
);

describe('who said words the corpus does not hold', () => {
  it('names no one when a word asked is in no article', () => {
    const a = answerQuestion(library, 'Who said "the money will be spent on rockets"?');
    expect(a.message).toMatch(/^No quote in the corpus says this \(“rockets” is in none of its articles\)/);
    expect(a.message).not.toMatch(/Marchetti/);
  });

  it('reads words without quotation marks as the asker’s own, which may use words the articles do not', () => {
    const a = answerQuestion(library, 'Who said the money will be spent on rockets?');
    expect(a.message).not.toMatch(/is in none of its articles/);
  });

  it('still names the speaker of words that are all in the corpus', () => {
    const a = answerQuestion(library, 'Who said "we are losing money on every student"?');
    expect(a.answers[0].speaker).toBe('Elaine Marchetti');
    expect(a.message).toMatch(/Elaine Marchetti/);
  });
});

describe('did X say …: words the quote denies', () => {
  it('says no when the quote holds the words but denies them', () => {
    const a = answerQuestion(library, 'Did Ellen Marsh say the package was a handout?');
    expect(a.verdict).toBe('no');
    expect(a.message).toBe('No: Ellen Marsh is quoted on this, but says the opposite about “handout”.');
    expect(a.answers[0].quote).toBe('a lifeline, not a handout.');
  });

  it('still says yes when both agree', () => {
    expect(answerQuestion(library, 'Did Ellen Marsh say the package was not a handout?').verdict).toBe('yes');
    expect(answerQuestion(library, 'Did Marsh call it a lifeline?').verdict).toBe('yes');
  });
});

describe('quotes about a subject', () => {
  const news = makeLibrary(
    [
      {
        id: 'surge',
        title: 'Coastal town braces for storm surge',
        paragraphs: [
          'Crews filled sandbags on Friday.',
          '“We are ready,” said Imogen Castle, the emergency planner.',
          '“The sea always finds the weakest wall,” said Colin Trent, the harbourmaster.',
        ],
      },
      {
        id: 'museum',
        title: 'Museum returns bronze sculptures',
        paragraphs: ['“These objects were taken by force,” said Samuel Adeyemi, the director.'],
      },
    ],
    [
      { id: 'castle', name: 'Imogen Castle' },
      { id: 'trent', name: 'Colin Trent' },
      { id: 'adeyemi', name: 'Samuel Adeyemi' },
    ],
    [
      { article: 'surge', text: 'We are ready,', speaker: 'castle' },
      { article: 'surge', text: 'The sea always finds the weakest wall,', speaker: 'trent' },
      { article: 'museum', text: 'These objects were taken by force,', speaker: 'adeyemi' },
    ],
  );

  it('are the quotes of the article whose title holds it, not a synonym’s in another sense elsewhere', () => {
    const a = answerQuestion(news, 'Quotes about the storm');
    expect(a.intent).toBe('topic');
    const speakers = a.answers.map((x) => x.speaker).filter(Boolean);
    expect(new Set(speakers)).toEqual(new Set(['Imogen Castle', 'Colin Trent']));
    expect(a.message).not.toMatch(/Adeyemi/);
  });
});

describe('what did the <role> say: what a speaker reports is not about them', () => {
  const court = makeLibrary(
    [
      {
        id: 'trial',
        title: 'Fund manager denies fraud',
        paragraphs: [
          'Sarah Quennell told the court that the defendant had “built a house of cards”.',
          '“The profits did not exist,” Quennell said.',
          '“A bad call is not a crime,” said the defendant, Victor Halloran.',
          'Fiona Mbeki, an analyst at Castle Bank, said investors had been waiting for cost cuts.',
          '“The market likes the savings,” Mbeki said.',
          '“I trusted him,” said one investor, Doreen Platt.',
        ],
      },
    ],
    [
      { id: 'quennell', name: 'Sarah Quennell' },
      { id: 'halloran', name: 'Victor Halloran' },
      { id: 'mbeki', name: 'Fiona Mbeki' },
      { id: 'platt', name: 'Doreen Platt' },
    ],
    [
      { article: 'trial', text: 'built a house of cards', speaker: 'quennell', kind: 'mixed' },
      { article: 'trial', text: 'The profits did not exist,', speaker: 'quennell' },
      { article: 'trial', text: 'A bad call is not a crime,', speaker: 'halloran' },
      { article: 'trial', text: 'investors had been waiting for cost cuts', speaker: 'mbeki', kind: 'indirect' },
      { article: 'trial', text: 'The market likes the savings,', speaker: 'mbeki' },
      { article: 'trial', text: 'I trusted him,', speaker: 'platt' },
    ],
  );

  it.each([
    ['What did the defendant say?', 'Victor Halloran'],
    ['What did the investor say?', 'Doreen Platt'],
  ])('%s → %s', (question, speaker) => {
    const a = answerQuestion(court, question);
    expect(a.answers[0]?.speaker).toBe(speaker);
  });
});

describe('what did the <qualified role> say', () => {
  const politics = makeLibrary(
    [
      {
        id: 'housing',
        title: 'Backbenchers revolt over housing bill',
        paragraphs: [
          '“This bill tears the heart out of local democracy,” said Harriet Okonkwo, the Labour MP for Eastfield.',
          'The MP said he would seek an urgent meeting.',
        ],
      },
    ],
    [
      { id: 'okonkwo', name: 'Harriet Okonkwo', descriptions: ['the Labour MP for Eastfield'] },
      // A speaker the articles left named by their role only.
      { id: 'mp', name: 'MP' },
    ],
    [
      { article: 'housing', text: 'This bill tears the heart out of local democracy,', speaker: 'okonkwo' },
      { article: 'housing', text: 'he would seek an urgent meeting', speaker: 'mp', kind: 'indirect' },
    ],
  );

  it('is the speaker the whole role describes, not one named by its last word', () => {
    expect(answerQuestion(politics, 'What did the Labour MP say?').answers[0]?.speaker).toBe('Harriet Okonkwo');
  });
});

describe('a question nothing answers', () => {
  const trial = makeLibrary(
    [{ id: 'trial', title: 'Fund manager on trial', paragraphs: ['“I made bad calls, and I regret them,” he said.'] }],
    [],
    [],
  );

  it('shows no passage that holds only its commonest word', () => {
    const a = answerQuestion(trial, 'Who said the moon is made of cheese?');
    expect(a.message).toBe('I found no quote with those words in the corpus.');
    expect(a.answers).toEqual([]);
  });

  it('still shows a passage that holds what was asked', () => {
    const a = answerQuestion(trial, 'Who said they made bad calls on the moon?');
    expect(a.answers[0]?.sentence).toMatch(/bad calls/);
    expect(a.answers.every((x) => x.speaker === null)).toBe(true);
  });
});
