// SHARDS=auto|N: discord.js's ShardingManager runs one bot process per shard. With SHARD_IDS and
// SHARD_COUNT each machine runs its part of the shards (ids are global, so two machines never run the
// same one). The processes share state through the store (Redis, when they span machines); the
// manager builds the corpus index first, so the shards load its snapshot instead of each building it.
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.js';
import { loadVersionedLibrary } from '../library/index.js';
import type { Logger } from '../log.js';

export interface ShardRunner {
  manager: ShardingManager;
  /** Stops every shard (each finishes its answers in flight) and waits for them to exit. */
  stop(): Promise<void>;
}

/** Discord's recommended shard count, asked of the configured API (a proxy, or the tests' fake). */
async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken!);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, gateway.shards);
}

export async function runShards(
  config: Config,
  script: string,
  logger: Logger,
  execArgv: string[],
): Promise<ShardRunner> {
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set');
  const total =
    config.shardCount ?? (config.shards === 'auto' ? await recommendedShards(config) : (config.shards ?? 1));
  const shardList = config.shardIds ?? [...Array(total).keys()];
  const loaded = await loadVersionedLibrary(config.corpusDir, {
    snapshotDir: config.snapshotDir,
    onWarning: (w) => logger.warn({ file: w.file, reason: w.reason }, 'skipped a corpus file'),
  });
  logger.info(
    { version: loaded.version, from: loaded.from, articles: loaded.library.articles.length },
    'corpus index ready for the shards',
  );
  const manager = new ShardingManager(script, {
    token: config.discordToken,
    totalShards: total,
    shardList,
    mode: 'process',
    respawn: true,
    // The shards run the TypeScript sources the way this process does (node --import tsx).
    execArgv,
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard process started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'));
  });
  logger.info({ shards: shardList, total }, 'starting shards');
  // Discord allows one IDENTIFY per 5 seconds per bucket: the processes start that far apart.
  await manager.spawn({ amount: total, delay: 5500, timeout: 120_000 });
  return {
    manager,
    async stop() {
      manager.respawn = false;
      const exits = [...manager.shards.values()].map(
        (shard) =>
          new Promise<void>((resolve) => {
            const child = shard.process;
            if (!child || child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            // SIGTERM: each shard finishes its answers in flight, then exits.
            child.kill('SIGTERM');
          }),
      );
      await Promise.all(exits);
    },
  };
}
