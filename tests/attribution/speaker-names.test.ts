// How speakers' names are formed: the owner of a role is its whole name when it is no person's ("Brightwell
// Foods's spokeswoman", not "Foods's"). Short made-up articles.
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { buildLibrary } from '../../src/library/index.js';

function whoSaid(lines: string[]): Array<[string, string | null]> {
  const { articles } = parseArticleBytes(Buffer.from(lines.join('\n')), 'story.txt', '');
  return buildLibrary(articles)
    .quotes.filter((q) => q.kind !== 'indirect')
    .map((q) => [q.text, q.speaker]);
}

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
});
