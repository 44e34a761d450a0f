import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms } from '../../src/text/pipeline.js';
import { sentenceBounds, splitSentences } from '../../src/text/sentences.js';
import { seedLibrary, SEED_ID } from '../helpers.js';

const split = (t: string) => sentenceBounds(t).map(([a, b]) => t.slice(a, b));

describe('sentences', () => {
  it('survive abbreviations and initials', () => {
    expect(split('Mr. Smith went to Washington. He said no.')).toEqual([
      'Mr. Smith went to Washington.',
      'He said no.',
    ]);
    expect(split('The U.S. Senate met on Sept. 11 to vote. Sen. Ted Cruz spoke.')).toEqual([
      'The U.S. Senate met on Sept. 11 to vote.',
      'Sen. Ted Cruz spoke.',
    ]);
    expect(split('Mary J. Blige sang. M. Stanton Evans wrote it.')).toEqual([
      'Mary J. Blige sang.',
      'M. Stanton Evans wrote it.',
    ]);
    expect(split('He lives in the U.S. He moved there in 1990.')).toEqual([
      'He lives in the U.S.',
      'He moved there in 1990.',
    ]);
    expect(split('At 9 p.m. Trump spoke. At 10 p.m. the crowd left.')).toEqual([
      'At 9 p.m. Trump spoke.',
      'At 10 p.m. the crowd left.',
    ]);
  });

  it('keep a quoted sentence whole with its cue, and split after a closed quote', () => {
    expect(split('“Did he act first and avoid the coup?”, Kassenova speculates. Then it ended.')).toEqual([
      '“Did he act first and avoid the coup?”, Kassenova speculates.',
      'Then it ended.',
    ]);
    expect(split('"It is over," he said. "We lost." Then he left.')).toEqual([
      '"It is over," he said.',
      '"We lost."',
      'Then he left.',
    ]);
    expect(split('‘Nobody knew,’ she said! Why?')).toEqual(['‘Nobody knew,’ she said!', 'Why?']);
  });

  it('split where a space is missing, but not inside names and domains', () => {
    expect(split('See live results here.Read the latest updates below.')).toEqual([
      'See live results here.',
      'Read the latest updates below.',
    ]);
    expect(split('Visit ilfattoquotidiano.it for more. It is free.')).toEqual([
      'Visit ilfattoquotidiano.it for more.',
      'It is free.',
    ]);
  });

  it('keep article id, paragraph and offsets into the cleaned text', async () => {
    const library = await seedLibrary();
    const article = library.articles[0];
    const sentences = splitSentences(article);
    expect(sentences.length).toBeGreaterThan(40);
    for (const s of sentences) {
      expect(s.articleId).toBe(SEED_ID);
      expect(article.text.slice(s.start, s.end)).toBe(s.text);
      const p = article.paragraphs[s.paragraph];
      expect(s.start).toBeGreaterThanOrEqual(p.start);
      expect(s.end).toBeLessThanOrEqual(p.end);
    }
    expect(sentences.map((s) => s.text)).toContain(
      'Meanwhile Germany has suspended the export of weapons to Kazakhstan.',
    );
  });
});

describe('token pipelines', () => {
  it('lower-case, fold accents, drop stop words and stem', () => {
    expect(indexTerms('José said the Demonstrations were spreading')).toEqual(['jose', 'demonstr', 'spread']);
    expect(indexTerms('Nazarbayev’s U.S. allies')).toEqual(['nazarbayev', 'alli']);
  });

  it('drop the words of asking from questions only', () => {
    expect(queryTerms('quoted as saying the regime took off its mask')).toEqual(['regim', 'took', 'off', 'mask']);
    expect(indexTerms('quoted as saying the regime')).toEqual(['quot', 'sai', 'regim']);
  });
});
