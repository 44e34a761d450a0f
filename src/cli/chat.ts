import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerQuestion, subjectOf } from '../answer/index.js';
import type { Library } from '../library/index.js';
import type { Answer } from '../types.js';
import { formatAnswer } from './format.js';

export interface ChatOptions {
  input: Readable;
  output: Writable;
  /** A person at a terminal: a prompt and a greeting. Otherwise each line is answered, then exit. */
  interactive: boolean;
}

export const CONNECT_HINT =
  'No DISCORD_TOKEN is set, so this is a local chat on the same engine. To connect Discord, put ' +
  'DISCORD_TOKEN (and DISCORD_APPLICATION_ID) in .env — see README "Connect Discord" — then run npm start again.';

/** Answers shown at a time. */
const PAGE = 3;
/** Where a chat answer has more than it shows: the chat has no --json, but it has "more". */
const HINT = 'type "more" to see them';
/** "more", "show more", "next", "go on". */
const MORE = /^(?:(?:show|give me|tell me|any)\s+)?(?:more|next|the rest|others|go on|continue)\s*[.!?]*$/i;
/** "What else did she say?", "Anything else?": what was not shown yet. */
const ELSE = /\b(?:else|other|more)\b/i;

/** The answer without the quotes already shown in this conversation; all of it, said so, when none is new. */
function unseen(answer: Answer, seen: Set<string>): Answer {
  const fresh = answer.answers.filter((a) => !seen.has(a.quote));
  if (fresh.length === answer.answers.length) return answer;
  if (!fresh.length) return { ...answer, message: `${answer.message} (Nothing I have not shown you already.)` };
  return { ...answer, answers: fresh };
}

/** The terminal chat: a prompt, answers for people, `help` and `quit`. Resolves at end of input. */
export async function runChat(library: Library, options: ChatOptions): Promise<void> {
  const { output } = options;
  const rl = createInterface({
    input: options.input,
    output: options.interactive ? output : undefined,
    terminal: options.interactive,
    crlfDelay: Infinity,
  });
  if (options.interactive) {
    output.write(
      `whosaid — ${library.articles.length} articles, ${library.quotes.length} quotes. ` +
        'Type "help" for examples, "quit" to leave.\n',
    );
    rl.setPrompt('whosaid> ');
    rl.prompt();
  }
  // Who the last answer was about: "What else did he say?" means them.
  let about: string | undefined;
  // The last answer and how many of its items were shown ("more" shows the next), and the quotes shown
  // since the conversation turned to its subject ("what else" leaves them out).
  let last: { answer: Answer; shown: number } | undefined;
  let seen = new Set<string>();
  for await (const line of rl) {
    const text = line.trim();
    if (/^\/?(quit|exit|bye|:q|\\q)$/i.test(text)) break;
    if (last && MORE.test(text)) {
      const rest = last.answer.answers.slice(last.shown);
      const message = rest.length ? 'More:' : 'That is all for that question.';
      output.write(`${formatAnswer({ ...last.answer, message, answers: rest }, PAGE, HINT)}\n\n`);
      for (const item of rest.slice(0, PAGE)) seen.add(item.quote);
      last.shown += PAGE;
    } else if (text || !options.interactive) {
      let answer = answerQuestion(library, text, { about });
      const subject = subjectOf(answer) ?? about;
      if (subject !== about) seen = new Set();
      if (ELSE.test(text) && subject === about) answer = unseen(answer, seen);
      about = subject;
      output.write(`${formatAnswer(answer, PAGE, HINT)}\n\n`);
      for (const item of answer.answers.slice(0, PAGE)) seen.add(item.quote);
      last = { answer, shown: PAGE };
    }
    if (options.interactive) rl.prompt();
  }
  rl.close();
}
