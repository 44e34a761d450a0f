import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStore } from '../../src/store/index.js';

const sqlite3 = createRequire(import.meta.url)('sqlite3') as typeof import('sqlite3');

describe('checking the store before the bot connects', () => {
  it('accepts a SQLite file it can write, and leaves the store open', async () => {
    const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'whosaid-check-')), 'state.sqlite')}`;
    const { store, problem } = await checkStore(url);
    expect(problem).toBeNull();
    await store!.set('settings', 'g', { visibility: 'public' });
    expect(await store!.get('settings', 'g')).toEqual({ visibility: 'public' });
    await store!.close();
  });

  it('refuses a path that cannot hold a database, in one line naming STORE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-check-'));
    writeFileSync(join(dir, 'plain-file'), 'not a folder');
    const url = `sqlite://${join(dir, 'plain-file', 'state.sqlite')}`;
    const { store, problem } = await checkStore(url);
    expect(store).toBeNull();
    expect(problem).toMatch(/^cannot use STORE_URL sqlite:\/\/.*plain-file\/state\.sqlite: E[A-Z]+: /);
    expect(problem!.split('\n')).toHaveLength(1);
  });

  it('refuses a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosaid-check-'));
    writeFileSync(
      join(dir, 'notes.sqlite'),
      'just some text, long enough to be read as a header by sqlite '.repeat(20),
    );
    const { store, problem } = await checkStore(`sqlite://${join(dir, 'notes.sqlite')}`);
    expect(store).toBeNull();
    expect(problem).toMatch(
      /^cannot write to STORE_URL sqlite:\/\/.*notes\.sqlite \(read-only, locked, or not a database\?\): /,
    );
  });

  it('refuses a file another process holds locked', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'whosaid-check-')), 'locked.sqlite');
    const db = new sqlite3.Database(file);
    const run = (sql: string) =>
      new Promise<void>((resolve, reject) => db.run(sql, (err: Error | null) => (err ? reject(err) : resolve())));
    await run('CREATE TABLE t(x)');
    await run('BEGIN EXCLUSIVE');
    try {
      const { store, problem } = await checkStore(`sqlite://${file}`);
      expect(store).toBeNull();
      expect(problem).toMatch(/^cannot write to STORE_URL .*locked\.sqlite/);
    } finally {
      await run('ROLLBACK');
      await new Promise<void>((resolve) => db.close(() => resolve()));
    }
  });
});
