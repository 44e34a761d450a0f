// The Discord bot: a discord.js client on the gateway, the corpus loading beside it, the store for
// shared state (buttons, settings, rate limits, uploads), and a shutdown that lets answers in flight finish.
import { Events, type Client, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { Web, webOptions } from '../feeds/index.js';
import { builder, loadVersionedLibrary, type Library, type Loaded } from '../library/index.js';
import { CorpusSync, LiveLibrary } from '../serve/index.js';
import { createLogger, type Logger } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import { createClient } from './client.js';
import { warmUp, type Context } from './context.js';
import { attachHandlers, safeError, Tracker } from './dispatch.js';
import { RateLimiter } from './ratelimit.js';
import { Settings } from './settings.js';

export interface BotOptions {
  logger?: Logger;
  /** The base corpus; default: loaded from config.corpusDir (or its snapshot) while the client connects. */
  library?: Promise<Library>;
  store?: Store;
  /** Merged into the discord.js client options (the tests shorten REST retries and timeouts). */
  clientOptions?: Partial<ClientOptions>;
  /** Longest wait for answers in flight at shutdown. Default 10 s. */
  drainTimeoutMs?: number;
}

export interface Bot {
  readonly client: Client;
  readonly library: LiveLibrary;
  readonly corpus: CorpusSync;
  readonly web: Web;
  readonly store: Store;
  readonly logger: Logger;
  /** Logs in and resolves once the client is ready (the corpus may still be loading). */
  start(): Promise<void>;
  /** Stops taking work, finishes answers in flight, closes the connection and the store. */
  stop(reason?: string): Promise<void>;
}

export function createBot(config: Config, options: BotOptions = {}): Bot {
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set');
  const token = config.discordToken;
  const logger = botLogger(config, options.logger);
  const store = options.store ?? openStore(config.storeUrl, { logger });
  const build = builder((message) => logger.warn(message));
  const library = new LiveLibrary(options.library ?? loadCorpus(config, logger, build), {
    snapshotDir: config.snapshotDir,
    onWarning: (w) => logger.warn({ file: w.file, reason: w.reason }, 'library warning'),
    build,
  });
  library.ready.then(warmUp, (err: Error) => logger.error({ error: safeError(err) }, 'the corpus could not be loaded'));
  const corpus = new CorpusSync(store, library, { pollMs: config.corpusPollMs, logger });
  void corpus.start();
  const web = new Web(store, corpus, webOptions(config, logger));
  web.start(library.ready);
  const client = createClient(config, options.clientOptions);
  const ctx: Context = {
    library,
    corpus,
    web,
    store,
    limiter: new RateLimiter(store, config.rateLimitPerMinute, logger),
    settings: new Settings(store, logger),
    logger,
  };
  const tracker = new Tracker((err) => logger.error({ error: safeError(err) }, 'unexpected error in a handler'));
  attachHandlers(client, ctx, tracker);
  watch(client, config, logger);
  let stopping: Promise<void> | null = null;

  return {
    client,
    library,
    corpus,
    web,
    store,
    logger,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
    },
    stop(reason = 'stop') {
      stopping ??= (async () => {
        tracker.stopping = true;
        logger.info({ reason, inFlight: tracker.size }, 'stopping: finishing answers in flight');
        const drained = await tracker.drain(options.drainTimeoutMs ?? 10_000);
        if (!drained) logger.warn({ inFlight: tracker.size }, 'gave up waiting for answers in flight');
        await client.destroy();
        await web.stop();
        await corpus.stop();
        await store.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

/**
 * The bot's logger over `base`: several processes write to one log when sharded, so each line says
 * which shards wrote it.
 */
export function botLogger(config: Config, base: Logger = createLogger(config.logLevel)): Logger {
  return config.shardIds ? base.child({ shards: config.shardIds }) : base;
}

function loadCorpus(config: Config, logger: Logger, build: ReturnType<typeof builder>): Promise<Loaded> {
  return loadVersionedLibrary(config.corpusDir, {
    snapshotDir: config.snapshotDir,
    build,
    onWarning: (w) => logger.warn({ file: w.file, reason: w.reason }, 'skipped a corpus file'),
    onProgress: (m) => logger.debug({ corpus: config.corpusDir }, m),
  }).then((loaded) => {
    const { library } = loaded;
    logger.info(
      {
        articles: library.articles.length,
        quotes: library.quotes.length,
        speakers: library.speakers.length,
        version: loaded.version,
        from: loaded.from,
      },
      'corpus ready',
    );
    return loaded;
  });
}

function watch(client: Client, config: Config, logger: Logger): void {
  client.once(Events.ClientReady, (c) => {
    logger.info(
      { user: c.user.tag, application: c.application.id, guilds: c.guilds.cache.size },
      'connected to Discord',
    );
    if (config.discordApplicationId && config.discordApplicationId !== c.application.id) {
      logger.warn(
        { configured: config.discordApplicationId, actual: c.application.id },
        "DISCORD_APPLICATION_ID is not this bot's application",
      );
    }
  });
  client.on(Events.Error, (err) => logger.error({ error: safeError(err) }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord.js warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  // A 429 is retried by discord.js after Retry-After; logged so an operator sees the bot is pushing
  // too hard. The route, never the path: an interaction's path holds its token.
  client.rest.on('response', (request, response) => {
    if (response.status !== 429) return;
    const retryAfter = response.headers.get('retry-after');
    logger.warn(
      {
        route: request.route,
        method: request.method,
        retryAfterS: retryAfter === null ? null : Number(retryAfter),
        scope: response.headers.get('x-ratelimit-scope'),
      },
      'rate limited by Discord',
    );
  });
  client.rest.on('rateLimited', (info) =>
    logger.info(
      { route: info.route, method: info.method, waitMs: info.timeToReset, global: info.global },
      'waiting for a Discord rate limit',
    ),
  );
}
