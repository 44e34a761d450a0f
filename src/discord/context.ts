import { answerQuestion } from '../answer/index.js';
import type { Library } from '../engine/index.js';
import { ANSWER_LIMIT } from './answer-view.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';

/** What every command and button handler may use. */
export interface Context {
  library: LibraryState;
  store: Store;
  logger: Logger;
}

/**
 * The corpus, which loads while the client connects. Handlers read `current` when they can answer at
 * once and wait on `ready` (after deferring) when they cannot.
 */
export class LibraryState {
  current: Library | null = null;
  error: Error | null = null;
  readonly ready: Promise<Library>;

  constructor(source: Promise<Library>) {
    this.ready = source.then(
      (library) => {
        warmUp(library);
        return (this.current = library);
      },
      (err: Error) => {
        this.error = err;
        throw err;
      },
    );
    // The failure is reported by whoever awaits `ready` (startBot logs it); not an unhandled rejection.
    this.ready.catch(() => {});
  }
}

/**
 * One question of each kind before the first real one: the engine builds its lookups (speakers by
 * name, quotes by article, what a server may see) on first use, a tenth to a quarter of a second on
 * PolNeAR, and its code runs cold. Paid here, while nobody waits, rather than by the first questions;
 * a burst right after start-up is still slower than a later one (its code is compiled as it runs).
 */
function warmUp(library: Library): void {
  const speaker = library.speakers[0]?.name ?? 'someone';
  const words = library.quotes[0]?.text.split(/\s+/).slice(0, 5).join(' ') ?? 'something';
  for (const question of [`Who said "${words}"?`, `What did ${speaker} say?`, `Who is ${speaker}?`, 'What happened?', 'help']) {
    try {
      answerQuestion(library, question, { limit: ANSWER_LIMIT });
    } catch {
      // A question that fails here fails again when asked, and is reported then.
    }
  }
}
