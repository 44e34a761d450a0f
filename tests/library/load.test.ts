import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import type { CorpusWarning } from '../../src/corpus/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { allSentences, corpusVersion, encodeLibrary, loadLibrary, SNAPSHOT_ERROR } from '../../src/library/index.js';
import { SEED_DIR } from '../helpers.js';

const QUESTIONS = [
  'Did Germany stop exporting weapons to Kazakhstan?',
  'What happened to Samat Abish?',
  'Who is Tokayev?',
];

async function load(snapshotDir: string, corpus = SEED_DIR) {
  const warnings: CorpusWarning[] = [];
  const progress: string[] = [];
  const library = await loadLibrary(corpus, {
    snapshotDir,
    onWarning: (w) => warnings.push(w),
    onProgress: (m) => progress.push(m),
  });
  return { library, warnings, progress, fromSnapshot: progress.some((m) => m.startsWith('loaded snapshot')) };
}

async function seedVersion(): Promise<string> {
  return corpusVersion((await loadCorpus(SEED_DIR)).articles);
}

describe('loadLibrary with a snapshot folder', () => {
  it('builds and saves on the first load, then loads the snapshot with the same answers', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'whosaid-load-')), 'snapshots');
    const first = await load(dir);
    expect(first.fromSnapshot).toBe(false);
    expect(first.warnings).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.snapshot'))).toEqual([`${await seedVersion()}.snapshot`]);
    const second = await load(dir);
    expect(second.fromSnapshot).toBe(true);
    expect(second.warnings).toEqual([]);
    expect(allSentences(second.library.sentences)).toEqual(allSentences(first.library.sentences));
    for (const q of QUESTIONS) expect(answerQuestion(second.library, q)).toEqual(answerQuestion(first.library, q));
  });

  it('rebuilds, with a warning, over a damaged snapshot, and replaces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-load-'));
    const file = join(dir, `${await seedVersion()}.snapshot`);
    const good = encodeLibrary((await load(dir)).library, await seedVersion());
    const damaged = Buffer.from(good);
    damaged[damaged.length - 7] ^= 0xff;
    writeFileSync(file, damaged);
    const { fromSnapshot, warnings } = await load(dir);
    expect(fromSnapshot).toBe(false);
    expect(warnings).toEqual([{ file, reason: `${SNAPSHOT_ERROR} damaged (checksum mismatch); rebuilding` }]);
    expect(readFileSync(file).equals(good)).toBe(true);
    expect((await load(dir)).fromSnapshot).toBe(true);
  });

  it('rebuilds when the snapshot under the corpus name is of another version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-load-'));
    const version = await seedVersion();
    const { library } = await load(dir);
    // What a process of another engine would have left under this name (as if it hashed the same).
    writeFileSync(join(dir, `${version}.snapshot`), encodeLibrary(library, 'another-corpus-version'));
    const { fromSnapshot, warnings } = await load(dir);
    expect(fromSnapshot).toBe(false);
    expect(warnings[0].reason).toMatch(
      new RegExp(`^${SNAPSHOT_ERROR} corpus version another-corpus-version, expected ${version}`),
    );
    expect((await load(dir)).fromSnapshot).toBe(true);
  });

  it('names a changed corpus anew, so a stale snapshot is never read for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-load-'));
    const corpus = mkdtempSync(join(tmpdir(), 'whosaid-corpus-'));
    const story = 'The minister said on Monday that the talks had failed and that new elections would follow soon.';
    writeFileSync(join(corpus, 'a.txt'), `Title A\n\n${story}\n`);
    await load(dir, corpus);
    writeFileSync(join(corpus, 'b.txt'), `Title B\n\n${story.replace('Monday', 'Friday')}\n`);
    const { library, fromSnapshot } = await load(dir, corpus);
    expect(fromSnapshot).toBe(false);
    expect(library.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.snapshot'))).toHaveLength(2);
  });

  it('loads the snapshot of a folder whose files kept their names, sizes and times without reading them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-load-'));
    const corpus = mkdtempSync(join(tmpdir(), 'whosaid-corpus-'));
    const file = join(corpus, 'a.txt');
    // Whole seconds, so that setting the time back gives the very same time.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000);
    writeFileSync(file, 'Talks\n\n“The talks have failed,” said Maria Lopez.\n');
    utimesSync(file, mtime, mtime);
    expect((await load(dir, corpus)).library.quotes[0].speaker).toBe('Maria Lopez');
    // Rewritten to the byte count and time it had: only a read would notice, and none happens.
    writeFileSync(file, 'Talks\n\n“The talks have failed,” said Maria Perez.\n');
    utimesSync(file, mtime, mtime);
    const cached = await load(dir, corpus);
    expect(cached.fromSnapshot).toBe(true);
    expect(cached.library.quotes[0].speaker).toBe('Maria Lopez');
    utimesSync(file, mtime, new Date(mtime.getTime() + 2000));
    expect((await load(dir, corpus)).library.quotes[0].speaker).toBe('Maria Perez');
  });

  it('keeps only the latest snapshots when asked, with the file lists that name them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-load-'));
    const corpus = mkdtempSync(join(tmpdir(), 'whosaid-corpus-'));
    for (const [n, name] of ['Lopez', 'Perez', 'Ruiz'].entries()) {
      writeFileSync(join(corpus, 'a.txt'), `Talks\n\n“The talks have failed,” said Maria ${name}.\n`);
      utimesSync(join(corpus, 'a.txt'), new Date(), new Date(Date.now() + n * 2000));
      await loadLibrary(corpus, { snapshotDir: dir, keepSnapshots: 2 });
    }
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.snapshot'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.files.json'))).toHaveLength(2);
    expect((await load(dir, corpus)).fromSnapshot).toBe(true);
  });

  it('still answers when the snapshot cannot be saved, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-load-'));
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'not a folder');
    const { library, warnings } = await load(join(blocker, 'snapshots'));
    expect(library.sentences.length).toBeGreaterThan(10);
    expect(warnings.at(-1)!.reason).toMatch(/^could not save the snapshot/);
    expect(existsSync(join(blocker, 'snapshots'))).toBe(false);
  });
});
