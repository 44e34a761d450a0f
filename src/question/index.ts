export { parseQuestion } from './parse.js';
export type { ParsedQuestion } from './parse.js';
export { readQuestion, withWords } from './read.js';
export type { Question } from './read.js';
export { resolveSpeaker } from './speaker.js';
export { nameKey, nameWords } from '../text/names.js';
export type { Resolution, SpeakerMatch } from './speaker.js';
export { cleanQuestion, MAX_QUESTION_LENGTH, hasWords } from './normalize.js';
