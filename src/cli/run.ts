// The `whosaid` command line. Stdout carries results only; warnings and progress go to stderr.
// Bad usage or an unreadable corpus folder: one line on stderr and exit code 2.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../answer/index.js';
import { loadDotEnv, readConfig } from '../config.js';
import { articleCounts, loadVersionedLibrary, type Library } from '../library/index.js';
import { runChat } from './chat.js';
import { warningCollector } from './warnings.js';
import { answerJson, formatAnswer } from './format.js';

export const USAGE = `usage: whosaid <command> [--corpus DIR] [--json]
  ask [QUESTION]   answer QUESTION, or each line of stdin
  quotes           every quote found, with its speaker
  articles         every article: id, title, sentences, quotes
  speakers         every speaker: name, quotes, articles, descriptions
  chat             a chat in the terminal
  fetch URL… --into DIR   save news pages as .html (with their address) into a corpus folder
options:
  --corpus DIR     corpus folder (default: $CORPUS_DIR or ./corpus)
  --json           one JSON object a line
  --no-cache       read and build the corpus anew (default: reuse the library saved by an earlier run)
  --text           articles: also the body as the engine reads it (title excluded)
  --quiet          no progress or warnings on stderr`;

/** Snapshots kept in the user's cache folder: one per corpus and code version, the latest few. */
const CACHE_KEEP = 4;

export class UsageError extends Error {}

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        text: { type: 'boolean', default: false },
        into: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!command) throw new UsageError('a command is needed (ask, quotes, articles, speakers, chat, fetch)');
  if (command === 'fetch') return fetchCommand(rest, parsed.values.into);
  if (!['ask', 'quotes', 'articles', 'speakers', 'chat'].includes(command))
    throw new UsageError(`unknown command "${command}"`);
  if (command !== 'ask' && rest.length)
    throw new UsageError(`"${command}" takes no arguments, got "${rest.join(' ')}"`);

  loadDotEnv();
  const { config } = readConfig();
  const quiet = parsed.values.quiet;
  const corpus = parsed.values.corpus ?? config.corpusDir;
  const warnings = warningCollector();
  const cache = parsed.values['no-cache'] ? null : config.cliSnapshotDir;
  const { library, from } = await loadVersionedLibrary(corpus, {
    onWarning: warnings.onWarning,
    onProgress: (m) =>
      !quiet && process.stderr.isTTY && process.stderr.write(`\r\x1b[K${m}${m.startsWith('ready') ? '\n' : ''}`),
    snapshotDir: cache,
    keepSnapshots: config.cliSnapshotDirIsCache ? CACHE_KEEP : undefined,
  });
  if (!quiet && cache) {
    process.stderr.write(
      from === 'snapshot'
        ? `whosaid: library from the cache in ${cache} (--no-cache reads the corpus anew)\n`
        : `whosaid: library built and saved in ${cache} for the next run\n`,
    );
  }
  if (!quiet) for (const line of warnings.lines(library.articles)) process.stderr.write(`${line}\n`);
  const json = parsed.values.json;
  switch (command) {
    case 'ask':
      return ask(library, rest.join(' '), json);
    case 'quotes':
      return listQuotes(library, json);
    case 'articles':
      return listArticles(library, json, parsed.values.text);
    case 'speakers':
      return listSpeakers(library, json);
    default:
      await runChat(library, {
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
      });
      return 0;
  }
}

async function fetchCommand(links: string[], into: string | undefined): Promise<number> {
  if (!links.length) throw new UsageError('fetch needs at least one URL');
  if (!into) throw new UsageError('fetch needs --into DIR (the corpus folder to save pages in)');
  loadDotEnv();
  const { runFetch } = await import('./fetch.js');
  const io = { out: (l: string) => write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
  return runFetch(links, into, readConfig().config, io);
}

async function ask(library: Library, question: string, json: boolean): Promise<number> {
  const print = (q: string) => {
    const answer = answerQuestion(library, q);
    write(json ? `${answerJson(answer)}\n` : `${formatAnswer(answer)}\n\n`);
  };
  if (question.trim()) {
    print(question);
    return 0;
  }
  // One answer a line, in order: an empty line still gets its (empty) answer.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) print(line);
  return 0;
}

function listQuotes(library: Library, json: boolean): number {
  for (const q of library.quotes) {
    const a = library.articles[library.articleById.get(q.articleId)!];
    if (json) {
      write(
        `${JSON.stringify({
          article: { id: a.id, title: a.title },
          speaker: q.speaker,
          quote: q.text,
          cue: q.cue?.text ?? null,
          sentence: q.sentence,
          kind: q.kind,
          confidence: q.confidence,
          rules: q.rules,
          ...(q.reason ? { reason: q.reason } : {}),
        })}\n`,
      );
    } else {
      write(`${q.speaker ?? '(unknown)'}\t“${q.text}”\t${a.id}\n`);
    }
  }
  return 0;
}

function listArticles(library: Library, json: boolean, withText: boolean): number {
  const counts = articleCounts(library);
  for (const [i, a] of library.articles.entries()) {
    const c = counts[i];
    // The body after the title paragraph, as the engine reads it (for extraction benchmarks).
    const body = withText ? a.text.slice(a.paragraphs[1]?.start ?? a.text.length) : undefined;
    const url = a.url ? { url: a.url } : {};
    const line = { id: a.id, title: a.title, sentences: c.sentences, quotes: c.quotes, ...url };
    const shownBody = body === undefined ? '' : `${body}\n\n`;
    write(
      json
        ? `${JSON.stringify(body === undefined ? line : { ...line, text: body })}\n`
        : `${a.id}\t${a.title}\t${c.sentences} sentences\t${c.quotes} quotes\n${shownBody}`,
    );
  }
  return 0;
}

function listSpeakers(library: Library, json: boolean): number {
  const speakers = [...library.speakers].sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
  for (const s of speakers) {
    const descriptions = s.descriptions.slice(0, 2).join('; ');
    write(
      json
        ? `${JSON.stringify(s)}\n`
        : `${s.name}\t${s.quoteCount} quotes\t${s.articles.length} articles\t${descriptions}\n`,
    );
  }
  return 0;
}

function write(text: string): void {
  process.stdout.write(text);
}
