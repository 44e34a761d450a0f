// Hostile questions at the engine: a clear answer or a clear "I can't answer that", never a throw, and
// nothing in the answer that could ping or hide (mentions, zero-width and bidi characters stay out).
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import type { Library } from '../../src/library/index.js';
import { MAX_QUESTION_LENGTH } from '../../src/question/index.js';
import type { Answer, Intent } from '../../src/types.js';
import { newsLibrary } from '../discord/library.js';
import { seedLibrary } from '../helpers.js';
import { HOSTILE_QUESTIONS } from './hostile.js';

const INTENTS: Intent[] = ['who_said', 'what_said', 'who_is', 'search', 'help', 'empty'];
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/;

function wellFormed(answer: Answer, library: Library): void {
  expect(INTENTS).toContain(answer.intent);
  expect(typeof answer.message).toBe('string');
  expect(answer.message.trim().length).toBeGreaterThan(0);
  expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  for (const text of [answer.question, answer.message, ...answer.suggestions]) {
    expect(text).not.toMatch(INVISIBLE);
    expect(text).not.toMatch(/@(everyone|here)\b|<@[!&]?\d+>|<#\d+>/i);
  }
  expect(answer.answers.length).toBeLessThanOrEqual(10);
  for (const item of answer.answers) {
    expect(library.articleById.has(item.article.id)).toBe(true);
    expect(item.quote.trim()).not.toBe('');
    expect(Number.isFinite(item.score)).toBe(true);
  }
}

describe('hostile questions at the engine', () => {
  let libraries: Array<[string, Library]>;
  beforeAll(async () => {
    libraries = [
      ['news', newsLibrary()],
      ['seed', await seedLibrary()],
    ];
  });

  it.each(HOSTILE_QUESTIONS)('$name: an answer or a clear refusal, never a throw', ({ text }) => {
    for (const [, library] of libraries) {
      wellFormed(answerQuestion(library, text), library);
      wellFormed(answerQuestion(library, text, { guildId: '123', limit: 3 }), library);
    }
  });

  it('questions with nothing to look for get a plain "ask me…" and no answers', () => {
    const library = libraries[0][1];
    for (const text of [
      '',
      ' \t\n ',
      '?',
      '\u200B\u200C\u200D\u2060\uFEFF',
      '@everyone',
      '?!.,;:—…“”"\'()[]{}<>/\\|',
      '😀😀😀 👩‍👩‍👧 🔥',
    ]) {
      const answer = answerQuestion(library, text);
      expect(answer, JSON.stringify(text)).toMatchObject({ intent: 'empty', answers: [] });
      expect(answer.message).toMatch(/^Ask me who said something/);
    }
  });

  it('mentions, markup, zero-width and bidi characters around a real question do not stop it being answered', () => {
    const library = libraries[0][1];
    for (const text of [
      'Who\u200B said "real\u200D revolution"?',
      '\u202Ewho said "real revolution"\u202C',
      '@here who said "real revolution"?',
      '**Who** said `real revolution`?',
      '```js\nwho said "real revolution"\n```',
      '</ask:123456789012345678> who said "real revolution"?',
      'Who said 🔥 "real revolution" 🔥?',
      'Who said "real revolution" https://evil.example/x?',
    ]) {
      const answer = answerQuestion(library, text);
      expect(answer.answers[0]?.speaker, JSON.stringify(text)).toBe('Josep Borrell');
    }
  });

  it('a 6,000-character question is cut to 500 at a word, still read, and the asker told so', () => {
    const long = HOSTILE_QUESTIONS.find((q) => q.name === '6,000 characters of words')!.text;
    const answer = answerQuestion(libraries[1][1], long);
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(long.startsWith(answer.question.replace(/\s+/g, ' '))).toBe(true);
    expect(answer.intent).toBe('who_said');
    expect(answer.message).toMatch(/\(I read only the first 500 characters of your question\.\)$/);
    expect(answerQuestion(libraries[1][1], 'Who said "a real revolution"?').message).not.toMatch(
      /first 500 characters/,
    );
  });

  it('a name made of markup or mentions is echoed as words only', () => {
    const library = libraries[0][1];
    const answer = answerQuestion(library, 'What did **Zeb** _the_ ~~great~~ ||spoiler|| <@123456789012345678> say?');
    expect(answer.message).toBe('No quotes from Zeb the great spoiler in the corpus.');
  });
});
