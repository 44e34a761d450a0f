// The bot as `npm start` builds it (createBot, the real discord.js client), pointed at a fake Discord,
// with its logs captured for assertions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { readConfig, type Config } from '../../src/config.js';
import { createBot, type Bot, type BotOptions } from '../../src/discord/index.js';
import type { Library } from '../../src/library/index.js';
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
  /** The first line (already written or to come) that matches. */
  waitFor(match: (l: LogLine) => boolean): Promise<LogLine>;
}

export function captureLogs(): Logs {
  const chunks: string[] = [];
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      const text = String(chunk);
      chunks.push(text);
      for (const l of text.split('\n')) {
        if (!l.trim()) continue;
        const line = JSON.parse(l) as LogLine;
        lines.push(line);
        for (const w of waiters.filter((x) => x.match(line))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
      done();
    },
  });
  const logger = pino({ level: 'debug', base: { app: 'whosaid' } }, stream);
  return {
    logger,
    lines,
    raw: () => chunks.join(''),
    find: (m) => lines.find(m),
    waitFor: (match) =>
      new Promise((resolve) => {
        const found = lines.find(match);
        if (found) resolve(found);
        else waiters.push({ match, resolve });
      }),
  };
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
  /** A fake Discord already running (a restarted bot, a second process); closed by its owner. */
  discord?: FakeDiscord;
  /** A store, or how to open one with the bot's logger. Default: STORE_URL's. */
  store?: Store | ((logger: Logger) => Store);
  fake?: FakeOptions;
  /** discord.js REST retries for 5xx and network errors; Discord's client default is 3. */
  retries?: number;
  /** How long discord.js waits for one REST response before giving up. Default 5 s. */
  restTimeoutMs?: number;
  env?: Record<string, string>;
}

/** Starts a fake Discord and the bot against it; resolves when the client is ready. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.discord ?? (await FakeDiscord.start({ heartbeatIntervalMs: 250, ...options.fake }));
  const snapshotDir = mkdtempSync(join(tmpdir(), 'whosaid-snapshots-'));
  const logs = captureLogs();
  const { config, problems } = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    STORE_URL: 'memory://',
    CORPUS_DIR: SEED_DIR,
    SNAPSHOT_DIR: snapshotDir,
    ...options.env,
  });
  if (problems.length) throw new Error(problems.join('; '));
  const store =
    typeof options.store === 'function'
      ? options.store(logs.logger)
      : (options.store ?? openStore(config.storeUrl, { logger: logs.logger }));
  const botOptions: BotOptions = {
    logger: logs.logger,
    store,
    library: options.library === undefined ? undefined : Promise.resolve(options.library),
    // Small REST timeouts and no rate-limit safety margin: the fake answers at once, and a test
    // that injects a 429 should not wait longer than the retry_after it chose.
    clientOptions: {
      rest: { retries: options.retries ?? 0, timeout: options.restTimeoutMs ?? 5_000, offset: 0 },
      waitGuildTimeout: 2_000,
    },
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
      if (!options.discord) await fake.close();
      rmSync(snapshotDir, { recursive: true, force: true });
    },
  };
}

/** The JSON body of the request that acknowledged an interaction. */
export async function callbackOf(fake: FakeDiscord, interaction: { id: string }, status = 204) {
  const r = await fake.waitForRequest(
    (x) => x.path.startsWith(`/interactions/${interaction.id}/`) && x.status === status,
  );
  return r.body as { type: number; data: any };
}

/**
 * What the person finally sees for an interaction: the reply (callback type 4), or, after a
 * "thinking…" deferral, the edit or follow-up that replaced it. The body of that message.
 */
export async function replyOf(fake: FakeDiscord, interaction: { id: string; token: string }): Promise<any> {
  const r = await fake.waitForRequest(
    (x) =>
      x.status < 300 &&
      ((x.method === 'POST' &&
        x.path === `/interactions/${interaction.id}/${interaction.token}/callback` &&
        x.body?.type === 4) ||
        (x.method === 'PATCH' && x.path.includes(`/${interaction.token}/messages/@original`)) ||
        (x.method === 'POST' && x.path.endsWith(`/${interaction.token}`))),
  );
  return r.body?.type === 4 ? r.body.data : r.body;
}

/** A message's buttons, label (or emoji) → custom id. */
export function buttons(message: Record<string, any>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of message.components ?? [])
    for (const b of row.components) out[b.label ?? b.emoji.name] = b.custom_id;
  return out;
}
