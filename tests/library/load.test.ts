import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import type { CorpusWarning } from '../../src/corpus/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { allSentences, corpusVersion, encodeLibrary, loadLibrary, SNAPSHOT_ERROR } from '../../src/library/index.js';
import { SEED_DIR } from '../helpers.js';

const QUESTIONS = ['Did Germany stop exporting weapons to Kazakhstan?', 'What happened to Samat Abish?', 'Who is Tokayev?'];

async function load(snapshotDir: string, corpus = SEED_DIR) {
  const warnings: CorpusWarning[] = [];
  const progress: string[] = [];
  const library = await loadLibrary(corpus, { snapshotDir, onWarning: (w) => warnings.push(w), onProgress: (m) => progress.push(m) });
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
    expect(readdirSync(dir)).toEqual([`${await seedVersion()}.snapshot`]);
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
    expect(warnings[0].reason).toMatch(new RegExp(`^${SNAPSHOT_ERROR} corpus version another-corpus-version, expected ${version}`));
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
    expect(readdirSync(dir)).toHaveLength(2);
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
