// Hostile corpus files: each is skipped or partly loaded with a warning naming it, and the rest of the
// corpus still serves. (Empty, binary, invalid UTF-8, broken JSONL lines, a folder symlink loop and an
// unreadable file are in tests/corpus/load.test.ts.)
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { loadCorpus, MAX_ARTICLE_CHARS } from '../../src/corpus/index.js';
import { READER_LIMITS } from '../../src/corpus/formats/html.js';
import { buildLibrary } from '../../src/library/index.js';
import { ROOT, STORY, tempCorpus } from '../helpers.js';
import { run } from '../cli/run.js';

const GOOD =
  'Talks fail in the capital\n\n' +
  'Maria Lopez, the minister of finance, said: “The talks have failed and new elections will follow.”\n\n' +
  `${STORY}\n`;

/** A file of `bytes` that takes no disk: a hole, as `truncate -s` makes. */
function sparse(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

const reasons = (warnings: Array<{ file: string; reason: string }>) =>
  Object.fromEntries(warnings.map((w) => [w.file, w.reason]));

describe('hostile corpus files', () => {
  it('a 50 MB file is skipped as too large without being read, and the rest serves', async () => {
    const dir = tempCorpus({ 'good.txt': GOOD });
    sparse(join(dir, 'huge.txt'), 50 * 1024 * 1024);
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    expect(warnings).toEqual([{ file: 'huge.txt', reason: 'too large (50.0 MB, limit 20 MB)' }]);
    const answer = answerQuestion(buildLibrary(articles), 'Who said "new elections will follow"?');
    expect(answer.answers[0].speaker).toBe('Maria Lopez');
  });

  it('an article longer than any news story is skipped with its length; the other lines of its file load', async () => {
    const long = `${STORY} `.repeat(Math.ceil(MAX_ARTICLE_CHARS / STORY.length) + 1);
    const dir = tempCorpus({
      'long.txt': `A very long file\n\n${long}\n`,
      'mixed.jsonl': [
        JSON.stringify({ id: 'big', title: 'Big', text: long }),
        JSON.stringify({ id: 'ok', title: 'Fine', text: STORY }),
      ].join('\n'),
    });
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['mixed/ok']);
    expect(warnings.map((w) => w.file)).toEqual(['long.txt', 'mixed.jsonl']);
    expect(warnings[0].reason).toMatch(/^too long for one article \([\d,]+ characters, limit 200,000\)$/);
    expect(warnings[1].reason).toMatch(/^line "big": too long for one article/);
  });

  it('HTML: scripts, styles, templates, handlers never reach the text, with or without the reader view', async () => {
    const evil =
      '<script>var said = "“I said this in a script,” said Evil Person."; document.write("x")</script>\n' +
      '      <style>p::before { content: "“Styled quote,” said Style Person." }</style>\n' +
      '      <noscript>“Enable scripts,” said Noscript Person.</noscript>' +
      '<template><p>“Hidden,” said Template Person.</p></template>';
    const paragraphs = [STORY, STORY.replace('Monday', 'Tuesday'), STORY.replace('Monday', 'Friday')]
      .map((p) => `<p onclick="alert('said')">${p}</p>`)
      .join('');
    const dir = tempCorpus({
      // Long enough for Readability.
      'page.html':
        `<html><head><title>Talks fail</title>${evil}</head>` +
        `<body>${evil}<article><h1>Talks fail</h1>${paragraphs}${evil}</article></body></html>`,
      // Too short for Readability: read block by block.
      'short.htm':
        `<html><head><title>Short</title>${evil}</head>` +
        `<body>${evil}<p>Short page.</p><p>It said little.</p></body></html>`,
    });
    const { articles, warnings } = await loadCorpus(dir);
    // The <noscript> and <template> that made Readability throw under linkedom are pruned before it runs.
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['page', 'short']);
    for (const a of articles) {
      expect(a.text).not.toMatch(/Evil|Style|Noscript|Template|script|document\.write|content:|onclick|alert/);
    }
    expect(articles[0].text).toContain(STORY);
    expect(articles[1].text).toBe('Short\n\nShort page.\n\nIt said little.');
  });

  it('HTML nested too deeply for the reader view is read block by block, with a warning', async () => {
    const depth = READER_LIMITS.depth * 10;
    const nested = `${'<div>'.repeat(depth)}<p>${STORY}</p>${'</div>'.repeat(depth)}`;
    const dir = tempCorpus({
      'deep.html':
        '<html><head><title>Deep page</title><script>bad()</script></head>' +
        `<body><h1>Deep page</h1>${nested}</body></html>`,
    });
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => a.text)).toEqual([`Deep page\n\n${STORY}`]);
    expect(warnings).toEqual([
      {
        file: 'deep.html',
        reason: expect.stringMatching(
          /^page too large for the reader view \(\d+ elements, \d+ deep\); read block by block$/,
        ),
      },
    ]);
  });

  it('Markdown with thousands of unclosed fences and brackets loads its text', async () => {
    const fenced = '```\ncode()\n```';
    const unclosed = `${'!['.repeat(30_000)}\n\n${'```js\n'.repeat(10_000)}`;
    const dir = tempCorpus({
      'odd.md': `# Odd page\n\n${STORY}\n\n${fenced}\n\nA [link](https://example.com) kept.\n\n${unclosed}`,
    });
    const { articles, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([]);
    expect(articles[0].text).toContain(STORY);
    expect(articles[0].text).toContain('A link kept.');
    expect(articles[0].text).not.toContain('code()');
  });

  it('UTF-16 text (with its BOM) is read as text, not refused as binary', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    const { articles, warnings } = await loadCorpus(tempCorpus({ 'le.txt': utf16le, 'be.txt': utf16be }));
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(['Talks fail in the capital', 'Talks fail in the capital']);
  });

  it('a named pipe, a link to a device and a loop of file links are skipped, not waited on', async () => {
    const dir = tempCorpus({ 'good.txt': GOOD });
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync(join(dir, 'b.md'), join(dir, 'a.md'));
    symlinkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    expect(reasons(warnings)).toEqual({
      'a.md': 'unreadable (too many symbolic links)',
      'b.md': 'unreadable (too many symbolic links)',
      'pipe.txt': 'not a regular file',
      'zero.txt': 'not a regular file',
    });
  });

  it('the same id from two files keeps the first and names the second', async () => {
    const { articles, warnings } = await loadCorpus(
      tempCorpus({ 'story.md': `# From markdown\n\n${STORY}\n`, 'story.txt': GOOD }),
    );
    expect(articles.map((a) => [a.id, a.file])).toEqual([['story', 'story.md']]);
    expect(warnings).toEqual([{ file: 'story.txt', reason: 'duplicate article id "story", kept the first' }]);
  });

  it('JSONL lines that are not articles (arrays, null, numbers, truncated, CRLF) are named; others load', async () => {
    const lines = [
      JSON.stringify({ id: 'one', title: 'One', text: STORY }),
      '[1, 2, 3]',
      'null',
      '42',
      JSON.stringify({ id: 'two', title: 'Two', text: 17 }),
      JSON.stringify({ id: '../../etc/passwd', title: 'Path', text: STORY }),
      `${JSON.stringify({ id: 'cut', title: 'Cut', text: STORY }).slice(0, 30)}`,
    ];
    const { articles, warnings } = await loadCorpus(tempCorpus({ 'feed.jsonl': lines.join('\r\n') }));
    expect(articles.map((a) => a.id)).toEqual(['feed/one', 'feed/..-..-etc-passwd']);
    expect(warnings.map((w) => w.reason)).toEqual([
      'line 2: not an object',
      'line 3: not an object',
      'line 4: not an object',
      'line 5: no "text"',
      'line 7: not JSON',
    ]);
  });

  it('the CLI prints one line per bad file on stderr, skipped or loaded, and still answers', async () => {
    const dir = tempCorpus({
      'good.txt': GOOD,
      'empty.txt': '',
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'feed.jsonl': ['{broken', JSON.stringify({ id: 'x', title: 'X', text: STORY }), '[]'].join('\n'),
      'latin1.txt': Buffer.concat([Buffer.from('Caf\xe9 news\n\n', 'latin1'), Buffer.from(STORY)]),
    });
    sparse(join(dir, 'huge.html'), 50 * 1024 * 1024);
    const cli = [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'ask',
      '--json',
      '--corpus',
      dir,
      'Who said "new elections will follow"?',
    ];
    const env = { SNAPSHOT_DIR: join(dir, '.cache') };
    const problems = [
      'whosaid: loaded feed.jsonl: line 1: not JSON; line 3: not an object',
      'whosaid: loaded latin1.txt: invalid UTF-8, bad bytes replaced',
      'whosaid: skipped binary.md: binary content, not text',
      'whosaid: skipped empty.txt: empty file',
      'whosaid: skipped huge.html: too large (50.0 MB, limit 20 MB)',
    ];
    // The second run loads the saved library without reading the files, and still names every bad one.
    for (const [n, cached] of [
      [1, /built and saved/],
      [2, /from the cache/],
    ] as const) {
      const r = await run(process.execPath, cli, '', env);
      expect(r.code, `run ${n}`).toBe(0);
      const lines = r.stderr.trimEnd().split('\n').sort();
      expect(
        lines.filter((l) => !l.startsWith('whosaid: library')),
        `run ${n}`,
      ).toEqual(problems);
      expect(
        lines.filter((l) => l.startsWith('whosaid: library')),
        `run ${n}`,
      ).toEqual([expect.stringMatching(cached)]);
      const answer = JSON.parse(r.stdout);
      expect(answer.answers[0]).toMatchObject({ speaker: 'Maria Lopez', article: { id: 'good' } });
    }
  });
});
