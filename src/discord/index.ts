import type { Config } from '../config.js';

/** Starts the Discord bot (issue #5 builds it). */
export async function startBot(_config: Config): Promise<never> {
  throw new Error('the Discord bot is not built yet');
}
