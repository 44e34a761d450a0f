import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus, parseArticleBytes } from '../src/corpus/index.js';
import { buildLibrary, type Library } from '../src/library/index.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const SEED_DIR = resolve(ROOT, 'corpus');
export const SEED_ID = 'kazakhstan-nazarbayev-spokesman';
export const SHARED = resolve(ROOT, '..', 'shared');
export const POLNEAR_DIR = resolve(SHARED, 'eval/polnear/corpus');
export const POLNEAR = resolve(SHARED, 'eval/polnear');

let seed: Promise<Library> | undefined;
/** The seed corpus built once per test file. */
export function seedLibrary(): Promise<Library> {
  seed ??= loadCorpus(SEED_DIR).then(({ articles }) => buildLibrary(articles));
  return seed;
}

/** A short made-up article (its lines, or its text) read as a .txt file: each quote in marks and its speaker. */
export function whoSaid(story: string | string[]): Array<[string, string | null]> {
  const text = Array.isArray(story) ? story.join('\n') : story;
  const { articles } = parseArticleBytes(Buffer.from(text), 'story.txt', '');
  return buildLibrary(articles)
    .quotes.filter((q) => q.kind !== 'indirect')
    .map((q) => [q.text, q.speaker]);
}

/** One plain news sentence, for corpus files made up in tests. */
export const STORY = 'The minister said on Monday that the talks had failed and that new elections would follow soon.';

/** A corpus folder in a fresh temporary directory: file path (subfolders allowed) → content. */
export function tempCorpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
