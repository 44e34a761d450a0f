import { foldCase } from './normalize.js';

// Titles people put before a name that the corpus may not ("President Tokayev", "Mr Borrell").
export const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'senator',
  'sen',
  'rep',
  'representative',
  'gov',
  'governor',
  'secretary',
  'minister',
  'premier',
  'chancellor',
  'mayor',
  'judge',
  'general',
  'gen',
  'former',
  'the',
  'ex',
  'vice',
  'prime',
  'foreign',
  'state',
  'chairman',
  'chair',
  'ceo',
  'leader',
  'king',
  'queen',
  'prince',
  'pope',
  'rev',
  'reverend',
  'father',
  'candidate',
  'nominee',
]);

/** Words of a name, folded, without punctuation or possessives. */
export function nameWords(name: string): string[] {
  return foldCase(name)
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words that identify a name: honorifics and articles off ("President Tokayev" → tokayev). */
export function nameKey(name: string): string {
  const words = nameWords(name);
  const core = words.filter((w) => !HONORIFICS.has(w));
  return (core.length ? core : words).join(' ');
}
