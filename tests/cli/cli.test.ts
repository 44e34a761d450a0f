import { describe, expect, it } from 'vitest';
import { utimesSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempCorpus } from '../helpers.js';
import { CLI_CACHE, run, whosaid } from './run.js';

describe('the whosaid CLI', () => {
  it('answers one question as one JSON line, best passage first, and prints nothing else', async () => {
    const r = await whosaid(['ask', '--json', 'Did Germany stop exporting weapons to Kazakhstan?']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(`^whosaid: library (built and saved in|from the cache in) ${CLI_CACHE}\\b[^\\n]*\\n$`),
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]);
    expect(answer).toMatchObject({ question: 'Did Germany stop exporting weapons to Kazakhstan?', intent: 'search' });
    expect(answer.answers[0].sentence).toBe('Meanwhile Germany has suspended the export of weapons to Kazakhstan.');
    expect(answer.answers[0].article).toEqual({
      id: 'kazakhstan-nazarbayev-spokesman',
      title: expect.stringMatching(/^Kazakhstan, spokesman for the former leader Nazarbayev/),
    });
    expect(answer.answers.length).toBeLessThanOrEqual(10);
    for (const a of answer.answers) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['speaker', 'quote', 'sentence', 'article', 'score']));
      expect(typeof a.score).toBe('number');
    }
  });

  it('answers stdin one line each, in order, empty lines included', async () => {
    const r = await whosaid(
      ['ask', '--json'],
      'What happened to Samat Abish?\n\nDid Germany stop exporting weapons?\n',
    );
    expect(r.code).toBe(0);
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.question)).toEqual([
      'What happened to Samat Abish?',
      '',
      'Did Germany stop exporting weapons?',
    ]);
    expect(answers[0].answers[0].sentence).toMatch(/Nazarbaev’s grandson, Samat Abish/);
    expect(answers[1]).toMatchObject({ intent: 'empty', answers: [] });
  });

  it("reuses an unchanged corpus folder's library, reads it anew when a file changes or with --no-cache", async () => {
    const cache = join(CLI_CACHE, 'reuse');
    const dir = tempCorpus({ 'a.txt': 'Talks\n\n“The talks have failed,” said Maria Lopez.' });
    const ask = (...extra: string[]) =>
      whosaid(['ask', '--json', '--corpus', dir, ...extra, 'Who said "the talks have failed"?'], '', {
        SNAPSHOT_DIR: cache,
      });
    const first = await ask();
    expect(first.stderr).toBe(`whosaid: library built and saved in ${cache} for the next run\n`);
    const second = await ask();
    expect(second.stderr).toBe(`whosaid: library from the cache in ${cache} (--no-cache reads the corpus anew)\n`);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(JSON.parse(second.stdout).answers[0].speaker).toBe('Maria Lopez');
    // The same size, another speaker: the modification time tells it changed.
    writeFileSync(join(dir, 'a.txt'), 'Talks\n\n“The talks have failed,” said Maria Perez.');
    utimesSync(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const changed = await ask();
    expect(changed.stderr).toMatch(/^whosaid: library built and saved in/);
    expect(JSON.parse(changed.stdout).answers[0].speaker).toBe('Maria Perez');
    const snapshots = readdirSync(cache).filter((f) => f.endsWith('.snapshot')).length;
    const fresh = await ask('--no-cache');
    expect(fresh.stderr).toBe('');
    expect(JSON.parse(fresh.stdout).answers[0].speaker).toBe('Maria Perez');
    expect(readdirSync(cache).filter((f) => f.endsWith('.snapshot'))).toHaveLength(snapshots);
  });

  it('lists articles with their counts', async () => {
    const r = await whosaid(['articles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^kazakhstan-nazarbayev-spokesman\tKazakhstan, spokesman[^\t]*\t\d+ sentences\t\d+ quotes\n$/,
    );
  });

  it('articles --json --text carries the body as the engine reads it, title excluded', async () => {
    const r = await whosaid(['articles', '--json', '--text']);
    expect(r.code).toBe(0);
    const article = JSON.parse(r.stdout.trim().split('\n')[0]);
    expect(article.text.startsWith('The specter of the conspiracy hovers')).toBe(true);
    expect(article.text).not.toContain(article.title);
    expect(article.text.split('\n\n')).toHaveLength(6);
  });

  it('exits 2 with one line on bad usage or an unreadable corpus folder', async () => {
    for (const args of [
      ['frobnicate'],
      ['ask', '--bogus'],
      [],
      ['quotes', 'extra'],
      ['ask', '--corpus', '/no/such/dir', 'x'],
    ]) {
      const r = await whosaid(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stderr).toMatch(/^whosaid: /);
    }
  });

  it('npm start without a token opens the terminal chat and answers piped questions, a follow-up too', async () => {
    const r = await run(
      'npm',
      ['start', '--silent'],
      'What happened to Samat Abish?\nWho said "it is now a real revolution"?\nWhat else did he say about Italy?\n',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/DISCORD_TOKEN/);
    expect(r.stdout).toMatch(/Nazarbaev’s grandson, Samat Abish/);
    expect(r.stdout).toMatch(/^What Mukhtar Ablyazov said about Italy:/m);
    expect(r.stdout).not.toMatch(/injected env|dotenv|tip:/);
  });

  it('the chat stops at quit, typed with or without a slash, and answers nothing after it', async () => {
    for (const quit of ['quit', '/quit', 'EXIT']) {
      const r = await run('npm', ['start', '--silent'], `Who is Ablyazov?\n${quit}\nWhat happened to Samat Abish?\n`);
      expect(r.code, quit).toBe(0);
      expect(r.stdout, quit).toMatch(/Ablyazov/);
      expect(r.stdout, quit).not.toMatch(/Samat Abish|Nothing in the corpus/);
    }
  });
});
