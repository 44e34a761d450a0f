// `npm start`: the Discord bot when DISCORD_TOKEN is set, else a chat in the terminal on the same engine.
import { fileURLToPath } from 'node:url';
import { runChat, CONNECT_HINT } from './cli/chat.js';
import { warningCollector } from './cli/warnings.js';
import { loadDotEnv, readConfig } from './config.js';
import type { Config } from './config.js';
import { loadLibrary } from './library/index.js';

let botMode = false;

/**
 * Runs the bot until SIGINT or SIGTERM, then shuts down gracefully: the answers in flight are sent
 * before the connection closes. A second signal exits at once. npm does not pass signals on to the
 * script it runs, so under a process manager run `node --import tsx src/main.ts` directly.
 */
async function runBot(config: Config): Promise<number> {
  botMode = true;
  const { botLogger, createBot } = await import('./discord/index.js');
  const { checkStore } = await import('./store/index.js');
  const { createLogger } = await import('./log.js');
  const base = createLogger(config.logLevel);
  const { store, problem } = await checkStore(config.storeUrl, { logger: botLogger(config, base) });
  if (problem || !store) {
    process.stderr.write(`whosaid: ${problem}\n`);
    return 2;
  }
  const bot = createBot(config, { store, logger: base });
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (reason: string, code: number) => {
      stopping = true;
      bot.stop(reason).then(
        () => resolve(code),
        (err: Error) => {
          process.stderr.write(`whosaid: shutdown failed: ${err.message}\n`);
          resolve(1);
        },
      );
    };
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        bot.logger.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      }
      bot.logger.info({ signal }, 'signal received');
      stop(signal, 0);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    bot.library.ready.catch(() => {
      if (!stopping) stop('corpus failed to load', 2);
    });
    bot.start().catch((err: Error) => {
      if (stopping) return; // a signal during login: destroying the client ended it
      process.stderr.write(`whosaid: cannot connect to Discord: ${err.message}\n`);
      stop('login failed', 1);
    });
  });
}

/**
 * SHARDS=auto|N: runs the shards as child processes of this one (discord.js's ShardingManager) until
 * SIGINT or SIGTERM, which each shard gets in turn to finish its answers in flight.
 */
async function runManager(config: Config): Promise<number> {
  botMode = true;
  const { runShards } = await import('./discord/shards.js');
  const { createLogger } = await import('./log.js');
  const logger = createLogger(config.logLevel).child({ role: 'shard-manager' });
  const runner = await runShards(config, fileURLToPath(import.meta.url), logger, process.execArgv);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      logger.info({ signal }, 'signal received: stopping the shards');
      runner.stop().then(() => {
        logger.info('all shards stopped');
        resolve(0);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function main(): Promise<number> {
  loadDotEnv();
  const { config, problems } = readConfig();
  if (problems.length) {
    for (const p of problems) process.stderr.write(`whosaid: config: ${p}\n`);
    return 2;
  }
  if (config.discordToken) return config.shards !== null && !config.shardChild ? runManager(config) : runBot(config);
  process.stderr.write(`${CONNECT_HINT}\n`);
  const warnings = warningCollector();
  const library = await loadLibrary(config.corpusDir, {
    onWarning: warnings.onWarning,
    onProgress: (m) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${m}${m.startsWith('ready') ? '\n' : ''}`),
  });
  for (const line of warnings.lines(library.articles)) process.stderr.write(`${line}\n`);
  await runChat(library, { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // After the bot's shutdown, idle HTTP keep-alive sockets would hold the process a few seconds
    // more; nothing is left to flush (logs are written synchronously), so exit now.
    if (botMode) process.exit(code);
  },
  (err: Error) => {
    process.stderr.write(`whosaid: ${err.message}\n`);
    process.exitCode = err.message.startsWith('whosaid: cannot read corpus folder') ? 2 : 1;
  },
);
