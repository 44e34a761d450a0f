// The version of what the engine derives from articles (sentences, quotes, speakers, index terms).
// Snapshots are named after the corpus version, which includes this one, so a process never loads a
// library the current code would not have built. It is a hash of the code that makes the library: a
// number bumped by hand is forgotten the first time an attribution rule changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const PARTS = ['corpus', 'text', 'lexicon', 'attribution', 'search', 'library', 'types.ts'];

function sources(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) =>
        e.isDirectory() ? sources(join(path, e.name)) : /\.(ts|js|json)$/.test(e.name) ? [join(path, e.name)] : [],
      );
  } catch {
    return /\.(ts|js|json)$/.test(path) ? [path] : [];
  }
}

/** sha256 of `seed` and every source file under the given parts of src/ (folders or files), in order. */
export function sourceHash(parts: readonly string[], seed: string): string {
  const h = createHash('sha256').update(`${seed}\n`);
  for (const part of parts) {
    for (const file of sources(join(SRC, part))) {
      h.update(file.slice(SRC.length)).update('\n').update(readFileSync(file)).update('\n');
    }
  }
  return h.digest('hex');
}

export const ENGINE_VERSION = sourceHash(PARTS, 'whosaid engine 1').slice(0, 12);
