export { answerQuestion, asksAboutSomeone, subjectOf, visibleSpeakers } from './compose.js';
export type { AnswerOptions } from './compose.js';
export { paragraphOf } from './items.js';
export { helpAnswer } from './help.js';
