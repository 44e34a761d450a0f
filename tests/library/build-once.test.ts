import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { loadCorpus, type CorpusWarning } from '../../src/corpus/index.js';
import { buildInWorker, corpusVersion, loadOrBuildLibrary, snapshotFile } from '../../src/library/index.js';
import { SEED_DIR, seedLibrary } from '../helpers.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'whosaid-once-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a library built once per corpus version', () => {
  it('is built by one of the processes starting together, loaded by the others, leaving no lock behind', async () => {
    const { articles } = await loadCorpus(SEED_DIR);
    const version = corpusVersion(articles);
    const dir = tempDir();
    const together = await Promise.all(
      [0, 1, 2].map(() => loadOrBuildLibrary(articles, version, { snapshotDir: dir })),
    );
    expect(together.map((l) => l.from).sort()).toEqual(['build', 'snapshot', 'snapshot']);
    expect((await loadOrBuildLibrary(articles, version, { snapshotDir: dir })).from).toBe('snapshot');
    expect(readdirSync(dir)).toEqual([`${version}.snapshot`]);
  });

  it('a damaged snapshot is rebuilt with a warning; without a folder nothing is saved', async () => {
    const { articles } = await loadCorpus(SEED_DIR);
    const version = corpusVersion(articles);
    const dir = tempDir();
    writeFileSync(snapshotFile(dir, version), 'WSLB garbage');
    const warnings: CorpusWarning[] = [];
    const again = await loadOrBuildLibrary(articles, version, { snapshotDir: dir, onWarning: (w) => warnings.push(w) });
    expect(again.from).toBe('build');
    expect(warnings).toEqual([{ file: snapshotFile(dir, version), reason: expect.stringMatching(/; rebuilding$/) }]);
    expect((await loadOrBuildLibrary(articles, version, { snapshotDir: dir })).from).toBe('snapshot');
    expect((await loadOrBuildLibrary(articles, version, { snapshotDir: null })).from).toBe('build');
  });

  it('a library built in a worker thread is the one built here', async () => {
    const built = await seedLibrary();
    const stages: string[] = [];
    const fromWorker = await buildInWorker(built.articles, {
      onProgress: (m) => stages.push(m),
      onArticleError: () => {},
    });
    expect(stages).toEqual(['building sentences', 'building quotes', 'building index']);
    expect(fromWorker.quotes).toEqual(built.quotes);
    expect(fromWorker.speakers).toEqual(built.speakers);
    for (const q of ['What did Ablyazov say?', 'Who said "it is now a real revolution"?']) {
      expect(answerQuestion(fromWorker, q)).toEqual(answerQuestion(built, q));
    }
  });
});
