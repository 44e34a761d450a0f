import { describe, expect, it } from 'vitest';
import {
  articleChoices,
  findArticle,
  matchScore,
  speakerChoices,
  visibleArticles,
  visibleSpeakers,
} from '../../src/discord/suggest.js';
import { makeLibrary, newsLibrary } from './library.js';

describe('speaker autocomplete', () => {
  const library = newsLibrary();

  it('ranks the whole name, its start, the start of a word, a piece, then near spellings', () => {
    expect(matchScore('josep borrell', 'Josep Borrell')).toBe(1);
    expect(matchScore('jos', 'Josep Borrell')).toBe(0.9);
    expect(matchScore('bor', 'Josep Borrell')).toBe(0.8);
    expect(matchScore('jos bor', 'Josep Borrell')).toBe(0.8);
    expect(matchScore('rrel', 'Josep Borrell')).toBe(0.6);
    expect(matchScore('borel', 'Josep Borrell')).toBeGreaterThan(0);
    expect(matchScore('xy', 'Josep Borrell')).toBe(0);
    expect(matchScore('zebulon', 'Josep Borrell')).toBe(0);
  });

  it('matches aliases, offers the most quoted first when nothing is typed, and shows descriptions', () => {
    expect(speakerChoices(library.speakers, 'tokay')[0].value).toBe('Kassym-Jomart Tokayev');
    expect(speakerChoices(library.speakers, 'President Tok')[0].value).toBe('Kassym-Jomart Tokayev');
    const top = speakerChoices(library.speakers, '');
    expect(top.map((c) => c.value)).toEqual(['Josep Borrell', 'Aleksandr Baunov', 'Kassym-Jomart Tokayev']);
    expect(top[0].name).toBe('Josep Borrell — the EU foreign policy chief');
    expect(speakerChoices(library.speakers, 'qqqq')).toEqual([]);
  });

  it('offers at most 25 speakers, with names cut to 100 characters', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: `s${i}`,
      name: `Sam Person ${i}`,
      descriptions: ['d'.repeat(200)],
      articles: ['eu-kazakhstan'],
    }));
    const choices = speakerChoices(newsLibrary(many).speakers, 'sam');
    expect(choices).toHaveLength(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it("shows a server only the shared corpus and that server's own articles", () => {
    const lib = makeLibrary(
      [
        { id: 'shared', title: 'Shared', paragraphs: ['Ann said: “Hello all.”'] },
        { id: 'mine', title: 'Mine', guildId: 'g1', paragraphs: ['Bob said: “Hello g1.”'] },
      ],
      [
        { id: 'ann', name: 'Ann' },
        { id: 'bob', name: 'Bob' },
      ],
      [
        { article: 'shared', text: 'Hello all.', speaker: 'ann' },
        { article: 'mine', text: 'Hello g1.', speaker: 'bob' },
      ],
    );
    expect(visibleSpeakers(lib, 'g1').map((s) => s.name)).toEqual(['Ann', 'Bob']);
    expect(visibleSpeakers(lib, 'g2').map((s) => s.name)).toEqual(['Ann']);
    expect(visibleArticles(lib, null).map((a) => a.id)).toEqual(['shared']);
  });
});

describe('article autocomplete and lookup', () => {
  const library = newsLibrary();
  const articles = visibleArticles(library, null);

  it('suggests by title or id and finds the article a typed value names', () => {
    expect(articleChoices(articles, library, 'kazakh').map((c) => c.value)).toEqual(['eu-kazakhstan']);
    expect(findArticle(articles, library, 'borrell-interview')?.id).toBe('borrell-interview');
    expect(findArticle(articles, library, '#0')?.id).toBe('eu-kazakhstan');
    expect(findArticle(articles, library, 'EU ministers')?.id).toBe('eu-kazakhstan');
    expect(findArticle(articles, library, 'nothing like it')).toBeNull();
  });

  it('uses "#n" as the value of an article whose id is over 100 characters', () => {
    const longId = `folder/${'x'.repeat(120)}`;
    const lib = makeLibrary([{ id: longId, title: 'Long id', paragraphs: ['Text.'] }], [], []);
    const [choice] = articleChoices(visibleArticles(lib, null), lib, 'long');
    expect(choice).toEqual({ name: 'Long id', value: '#0' });
    expect(findArticle(visibleArticles(lib, null), lib, '#0')?.id).toBe(longId);
  });
});
