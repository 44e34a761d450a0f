// The bot as `npm start` builds it (createBot, the real discord.js client), pointed at a fake Discord,
// with its logs captured for assertions.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { readConfig, type Config } from '../../src/config.js';
import { createBot, type Bot, type BotOptions } from '../../src/discord/index.js';
import type { Library } from '../../src/engine/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { SEED_DIR } from '../helpers.js';
import { FakeDiscord, type FakeOptions } from './fake/index.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Logs {
  logger: Logger;
  lines: LogLine[];
  /** Everything logged, as written: for "the token never appears". */
  raw(): string;
  find(match: (l: LogLine) => boolean): LogLine | undefined;
}

export function captureLogs(): Logs {
  const chunks: string[] = [];
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      const text = String(chunk);
      chunks.push(text);
      for (const l of text.split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  const logger = pino({ level: 'debug', base: { app: 'whosaid' } }, stream);
  return { logger, lines, raw: () => chunks.join(''), find: (m) => lines.find(m) };
}

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  logs: Logs;
  store: Store;
  config: Config;
  close(): Promise<void>;
}

export interface HarnessOptions {
  library?: Library | Promise<Library>;
  store?: Store;
  fake?: FakeOptions;
  /** discord.js REST retries for 5xx and network errors; Discord's client default is 3. */
  retries?: number;
  /** How long discord.js waits for one REST response before giving up. Default 5 s. */
  restTimeoutMs?: number;
  env?: Record<string, string>;
}

/** Starts a fake Discord and the bot against it; resolves when the client is ready. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start({ heartbeatIntervalMs: 250, ...options.fake });
  const logs = captureLogs();
  const { config, problems } = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    STORE_URL: 'memory://',
    CORPUS_DIR: SEED_DIR,
    ...options.env,
  });
  if (problems.length) throw new Error(problems.join('; '));
  const store = options.store ?? openStore('memory://');
  const botOptions: BotOptions = {
    logger: logs.logger,
    store,
    library: options.library === undefined ? undefined : Promise.resolve(options.library),
    // Small REST timeouts and no rate-limit safety margin: the fake answers at once, and a test
    // that injects a 429 should not wait longer than the retry_after it chose.
    clientOptions: { rest: { retries: options.retries ?? 0, timeout: options.restTimeoutMs ?? 5_000, offset: 0 }, waitGuildTimeout: 2_000 },
    drainTimeoutMs: 5_000,
  };
  const bot = createBot(config, botOptions);
  await bot.start();
  return {
    fake,
    bot,
    logs,
    store,
    config,
    async close() {
      await bot.stop('test over');
      await fake.close();
    },
  };
}

/** The JSON body of the request that acknowledged an interaction. */
export async function callbackOf(fake: FakeDiscord, interaction: { id: string }, status = 204) {
  const r = await fake.waitForRequest((x) => x.path.startsWith(`/interactions/${interaction.id}/`) && x.status === status);
  return r.body as { type: number; data: any };
}
