// The only reader of process.env. Everything configurable is read, checked and typed here once;
// the rest of the code receives a Config.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  discordToken: string | null;
  /** Read from the client at login when not given. */
  discordApplicationId: string | null;
  /** Commands are registered to this server (instantly) instead of globally. */
  discordGuildId: string | null;
  /** Base URL of Discord's REST API (a proxy, or the tests' fake Discord); null = discord.js default. */
  discordApiUrl: string | null;
  corpusDir: string;
  /** `sqlite://path` (default `sqlite://data/whosaid.sqlite`), `redis://…`, or `memory://`. */
  storeUrl: string;
  /** Folder for index snapshots shared by processes on one machine. */
  snapshotDir: string;
  /**
   * Where the CLI keeps snapshots: SNAPSHOT_DIR when set, else a cache folder of the user's
   * (`$XDG_CACHE_HOME/whosaid/snapshots`, `~/.cache/whosaid/snapshots`; `%LOCALAPPDATA%` on Windows).
   */
  cliSnapshotDir: string;
  /** The CLI's folder is the user's cache (no SNAPSHOT_DIR): it keeps only the latest few snapshots. */
  cliSnapshotDirIsCache: boolean;
  logLevel: LogLevel;
  /** Questions a user may ask per minute. */
  rateLimitPerMinute: number;
  /** `auto`, a number of shards, or null for one process without the sharding manager. */
  shards: 'auto' | number | null;
  /** Shards this machine runs, when several machines split them. */
  shardIds: number[] | null;
  shardCount: number | null;
  /** This process is one shard spawned by discord.js's ShardingManager (which sets SHARDS and SHARD_COUNT for it). */
  shardChild: boolean;
  /** How often a process checks the store for articles uploaded through another process. */
  corpusPollMs: number;
  /** Feeds whose items join the base corpus, for every server (FEEDS=, separated by spaces or commas). */
  feeds: string[];
  /** How often each feed is polled (FEED_POLL_MINUTES, default 15). */
  feedPollMs: number;
  /** Feeds one server may follow (FEEDS_PER_SERVER, default 10). */
  feedsPerServer: number;
  /** New items fetched from one feed per poll (FEED_ITEMS_PER_POLL, default 20). */
  feedItemsPerPoll: number;
  /** Pages one server may add a day, by link and from its feeds (PAGES_PER_DAY, default 100). */
  pagesPerDay: number;
  /** Pages one server keeps; past it the oldest go (PAGES_PER_SERVER, default 500). */
  pagesPerServer: number;
  /** Time limit on one fetch, redirects and body included (FETCH_TIMEOUT_SECONDS, default 15). */
  fetchTimeoutMs: number;
  /** Size limit on one response's body (FETCH_MAX_MB, default 5). */
  fetchMaxBytes: number;
  /** Lets links and feeds reach loopback and private addresses (ALLOW_PRIVATE_URLS, default false). */
  allowPrivateUrls: boolean;
}

