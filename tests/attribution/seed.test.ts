import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/index.js';
import type { Quote } from '../../src/types.js';
import { seedLibrary, SEED_ID } from '../helpers.js';

// Who said what in the seed article, as a careful reader attributes it.
const EXPECTED: Array<[string, string]> = [
  ['He did not leave the country', "Nazarbayev's spokesman"],
  ['Massimov was a close ally of Nazarbaev', 'Aleksandr Baunov'],
  ['Did Nazarbaev try to bring down Tokayev like this?', 'Nargis Kassenova'],
  ['Did he act first and avoid the coup?', 'Nargis Kassenova'],
  ['hundreds', 'Mukhtar Ablyazov'],
  ['The crowd gathered and tried to march on the Nazarbayev residence', 'Mukhtar Ablyazov'],
  ['most of the victims are in Almaty', 'Mukhtar Ablyazov'],
  ['It is now a real revolution', 'Mukhtar Ablyazov'],
  ['The regime took off its mask', 'Mukhtar Ablyazov'],
  ['Putin and the regime', 'Mukhtar Ablyazov'],
  ['they say that someone is maneuvering the protest from abroad', 'Mukhtar Ablyazov'],
  ['to France. Because I am a refugee in France', 'Mukhtar Ablyazov'],
  ['the West of having closed its eyes to corruption and crimes', 'Mukhtar Ablyazov'],
  ['On the billions of his and his family’s investments', 'Mukhtar Ablyazov'],
  ['after that fact, Italy did nothing', 'Mukhtar Ablyazov'],
  ['These things give strength to dictators', 'Mukhtar Ablyazov'],
  ['I received an update on the situation', 'Josep Borrell'],
  ['Demonstrations, protests and strikes can develop rapidly', 'US Department of State'],
  ['non-essential travels to Kazakhstan remain not recommended', 'Farnesina'],
  ['Italy continues to follow with concern', 'Farnesina'],
];

describe('attribution on the seed article', () => {
  let library: Library;
  let quotes: Quote[];
  beforeAll(async () => {
    library = await seedLibrary();
    quotes = library.quotes.filter((q) => q.kind !== 'indirect');
  });

  const find = (words: string) => quotes.find((q) => q.text.includes(words));

  it.each(EXPECTED)('“%s” is by %s', (words, speaker) => {
    const q = find(words);
    expect(q, words).toBeDefined();
    expect(q!.speaker).toBe(speaker);
  });

  it('keeps the broken quote whole and the cue out of it', () => {
    const q = find('Massimov was a close ally')!;
    expect(q.text).not.toContain('explains');
    expect(q.cue?.text).toBe('explains');
    expect(q.source?.text).toMatch(/^Aleksandr Baunov, an analyst/);
  });

  it('resolves role nouns and a document to who they point back to', () => {
    expect(find('the West of having closed')!.source?.text).toBe('The dissident');
    expect(find('after that fact, Italy did nothing')!.source?.text).toBe('the former minister');
    expect(find('Putin and the regime')!.source?.text).toBe('the opposition leader');
    expect(find('Did Nazarbaev try')!.source?.text).toBe('the analyst');
    expect(find('Demonstrations, protests')!.source?.text).toBe('a statement');
    expect(find('Italy continues')!.source?.text).toBe('a note');
  });

  it('locates every quote in the article text, within its sentence', () => {
    const article = library.articles.find((a) => a.id === SEED_ID)!;
    expect(quotes.length).toBeGreaterThanOrEqual(EXPECTED.length - 3);
    for (const q of library.quotes) {
      expect(q.articleId).toBe(SEED_ID);
      expect(q.start).toBeLessThan(q.end);
      expect(q.sentenceStart).toBeLessThanOrEqual(q.start);
      expect(q.sentenceEnd).toBeGreaterThanOrEqual(q.end);
      expect(article.text.slice(q.sentenceStart, q.sentenceEnd).replace(/\n+/g, ' ')).toBe(q.sentence);
      // A named speaker's chance of being right; an unattributed quote's best candidate's, so low.
      expect(q.confidence).toBeLessThanOrEqual(1);
      if (q.speaker) expect(q.confidence).toBeGreaterThan(0);
      else expect(q.confidence).toBeLessThan(0.5);
      if (!q.speaker) expect(q.reason).toBeTruthy();
      expect(q.rules.length > 0 || !q.speaker).toBe(true);
    }
  });

  it('finds nothing in the page furniture', () => {
    for (const q of library.quotes) {
      expect(q.sentence).not.toMatch(
        /Saakashvili|Support ilfattoquotidiano|Read More|Bom dia|GP crisis|have been indexed/,
      );
    }
  });

  it('makes one entity per speaker, with aliases and descriptions', () => {
    const byName = new Map(library.speakers.map((s) => [s.name, s]));
    const ablyazov = byName.get('Mukhtar Ablyazov')!;
    expect(ablyazov.aliases).toContain('Ablyazov');
    expect(ablyazov.descriptions).toEqual(expect.arrayContaining(['the de facto opposition leader in exile in Paris']));
    expect(ablyazov.quoteCount).toBeGreaterThanOrEqual(8);
    expect(byName.get('Aleksandr Baunov')!.descriptions).toContain('an analyst at Carnegie Moscow');
    expect(byName.get('Nargis Kassenova')!.descriptions[0]).toMatch(/^researcher at Harvard/);
    expect(byName.get('US Department of State')!.kind).toBe('organisation');
    expect([...byName.keys()]).not.toContain('Nursultan Nazarbayev');
  });

  it('never names someone for a quote whose speaker the article does not give', () => {
    const unattributed = quotes.filter((q) => q.text.startsWith('He is holding consultative meetings'));
    expect(unattributed).toHaveLength(1);
    expect(unattributed[0].speaker).toBeNull();
    expect(unattributed[0].reason).toMatch(/no cue/);
  });
});
