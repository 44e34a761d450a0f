import type { Answer, AnswerItem } from '../types.js';

/** An answer as plain text for a terminal: the message, then each quote with speaker and article. */
export function formatAnswer(answer: Answer, max = 3): string {
  const lines = [answer.message];
  answer.answers.slice(0, max).forEach((item, i) => {
    lines.push('', ...formatItem(item, i + 1));
  });
  if (answer.answers.length > max) lines.push('', `(${answer.answers.length - max} more; ask with --json to see all)`);
  return lines.join('\n');
}

const SENTENCE_WORTH_SHOWING = 0.6;

function formatItem(item: AnswerItem, n: number): string[] {
  const who = item.speaker ? `${item.speaker}${item.speakerDescription ? `, ${item.speakerDescription}` : ''}` : 'speaker unknown';
  const out = [`${n}. “${item.quote}”`, `   — ${who}`];
  // The sentence shows who said a short quote and how; a sentence that is mostly the quote repeats it.
  if (item.sentence !== item.quote && item.quote.length < SENTENCE_WORTH_SHOWING * item.sentence.length) out.push(`   in: ${item.sentence}`);
  out.push(`   article: ${item.article.title} [${item.article.id}]`);
  return out;
}

/** The one-line JSON of the CLI contract: {question, intent, answers:[{speaker, quote, sentence, article, score, confidence}]}. */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    intent: answer.intent,
    message: answer.message,
    answers: answer.answers.map((a) => ({
      speaker: a.speaker,
      description: a.speakerDescription,
      quote: a.quote,
      sentence: a.sentence,
      article: a.article,
      score: a.score,
      confidence: a.confidence,
    })),
    ...(answer.suggestions.length ? { suggestions: answer.suggestions } : {}),
  });
}