export interface ConfigResult {
  config: Config;
  /** One line per problem; starting the bot with any of these is refused. */
  problems: string[];
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Reads `.env` (when present) into the environment; values already set win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const problems: string[] = [];
  const get = (name: string): string | null => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const token = get('DISCORD_TOKEN');
  if (token && !/^[\w.-]{20,}$/.test(token))
    problems.push('DISCORD_TOKEN does not look like a bot token (letters, digits, dots; copy it from the Bot page)');
  const snowflake = (name: string): string | null => {
    const v = get(name);
    if (v && !SNOWFLAKE.test(v)) problems.push(`${name} must be a Discord id (17 to 20 digits), got "${v}"`);
    return v && SNOWFLAKE.test(v) ? v : null;
  };
  const url = (name: string): string | null => {
    const v = get(name);
    if (!v) return null;
    try {
      const u = new URL(v);
      if (!['http:', 'https:'].includes(u.protocol)) throw new Error();
      return v.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} must be an http(s) URL, got "${v}"`);
      return null;
    }
  };
  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const storeUrl = get('STORE_URL') ?? 'sqlite://data/whosaid.sqlite';
  if (!/^(sqlite|redis|rediss|memory):\/\//.test(storeUrl)) {
    problems.push(`STORE_URL must start with sqlite://, redis:// or memory://, got "${storeUrl}"`);
  }
  const rate = get('RATE_LIMIT_PER_MINUTE');
  const rateLimitPerMinute = rate === null ? 10 : Number(rate);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1)
    problems.push(`RATE_LIMIT_PER_MINUTE must be a whole number of at least 1, got "${rate}"`);
  // discord.js's ShardingManager starts each shard's process with SHARDING_MANAGER=true, its shard id in
  // SHARDS and the total in SHARD_COUNT: there SHARDS is not "how many", and no manager is started again.
  const shardChild = get('SHARDING_MANAGER') === 'true';
  const shardsRaw = shardChild ? null : get('SHARDS');
  let shards: Config['shards'] = null;
  if (shardsRaw === 'auto') shards = 'auto';
  else if (shardsRaw !== null) {
    const n = Number(shardsRaw);
    if (Number.isInteger(n) && n >= 1) shards = n;
    else problems.push(`SHARDS must be "auto" or a whole number of at least 1, got "${shardsRaw}"`);
  }
  const idsRaw = shardChild ? (get('SHARDS') ?? '').replace(/[[\]]/g, '') : get('SHARD_IDS');
  let shardIds: number[] | null = null;
  if (idsRaw !== null) {
    shardIds = idsRaw.split(',').map((s) => Number(s.trim()));
    if (shardIds.some((n) => !Number.isInteger(n) || n < 0)) {
      problems.push(`SHARD_IDS must be shard numbers separated by commas, got "${idsRaw}"`);
      shardIds = null;
    }
  }
  const countRaw = get('SHARD_COUNT');
  let shardCount: number | null = null;
  if (countRaw !== null) {
    shardCount = Number(countRaw);
    if (!Number.isInteger(shardCount) || shardCount < 1) {
      problems.push(`SHARD_COUNT must be a whole number of at least 1, got "${countRaw}"`);
      shardCount = null;
    }
  }
  if (shardIds && shardCount !== null && shardIds.some((i) => i >= shardCount!))
    problems.push('SHARD_IDS must all be below SHARD_COUNT');
  if (shardIds && shardCount === null)
    problems.push('SHARD_IDS needs SHARD_COUNT (the total number of shards across machines)');
  if (typeof shards === 'number' && shardCount !== null && shards !== shardCount)
    problems.push('SHARDS and SHARD_COUNT disagree; give SHARD_COUNT alone with SHARD_IDS');
  const pollRaw = get('CORPUS_POLL_SECONDS');
  const pollSeconds = pollRaw === null ? 5 : Number(pollRaw);
  if (!(pollSeconds > 0 && pollSeconds <= 3600))
    problems.push(`CORPUS_POLL_SECONDS must be a number of seconds above 0 (at most 3600), got "${pollRaw}"`);
  const number = (name: string, fallback: number, min: number, max: number, integer: boolean): number => {
    const raw = get(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) return n;
    problems.push(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${raw}"`);
    return fallback;
  };
  const feeds = (get('FEEDS') ?? '').split(/[\s,]+/).filter(Boolean);
  for (const f of feeds) {
    if (/^https?:\/\/[^\s/]+/i.test(f)) continue;
    problems.push(`FEEDS must be http(s) addresses separated by spaces or commas, got "${f}"`);
  }
  const allowRaw = (get('ALLOW_PRIVATE_URLS') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(allowRaw)) {
    problems.push(`ALLOW_PRIVATE_URLS must be true or false, got "${allowRaw}"`);
  }
  const corpusDir = resolve(get('CORPUS_DIR') ?? 'corpus');
  // The bot loads the corpus after connecting; a wrong folder is better refused before that. The CLI
  // reports an unreadable folder itself, with its own exit code.
  if (token && !isDir(corpusDir)) problems.push(`CORPUS_DIR must be a folder of articles; ${corpusDir} is not one`);
  return {
    config: {
      discordToken: token,
      discordApplicationId: snowflake('DISCORD_APPLICATION_ID'),
      discordGuildId: snowflake('DISCORD_GUILD_ID'),
      discordApiUrl: url('DISCORD_API_URL'),
      corpusDir,
      storeUrl,
      snapshotDir: resolve(get('SNAPSHOT_DIR') ?? 'data/snapshots'),
      cliSnapshotDir: resolve(get('SNAPSHOT_DIR') ?? join(userCacheDir(get), 'whosaid', 'snapshots')),
      cliSnapshotDirIsCache: get('SNAPSHOT_DIR') === null,
      logLevel: LOG_LEVELS.includes(logLevel) ? logLevel : 'info',
      rateLimitPerMinute: Number.isInteger(rateLimitPerMinute) && rateLimitPerMinute >= 1 ? rateLimitPerMinute : 10,
      shards,
      shardIds,
      shardCount,
      shardChild,
      corpusPollMs: pollSeconds > 0 && pollSeconds <= 3600 ? Math.round(pollSeconds * 1000) : 5000,
      feeds: feeds.filter((f) => /^https?:\/\/[^\s/]+/i.test(f)),
      feedPollMs: Math.round(number('FEED_POLL_MINUTES', 15, 0.001, 1440, false) * 60_000),
      feedsPerServer: number('FEEDS_PER_SERVER', 10, 0, 1000, true),
      feedItemsPerPoll: number('FEED_ITEMS_PER_POLL', 20, 1, 200, true),
      pagesPerDay: number('PAGES_PER_DAY', 100, 0, 100_000, true),
      pagesPerServer: number('PAGES_PER_SERVER', 500, 1, 100_000, true),
      fetchTimeoutMs: Math.round(number('FETCH_TIMEOUT_SECONDS', 15, 0.1, 300, false) * 1000),
      fetchMaxBytes: Math.round(number('FETCH_MAX_MB', 5, 0.01, 100, false) * 1024 * 1024),
      allowPrivateUrls: ['true', '1', 'yes'].includes(allowRaw),
    },
    problems,
  };
}

function userCacheDir(get: (name: string) => string | null): string {
  if (process.platform === 'win32') return get('LOCALAPPDATA') ?? join(homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches');
  return get('XDG_CACHE_HOME') ?? join(homedir(), '.cache');
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
