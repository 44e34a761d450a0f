import type { CorpusSync, LiveLibrary } from '../engine/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { RateLimiter } from './ratelimit.js';
import type { Settings } from './settings.js';

/** What every command and button handler may use. */
export interface Context {
  /** The base corpus and each server's own library; loads while the client connects. */
  library: LiveLibrary;
  corpus: CorpusSync;
  store: Store;
  limiter: RateLimiter;
  settings: Settings;
  logger: Logger;
}
