import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/index.js';
import { resolveSpeaker } from '../../src/question/index.js';
import { seedLibrary } from '../helpers.js';

describe('finding the speaker a question means', () => {
  let library: Library;
  const names = (q: string) => resolveSpeaker(library.speakers, q).matches.map((m) => m.speaker.name);
  beforeAll(async () => {
    library = await seedLibrary();
  });

  it('by full name, surname, first name and honorific', () => {
    expect(names('Mukhtar Ablyazov')[0]).toBe('Mukhtar Ablyazov');
    expect(names('Ablyazov')[0]).toBe('Mukhtar Ablyazov');
    expect(names('mr. borrell')[0]).toBe('Josep Borrell');
    expect(names('Nargis')[0]).toBe('Nargis Kassenova');
  });

  it('by possessive role, role noun and organisation', () => {
    expect(names("Nazarbayev's spokesman")).toEqual(["Nazarbayev's spokesman"]);
    expect(names('the dissident')[0]).toBe('Mukhtar Ablyazov');
    expect(names('the opposition leader')[0]).toBe('Mukhtar Ablyazov');
    expect(names('the analyst')).toEqual(expect.arrayContaining(['Aleksandr Baunov']));
    expect(names('the Farnesina')[0]).toBe('Farnesina');
    expect(names('US Department of State')[0]).toBe('US Department of State');
  });

  it('by near spellings', () => {
    expect(names('Borel')[0]).toBe('Josep Borrell');
    expect(names('Baunoff')[0]).toBe('Aleksandr Baunov');
    expect(names('Ablyazow')[0]).toBe('Mukhtar Ablyazov');
    expect(names('Kasenova')[0]).toBe('Nargis Kassenova');
  });

  it('never matches someone the corpus does not quote', () => {
    for (const absent of ['Merkel', 'Angela Merkel', 'Putin', 'Tokayev', 'Biden', 'Bo', 'Adam Borrell']) {
      expect(names(absent), absent).toEqual([]);
    }
    expect(resolveSpeaker(library.speakers, 'Adam Borrell').suggestions).toContain('Josep Borrell');
  });
});
