import { answerQuestion } from '../answer/index.js';
import type { Web } from '../feeds/index.js';
import type { Library } from '../library/index.js';
import type { CorpusSync, LiveLibrary } from '../serve/index.js';
import { ANSWER_LIMIT } from './answer-view.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { RateLimiter } from './ratelimit.js';
import type { Settings } from './settings.js';

/** What every command and button handler may use. */
export interface Context {
  /** The base corpus and each server's own library; loads while the client connects. */
  library: LiveLibrary;
  corpus: CorpusSync;
  /** Pages added by link, feeds followed, and their polling. */
  web: Web;
  store: Store;
  limiter: RateLimiter;
  settings: Settings;
  logger: Logger;
}

/**
 * One question of each kind before the first real one: the engine builds its lookups (speakers by
 * name and by role, quotes by article, what a server may see, WordNet's pertainyms) on first use, a
 * tenth to a quarter of a second on PolNeAR, and its code runs cold. Paid here, while nobody waits,
 * rather than by the first questions; a burst right after start-up is still slower than a later one
 * (its code is compiled as it runs).
 */
export function warmUp(library: Library): void {
  const speaker = library.speakers[0]?.name ?? 'someone';
  const words = library.quotes[0]?.text.split(/\s+/).slice(0, 5).join(' ') ?? 'something';
  // "the spokesman" builds the speakers' role profiles (a few tenths of a second on PolNeAR).
  const questions = [
    `Who said "${words}"?`,
    `What did ${speaker} say?`,
    'What did the spokesman say?',
    `Who is ${speaker}?`,
    'What happened?',
    'help',
  ];
  for (const question of questions) {
    try {
      answerQuestion(library, question, { limit: ANSWER_LIMIT });
    } catch {
      // A question that fails here fails again when asked, and is reported then.
    }
  }
}
