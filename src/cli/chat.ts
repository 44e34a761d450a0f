import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerQuestion, subjectOf } from '../answer/index.js';
import type { Library } from '../library/index.js';
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
  for await (const line of rl) {
    const text = line.trim();
    if (/^\/?(quit|exit|bye|:q|\\q)$/i.test(text)) break;
    if (text || !options.interactive) {
      const answer = answerQuestion(library, text, { about });
      about = subjectOf(answer) ?? about;
      output.write(`${formatAnswer(answer)}\n\n`);
    }
    if (options.interactive) rl.prompt();
  }
  rl.close();
}
