import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { buildInWorker, corpusVersion, loadLibrarySnapshot, loadOrBuildLibrary, saveLibrarySnapshot, snapshotFile } from '../../src/engine/index.js';
import { SEED_DIR, seedLibrary } from '../helpers.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'whosaid-snap-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('library snapshots', () => {
  it('a saved library loads back answering exactly as the built one', async () => {
    const built = await seedLibrary();
    const version = corpusVersion(built.articles);
    const file = snapshotFile(tempDir(), version);
    await saveLibrarySnapshot(file, built, version);
    const loaded = (await loadLibrarySnapshot(file, version))!;
    expect(loaded.articles).toEqual(built.articles);
    expect(loaded.quotes).toEqual(built.quotes);
    expect(loaded.speakers).toEqual(built.speakers);
    for (const q of ['Who said "it is now a real revolution"?', 'What did Ablyazov say?', 'weapons exports to Kazakhstan', 'help']) {
      expect(answerQuestion(loaded, q)).toEqual(answerQuestion(built, q));
    }
  });

  it('names its corpus version: other articles make another version, and a file of another version is refused', async () => {
    const { articles } = await loadCorpus(SEED_DIR);
    const version = corpusVersion(articles);
    expect(corpusVersion(articles)).toBe(version);
    expect(corpusVersion([{ ...articles[0], title: `${articles[0].title}!` }])).not.toBe(version);
    expect(corpusVersion(articles, 'base')).not.toBe(version);
    const dir = tempDir();
    const file = snapshotFile(dir, version);
    expect(await loadLibrarySnapshot(file, version)).toBeNull();
    await saveLibrarySnapshot(file, await seedLibrary(), version);
    await expect(loadLibrarySnapshot(file, 'another-version')).rejects.toThrow(/holds corpus version .* not another-version/);
    writeFileSync(file, 'not a snapshot');
    await expect(loadLibrarySnapshot(file, version)).rejects.toThrow(/is not a library snapshot/);
  });

  it('is built once when processes start together, loaded after that, and a damaged one is rebuilt', async () => {
    const { articles } = await loadCorpus(SEED_DIR);
    const version = corpusVersion(articles);
    const dir = tempDir();
    const first = await Promise.all([loadOrBuildLibrary(articles, version, { snapshotDir: dir }), loadOrBuildLibrary(articles, version, { snapshotDir: dir })]);
    expect(first.map((l) => l.from).sort()).toEqual(['build', 'snapshot']);
    expect((await loadOrBuildLibrary(articles, version, { snapshotDir: dir })).from).toBe('snapshot');
    // Nothing half-written or locked is left behind.
    expect(readdirSync(dir)).toEqual([`library-${version}.snap`]);

    writeFileSync(snapshotFile(dir, version), 'WSLB garbage');
    const warnings: string[] = [];
    const again = await loadOrBuildLibrary(articles, version, { snapshotDir: dir, onWarning: (w) => warnings.push(w) });
    expect(again.from).toBe('build');
    expect(warnings).toEqual([expect.stringMatching(/^unusable snapshot, rebuilding/)]);
    expect((await loadOrBuildLibrary(articles, version, { snapshotDir: dir })).from).toBe('snapshot');
  });

  it('without a snapshot folder, builds and writes nothing', async () => {
    const { articles } = await loadCorpus(SEED_DIR);
    const loaded = await loadOrBuildLibrary(articles, 'v', { snapshotDir: null });
    expect(loaded.from).toBe('build');
    expect(existsSync(join(SEED_DIR, 'data'))).toBe(false);
  });

  it('a library built in a worker thread is the one built here', async () => {
    const built = await seedLibrary();
    const stages: string[] = [];
    const fromWorker = await buildInWorker(built.articles, (m) => stages.push(m));
    expect(stages).toEqual(['building sentences', 'building quotes', 'building index']);
    expect(fromWorker.quotes).toEqual(built.quotes);
    expect(fromWorker.speakers).toEqual(built.speakers);
    expect(answerQuestion(fromWorker, 'What did Ablyazov say?')).toEqual(answerQuestion(built, 'What did Ablyazov say?'));
  });
});
