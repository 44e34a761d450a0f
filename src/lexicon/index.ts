// The one lexicon: every word list attribution, stop words and question parsing read, each defined once.
//   words.ts       closed classes (determiners, prepositions, adverbs, days, months, …)
//   verbs.ts       verbs of saying (a core and the ones learned from annotated news), nouns for words said
//   people.ts      pronouns, titles, role nouns and their kin, documents, institutions, gendered words
//   names.ts       particles, suffixes and organisation words of names; capitalised words that are no name
//   places.ts      places and demonyms
//   given-names.ts given names and their usual gender
//   questions.ts   the words only questions use: verbs asked with, media, audiences, anyone
//   learned.json   what scripts/learn-cues.ts learns from PolNeAR's train split (learn.ts says how)
export * from './words.js';
export * from './verbs.js';
export * from './people.js';
export * from './names.js';
export * from './questions.js';
export { isPlace, isDemonym } from './places.js';
export { genderOf, isFirstName } from './given-names.js';
export { learned } from './learned.js';
