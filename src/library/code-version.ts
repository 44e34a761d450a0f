// A hash of the sources in some folders of src/, read once. Answers cached in the store are keyed on
// the answering code as well as on the corpus version: a process running another version of the bot
// may answer the same question from the same library differently.
import { ENGINE_VERSION, sourceHash } from './version.js';

const known = new Map<string, string>();

export function codeVersion(dirs: readonly string[]): string {
  const id = dirs.join(',');
  let hash = known.get(id);
  if (!hash) known.set(id, (hash = sourceHash(dirs, `engine ${ENGINE_VERSION}`).slice(0, 24)));
  return hash;
}
