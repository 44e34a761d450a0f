export { answerQuestion, asksAboutSomeone, subjectOf } from './dispatch.js';
export type { AnswerOptions } from './dispatch.js';
export { visibleSpeakers } from './scope.js';
export { paragraphOf } from './items.js';
export { helpAnswer } from './help.js';
