// What-said questions by role on a short mining story of our own: a role no speaker is described by
// finds the quotes told of where the article speaks of it; a name inside a role is matched as a name.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import type { Library } from '../../src/library/index.js';
import { makeLibrary } from '../discord/library.js';

function minesLibrary(): Library {
  return makeLibrary(
    [
      {
        id: 'mine-safety',
        title: 'Mine inspections to double after the Carver pit flood',
        paragraphs: [
          'Inspections of deep mines will double next year, officials announced on Monday.',
          'The director of the Bureau of Mines, Rosa Lindqvist, spoke to reporters after a hearing.',
          '“Every pit will be inspected twice a year from January,” she said.',
          '“We saw the water coming and nobody listened,” said a worker at the Carver pit, Sam Ode.',
          '“Our fleet will be ready for the spring,” said Dana Pike, chief operating officer of Pike Haulage.',
          '“The union will ask for a safety audit,” said Lou Grant, a spokesman for the miners’ union.',
          '“Close the Carver pit now,” Grant told the MSA inspectors about the pits.',
          '“Pits will be checked by the MSA every spring,” an MSA spokesman said.',
        ],
      },
    ],
    [
      { id: 'ode', name: 'Sam Ode', aliases: ['Ode'], descriptions: ['a worker at the Carver pit'] },
      { id: 'pike', name: 'Dana Pike', aliases: ['Pike'], descriptions: ['chief operating officer of Pike Haulage'] },
      { id: 'grant', name: 'Lou Grant', aliases: ['Grant'], descriptions: ['a spokesman for the miners’ union'] },
    ],
    [
      // The attribution left her quote without a speaker: only the story says who she is.
      { article: 'mine-safety', text: 'Every pit will be inspected twice a year from January,', speaker: null },
      { article: 'mine-safety', text: 'We saw the water coming and nobody listened,', speaker: 'ode' },
      { article: 'mine-safety', text: 'Our fleet will be ready for the spring,', speaker: 'pike' },
      { article: 'mine-safety', text: 'The union will ask for a safety audit,', speaker: 'grant' },
      { article: 'mine-safety', text: 'Close the Carver pit now,', speaker: 'grant' },
      { article: 'mine-safety', text: 'Pits will be checked by the MSA every spring,', speaker: null },
    ],
  );
}

describe('what-said by role', () => {
  let library: Library;
  const ask = (q: string) => answerQuestion(library, q);
  beforeAll(() => {
    library = minesLibrary();
  });

  it('a role no speaker is described by: the quotes where the article speaks of it, no one named', () => {
    const a = ask('What did the Bureau of Mines director say about inspections?');
    expect(a.intent).toBe('what_said');
    expect(a.message).toMatch(/^No speaker is described as the Bureau of Mines director; the quotes where/);
    expect(a.answers[0]).toMatchObject({ speaker: null, quote: expect.stringMatching(/^Every pit/) });
  });

  it('a name inside a role is matched as a name, not through its words’ synonyms (bureau ≠ office)', () => {
    const a = ask('What did the head of the Bureau of Mines say?');
    expect(a.answers.some((x) => x.speaker === 'Dana Pike')).toBe(false);
  });

  it('a kind of the role fits it (a chief operating officer is an executive), and so does another gender', () => {
    expect(ask('What did the Pike Haulage executive say?').answers[0].speaker).toBe('Dana Pike');
    expect(ask('What did the union spokeswoman say?').answers[0].speaker).toBe('Lou Grant');
    expect(ask('What did the union spokesperson say?').answers[0].speaker).toBe('Lou Grant');
  });

  it('an organisation asked by name is not a speaker who only mentions it', () => {
    // Grant speaks of the MSA; the MSA's own spokesman is left unattributed by the attribution.
    const a = ask('What did the MSA say about the pits?');
    expect(a.message).toMatch(/^No speaker is described as the MSA; the quotes where the articles speak of/);
    expect(a.answers.map((x) => x.quote)).toContain('Pits will be checked by the MSA every spring,');
  });

  it('the role noun must be near the quote: a worker at the pit is not its owner', () => {
    const quotes = (q: string) => ask(q).answers.filter((x) => x.kind !== 'passage');
    expect(quotes('What did the Carver pit owner say?')).toHaveLength(0);
    expect(quotes('What did the harbour master say?')).toHaveLength(0);
  });
});
