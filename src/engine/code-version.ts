// A hash of the sources in some folders of src/, read once. Answers cached in the store are keyed on
// the answering code as well as on the corpus version: a process running another version of the bot
// may answer the same question from the same library differently.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENGINE_VERSION } from './version.js';

const known = new Map<string, string>();

export function codeVersion(dirs: readonly string[]): string {
  const id = dirs.join(',');
  const cached = known.get(id);
  if (cached) return cached;
  const h = createHash('sha256').update(`engine ${ENGINE_VERSION}\n`);
  const src = resolve(import.meta.dirname, '..');
  for (const dir of dirs) {
    const folder = join(src, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (/\.(ts|js|json)$/.test(name)) h.update(`${dir}/${name}\n`).update(readFileSync(join(folder, name)));
    }
  }
  const hash = h.digest('hex').slice(0, 24);
  known.set(id, hash);
  return hash;
}
