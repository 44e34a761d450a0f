// Which names are places: a place is never a speaker, and "he" never points back to one.
import { describe, expect, it } from 'vitest';
import { isPlace } from '../../src/lexicon/index.js';

describe('places', () => {
  it('knows countries, states and cities a story names often', () => {
    expect(isPlace(['kazakhstan'])).toBe(true);
    expect(isPlace(['south', 'carolina'])).toBe(true);
    expect(isPlace(['borrell'])).toBe(false);
  });

  it('reads a name ending in a place word as a place, unless it opens with a given name', () => {
    expect(isPlace(['linden', 'park'])).toBe(true);
    expect(isPlace(['harbour', 'street'])).toBe(true);
    expect(isPlace(['kent', 'county'])).toBe(true);
    expect(isPlace(['jimmy', 'park'])).toBe(false);
    expect(isPlace(['fiona', 'street'])).toBe(false);
    // A given name before a place word that is no surname: the place all the same.
    expect(isPlace(['lee', 'county'])).toBe(true);
    expect(isPlace(['grace', 'airport'])).toBe(true);
    expect(isPlace(['park'])).toBe(false);
  });
});
