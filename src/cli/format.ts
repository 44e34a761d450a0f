import { excerpt, sharedArticle, shortTitle } from '../answer/index.js';
import type { Answer, AnswerItem } from '../types.js';

/**
 * An answer as plain text for a terminal: the message, then each quote with speaker and article. In a
 * long quote the sentences that hold what was asked are shown between ** and the rest trimmed; an
 * article every answer shares is named once, at the end.
 */
export function formatAnswer(answer: Answer, max = 3, more = 'ask with --json to see all'): string {
  const lines = [answer.message];
  const shown = answer.answers.slice(0, max);
  const shared = shown.length > 1 ? sharedArticle(shown) : null;
  shown.forEach((item, i) => {
    lines.push('', ...formatItem(item, i + 1, shared === null));
  });
  if (shared) lines.push('', `article: ${articleLine(shared)}`);
  if (answer.answers.length > max) lines.push('', `(${answer.answers.length - max} more; ${more})`);
  return lines.join('\n');
}

const SENTENCE_WORTH_SHOWING = 0.6;

function formatItem(item: AnswerItem, n: number, withArticle: boolean): string[] {
  const described = item.speakerDescription ? `, ${item.speakerDescription}` : '';
  // A passage outside any quote is the article's own text, not a quote whose speaker is unknown.
  const who = item.speaker
    ? `${item.speaker}${described}`
    : item.kind === 'passage'
      ? 'the article'
      : 'speaker unknown';
  const quote = excerpt(item)
    .map((p) => (p.marked ? `**${p.text}**` : p.text))
    .join('');
  const out = [`${n}. “${quote}”`, `   — ${who}`];
  // The sentence shows who said a short quote and how; a sentence that is mostly the quote repeats it.
  if (item.sentence !== item.quote && item.quote.length < SENTENCE_WORTH_SHOWING * item.sentence.length)
    out.push(`   in: ${item.sentence}`);
  if (withArticle) out.push(`   article: ${articleLine(item.article)}`);
  return out;
}

function articleLine(article: AnswerItem['article']): string {
  return `${shortTitle(article.title)} [${article.id}]${article.url ? ` ${article.url}` : ''}`;
}

/**
 * The one-line JSON of the CLI contract: {question, intent, verdict?, message, answers: [{speaker,
 * description, quote, sentence, article, score, confidence, match?}]}.
 */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    intent: answer.intent,
    ...(answer.verdict ? { verdict: answer.verdict } : {}),
    message: answer.message,
    answers: answer.answers.map((a) => ({
      speaker: a.speaker,
      description: a.speakerDescription,
      quote: a.quote,
      sentence: a.sentence,
      article: a.article,
      score: a.score,
      confidence: a.confidence,
      ...(a.matched ? { matched: a.matched } : {}),
      ...(a.match?.length ? { match: a.match } : {}),
    })),
    ...(answer.suggestions.length ? { suggestions: answer.suggestions } : {}),
  });
}
