export { answerQuestion, asksAboutSomeone, subjectOf } from './dispatch.js';
export type { AnswerOptions } from './dispatch.js';
export { visibleSpeakers } from './scope.js';
export { paragraphOf } from './items.js';
export { helpAnswer } from './help.js';
export { excerpt, LONG_QUOTE, sharedArticle, shortTitle } from './excerpt.js';
export type { Piece } from './excerpt.js';
export { certainty, LIKELY, SURE } from './wording.js';
export type { Certainty } from './wording.js';
