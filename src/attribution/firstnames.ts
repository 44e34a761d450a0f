// Given names now live in the lexicon (src/lexicon/given-names.ts); question parsing still imports them
// from here until it reads the lexicon itself.
export { genderOf, isFirstName } from '../lexicon/index.js';
