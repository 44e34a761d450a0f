import type { Library } from '../engine/index.js';
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
      (library) => (this.current = library),
      (err: Error) => {
        this.error = err;
        throw err;
      },
    );
    // The failure is reported by whoever awaits `ready` (startBot logs it); not an unhandled rejection.
    this.ready.catch(() => {});
  }
}
