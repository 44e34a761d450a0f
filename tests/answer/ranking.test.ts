// How a who-said question's words are weighed against a quote: its own words first, then the words of its
// sentence, then its paragraph; "not" as "n't". A short harbour story of our own, with hand-made quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import type { Library } from '../../src/library/index.js';
import { makeLibrary } from '../discord/library.js';

function harbourLibrary(): Library {
  return makeLibrary(
    [
      {
        id: 'harbour-theatre',
        title: 'The harbour theatre reopens',
        paragraphs: [
          'The old harbour theatre, where the sailing festival began sixty years ago, reopened on Friday.',
          'Its founder, the late captain Erik Lind, built the stage from the hull of his first boat.',
          '“I can feel my father here every time I walk in,” said Nora Lind, who runs the theatre today.',
          'Lind said she disliked the nickname “the ferry queen” and added, “I wince when people use it.”',
          '“Don’t give up on the old docks,” said Paul Hart, a councillor.',
          '“We will not give the docks to developers, but we must give up on the ferry,” said Ada Stone.',
        ],
      },
      {
        id: 'school-fair',
        title: 'School fair raises money for a new gym',
        paragraphs: [
          'The school fair drew a record crowd on Saturday.',
          '“My father taught me to sail when I was six,” said Ben Moss, a teacher at the school.',
        ],
      },
    ],
    [
      { id: 'nora', name: 'Nora Lind', aliases: ['Lind'], descriptions: ['who runs the theatre'] },
      { id: 'hart', name: 'Paul Hart', aliases: ['Hart'], descriptions: ['a councillor'] },
      { id: 'stone', name: 'Ada Stone', aliases: ['Stone'], descriptions: [] },
      { id: 'moss', name: 'Ben Moss', aliases: ['Moss'], descriptions: ['a teacher at the school'] },
    ],
    [
      { article: 'harbour-theatre', text: 'I can feel my father here every time I walk in,', speaker: 'nora' },
      { article: 'harbour-theatre', text: 'I wince when people use it.', speaker: 'nora' },
      { article: 'harbour-theatre', text: 'Don’t give up on the old docks,', speaker: 'hart' },
      {
        article: 'harbour-theatre',
        text: 'We will not give the docks to developers, but we must give up on the ferry,',
        speaker: 'stone',
      },
      { article: 'school-fair', text: 'My father taught me to sail when I was six,', speaker: 'moss' },
    ],
  );
}

describe('ranking a who-said question’s words', () => {
  let library: Library;
  const ask = (q: string) => answerQuestion(library, q);
  beforeAll(() => {
    library = harbourLibrary();
  });

  it('words of the story around a quote (its paragraph, the one before, the title) count, below its own words', () => {
    // Only "sense" ~ "feel" is in her quote; the captain and the theatre are in the story around it.
    const a = ask('who said she can sense the late captain at the harbour theatre?');
    expect(a.answers[0].speaker).toBe('Nora Lind');
    expect(a.answers[0].matched).toBe('loose');
    // Her own words still decide between quotes of one story.
    expect(ask('who said my father taught me to sail?').answers[0].speaker).toBe('Ben Moss');
  });

  it('a term the speaker is said to have used, in quote marks in the same sentence, frames the quote', () => {
    const a = ask('who winces at the "ferry queen" nickname?');
    expect(a.answers[0]).toMatchObject({ speaker: 'Nora Lind', matched: 'close' });
  });

  it('"not" as asked is "n’t" as printed', () => {
    expect(ask('who said not to give up on the old docks?').message).toBe('Paul Hart said it.');
  });

  it('what X said about Y: a quote with Y only in the story around it comes first, said so', () => {
    const a = ask('What did Nora Lind say about the captain?');
    expect(a.message).toBe('What Nora Lind said about captain:');
    expect(a.answers[0].quote).toMatch(/^I can feel my father/);
  });

  it('who was worried about …, who wasn’t …: read as who-said and answered with the speaker', () => {
    expect(ask('who was worried about giving the docks to developers?').answers[0].speaker).toBe('Ada Stone');
    expect(ask('who wasn’t giving up on the old docks?').answers[0].speaker).toBe('Paul Hart');
  });

  it('a runner-up nearly as close is named, and called the same quote only when it is', () => {
    expect(ask('who said ‘don’t give up’ on the docks?').message).toBe(
      'Paul Hart said it (or perhaps Ada Stone: their words are nearly as close).',
    );
  });

  it('a near spelling of a name answers only when that person spoke of the topic asked about', () => {
    expect(ask('What did Ada Stoen say about the ferry?').answers[0].speaker).toBe('Ada Stone');
    const a = ask('What did Ada Stoen say about the election?');
    expect(a.answers).toHaveLength(0);
    expect(a.message).toBe('No quotes from Ada Stoen in the corpus. Did you mean Ada Stone?');
  });

  it('what X said about Y: quotes on Y whose attribution is unsure come after X’s own, said so', () => {
    const unsure = harbourLibrary();
    const hart = unsure.quotes.findIndex((q) => q.speakerId === 'hart');
    const ask2 = (q: string) => answerQuestion(unsure, q);
    // Given to Paul Hart with confidence 0.9: his words, not shown as what Ada Stone said.
    expect(ask2('What did Ada Stone say about the docks?').answers.map((a) => a.speaker)).toEqual(['Ada Stone']);
    unsure.quotes[hart] = { ...unsure.quotes[hart], confidence: 0.5 };
    const a = ask2('What did Ada Stone say about the docks?');
    expect(a.answers.map((x) => x.speaker)).toEqual(['Ada Stone', 'Paul Hart']);
    expect(a.message).toBe(
      'What Ada Stone said about docks: (After theirs, quotes on it in the same articles whose speaker is unsure.)',
    );
    // The topic may be only in such a quote's sentence ("…, said Paul Hart, a councillor").
    const b = ask2('What did Ada Stone say about the councillor?');
    expect(b.answers[0]).toMatchObject({ speaker: 'Paul Hart', quote: 'Don’t give up on the old docks,' });
  });

  it('words asked that are mostly common: every quote holding their few terms is read for the word order', () => {
    // "kind" is the only term left of the words asked; forty short quotes hold it more densely than hers.
    const decoys = Array.from({ length: 40 }, (_, k) => `A kind crowd, kind and calm, came on day ${k + 1}.`);
    const target =
      'Were you with them or against them? With her, I just don’t see that same kind of moment at the ' +
      'mill, where the whole town still remembers the long night the roof burned down in the storm.';
    const crowd = makeLibrary(
      [{ id: 'mill', title: 'The mill town votes', paragraphs: [...decoys, target] }],
      [
        { id: 'vera', name: 'Vera Holm', aliases: ['Holm'], descriptions: [] },
        { id: 'otto', name: 'Otto Berg', aliases: ['Berg'], descriptions: [] },
      ],
      [
        ...decoys.map((text) => ({ article: 'mill', text, speaker: 'otto' })),
        { article: 'mill', text: target, speaker: 'vera' },
      ],
    );
    const a = answerQuestion(crowd, 'Who said "just don\'t see that same kind of"?');
    expect(a.answers[0]).toMatchObject({ speaker: 'Vera Holm', matched: 'exact' });
  });

  it('the story around a quote does not make an unrelated question match it', () => {
    const a = ask('who said the harbour theatre will close for good next winter?');
    expect(a.answers.every((x) => x.speaker === null || x.matched === 'loose')).toBe(true);
  });
});
