import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR_ERROR, loadCorpus, parseArticleBytes } from '../../src/corpus/index.js';
import { STORY, tempCorpus } from '../helpers.js';

describe('loading a corpus folder', () => {
  it('reads txt, md, html and jsonl, with ids relative to the root', async () => {
    const frontMatter = '---\ntitle: "Title B"\nurl: https://example.com/b\ndate: 2022-01-07\nsource: Example\n---\n\n';
    const paragraphs = [STORY, STORY.replace('Monday', 'Tuesday'), STORY.replace('Monday', 'Friday')]
      .map((p) => `<p>${p}</p>`)
      .join('');
    const dir = tempCorpus({
      'a.txt': `Title A\n\n${STORY}\n`,
      'sub/b.md': `${frontMatter}${STORY}\n`,
      'sub/deeper/c.html':
        '<html><head><title>Title C</title><script>evil()</script><style>p{}</style></head>' +
        `<body><article><h1>Title C</h1>${paragraphs}</article></body></html>`,
      'd.jsonl': [
        JSON.stringify({ id: 'one', title: 'Title D1', text: STORY, url: 'https://example.com/d1' }),
        '{broken json',
        JSON.stringify({ title: 'no text' }),
        JSON.stringify({ id: 'one', title: 'Title D1 again', text: STORY }),
        JSON.stringify({ title: 'Title D2', text: STORY }),
      ].join('\n'),
    });
    const { articles, warnings } = await loadCorpus(dir);
    const byId = Object.fromEntries(articles.map((a) => [a.id, a]));
    expect(Object.keys(byId).sort()).toEqual(['a', 'd/5', 'd/one', 'sub/b', 'sub/deeper/c']);
    expect(byId['sub/b']).toMatchObject({
      title: 'Title B',
      url: 'https://example.com/b',
      date: '2022-01-07',
      source: 'Example',
    });
    expect(byId['sub/deeper/c'].title).toBe('Title C');
    expect(byId['sub/deeper/c'].text).not.toMatch(/evil|p\{\}/);
    expect(byId['d/one'].url).toBe('https://example.com/d1');
    expect(warnings.map((w) => `${w.file}: ${w.reason}`)).toEqual([
      'd.jsonl: line 2: not JSON',
      'd.jsonl: line 3: no "text"',
      'd.jsonl: line 4: duplicate id "one"',
    ]);
  });

  it('skips bad files with a warning naming each, and loads the rest', async () => {
    const dir = tempCorpus({
      'good.txt': `Good\n\n${STORY}\n`,
      'empty.txt': '',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]),
      'latin1.txt': Buffer.concat([Buffer.from('Caf\xe9 news\n\n', 'latin1'), Buffer.from(STORY)]),
      'blank.md': '---\ntitle: x\n---\n\n',
      'notes.pdf': 'ignored: not a corpus format',
    });
    symlinkSync(dir, join(dir, 'loop'));
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => a.id).sort()).toEqual(['good', 'latin1']);
    const reasons = Object.fromEntries(warnings.map((w) => [w.file, w.reason]));
    expect(reasons).toEqual({
      'binary.txt': 'binary content, not text',
      'blank.md': 'no article text',
      'empty.txt': 'empty file',
      'latin1.txt': 'invalid UTF-8, bad bytes replaced',
      loop: 'folder already visited (symlink loop)',
    });
  });

  it('skips a file that cannot be read', async () => {
    if (process.getuid?.() === 0) {
      // root reads everything: a dangling symlink is the unreadable file here.
      const dir = tempCorpus({ 'good.txt': `Good\n\n${STORY}\n` });
      symlinkSync(join(dir, 'missing.txt'), join(dir, 'dangling.txt'));
      const { articles, warnings } = await loadCorpus(dir);
      expect(articles).toHaveLength(1);
      expect(warnings).toEqual([{ file: 'dangling.txt', reason: 'unreadable (no such file or folder)' }]);
    } else {
      const dir = tempCorpus({ 'good.txt': `Good\n\n${STORY}\n`, 'secret.txt': `Secret\n\n${STORY}\n` });
      chmodSync(join(dir, 'secret.txt'), 0o000);
      const { articles, warnings } = await loadCorpus(dir);
      expect(articles).toHaveLength(1);
      expect(warnings).toEqual([{ file: 'secret.txt', reason: 'unreadable (permission denied)' }]);
    }
  });

  it('skips files over the size limit', async () => {
    const dir = tempCorpus({ 'big.txt': `Big\n\n${STORY.repeat(2000)}\n`, 'small.txt': `Small\n\n${STORY}\n` });
    const { articles, warnings } = await loadCorpus(dir, { maxFileBytes: 10_000 });
    expect(articles.map((a) => a.id)).toEqual(['small']);
    expect(warnings[0].file).toBe('big.txt');
    expect(warnings[0].reason).toMatch(/^too large/);
  });

  it('refuses a folder that does not exist with the fixed message', async () => {
    await expect(loadCorpus('/no/such/folder')).rejects.toThrow(
      `${CORPUS_DIR_ERROR} /no/such/folder: no such file or folder`,
    );
  });

  it('parses uploaded bytes the same way and names unsupported formats', () => {
    expect(parseArticleBytes(Buffer.from(`T\n\n${STORY}`), 'up.txt').articles[0].id).toBe('up');
    expect(parseArticleBytes(Buffer.from('x'), 'up.docx').warnings[0].reason).toMatch(/^unsupported format ".docx"/);
  });

  it('reads a text block of long lines as one paragraph a line, and a block wrapped at a width as one', () => {
    const roundUp = [
      '“The new bus lanes have cut my commute to the hospital by twenty minutes each way.” ― Ines Moreau',
      '“Nobody asked the shop owners on Harbour Street before the parking went, and we lose trade.” ― Tom Baird',
    ].join('\n');
    const wrapped = [
      'The council voted on Tuesday to keep the bus lanes on Harbour Street',
      'after a trial that ran for six months, the transport committee said in',
      'a statement.',
    ].join('\n');
    const [a] = parseArticleBytes(Buffer.from(`Bus lanes\n\n${roundUp}\n\n${wrapped}\n`), 'bus.txt').articles;
    expect(a.paragraphs.slice(1).map((p) => a.text.slice(p.start, p.end))).toEqual([
      roundUp.split('\n')[0],
      roundUp.split('\n')[1],
      wrapped.replace(/\n/g, ' '),
    ]);
  });
});
