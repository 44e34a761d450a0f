// The libraries a bot answers from: the base corpus for everyone, and for each server that uploaded
// articles its own library of the base corpus plus its uploads. A server's uploads are indexed and
// attributed only with the base corpus, never with another server's articles, so nothing of theirs
// (a quote, a speaker's name or description, a count) can reach another server. Pages the operator's
// feeds (FEEDS=) bring in are the shared scope: they join the base corpus, for every server and DM.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parseArticleBytes, type CorpusWarning } from '../corpus/index.js';
import type { Article } from '../types.js';
import {
  corpusVersion,
  loadOrBuildLibrary,
  type BuildOnceOptions,
  type Library,
  type Loaded,
} from '../library/index.js';

/** An uploaded file as the store keeps it: the raw bytes, parsed again whenever a library is built. */
export interface Upload {
  guildId: string;
  /** The file name, checked when it was uploaded (see `checkUploadName`). */
  name: string;
  /** The bytes, base64. */
  data: string;
  size: number;
  sha256: string;
  /** Who uploaded it, and when (ISO time). */
  by: string;
  at: string;
  /** A page fetched from the web: the address its articles cite (whatever the page claims). */
  url?: string;
  /** `gzip` when `data` is compressed (fetched pages are). */
  encoding?: 'gzip';
}

/** The scope of the operator's feeds (FEEDS=): pages every server and DM answers from. Not a server id. */
export const SHARED_SCOPE = 'base';

export const UPLOAD_LIMITS = {
  bytes: 1024 * 1024,
  filesPerServer: 50,
  extensions: ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'],
} as const;

/** Why a file name is refused, or null. Names become article ids and store keys: plain names only. */
export function checkUploadName(name: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes('..')) {
    return 'use a plain file name: letters, digits, dots, dashes and underscores, at most 100 characters, no folders';
  }
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  if (!name.includes('.') || !(UPLOAD_LIMITS.extensions as readonly string[]).includes(ext)) {
    return `the file must be one of ${UPLOAD_LIMITS.extensions.join(', ')}`;
  }
  return null;
}

/** The articles of one upload, each marked as its server's. Never throws (bad files give warnings). */
export function parseUpload(
  upload: Pick<Upload, 'guildId' | 'name' | 'data'> & Partial<Pick<Upload, 'url' | 'encoding'>>,
): { articles: Article[]; warnings: CorpusWarning[] } {
  const raw = Buffer.from(upload.data, 'base64');
  const bytes = upload.encoding === 'gzip' ? gunzipSync(raw) : raw;
  const shared = upload.guildId === SHARED_SCOPE;
  const { articles, warnings } = parseArticleBytes(bytes, upload.name, shared ? 'web/' : `guild/${upload.guildId}/`);
  for (const a of articles) {
    if (!shared) a.guildId = upload.guildId;
    if (upload.url) a.url = upload.url;
  }
  return { articles, warnings };
}

/** The version of a library made of a base and more articles: no need to hash the whole base again. */
function scopeVersion(baseVersion: string | null, own: Article[]): string {
  return createHash('sha256')
    .update(`${baseVersion}+${corpusVersion(own)}`)
    .digest('hex')
    .slice(0, 32);
}

/** What a server's library was built from: its files and their hashes. Equal fingerprints, equal library. */
export function uploadsFingerprint(uploads: Array<Pick<Upload, 'name' | 'sha256'>>): string {
  const lines = uploads.map((u) => `${u.name}:${u.sha256}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 24);
}

interface Scope {
  library: Library;
  version: string;
  fingerprint: string;
  /** What it was built from, to build it again on a new base. */
  uploads: Upload[];
  baseVersion: string | null;
}

/** Parsed uploads by content, so a rebuild reads each page once per process, not once per build. */
const PARSE_CACHE_ENTRIES = 5_000;

export interface ScopeUpdate {
  guildId: string;
  articles: number;
  version: string | null;
  from: Loaded['from'] | 'removed' | 'unchanged';
  warnings: CorpusWarning[];
}

export class LiveLibrary {
  /** The base corpus (with the shared feeds' pages), once loaded. */
  current: Library | null = null;
  baseVersion: string | null = null;
  error: Error | null = null;
  readonly ready: Promise<Library>;
  private readonly scopes = new Map<string, Scope>();
  /** The corpus folder as loaded, before any shared pages. */
  private folder: { library: Library; version: string } | null = null;
  private shared: { fingerprint: string; articles: number } = { fingerprint: uploadsFingerprint([]), articles: 0 };
  private readonly parsed = new Map<string, ReturnType<typeof parseUpload>>();
  /** Builds run one at a time, in the order asked. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    source: Promise<Library | Loaded>,
    private readonly options: BuildOnceOptions = {},
  ) {
    this.ready = source.then(
      (loaded) => {
        const isLoaded = 'library' in loaded && 'version' in loaded;
        const library = isLoaded ? (loaded as Loaded).library : (loaded as Library);
        this.baseVersion = isLoaded ? (loaded as Loaded).version : corpusVersion(library.articles);
        this.current = library;
        this.folder = { library, version: this.baseVersion };
        return library;
      },
      (err: Error) => {
        this.error = err;
        throw err;
      },
    );
    // The failure is reported by whoever awaits `ready` (the bot logs it); not an unhandled rejection.
    this.ready.catch(() => {});
  }

  /** The library a server answers from (its own when it uploaded articles); null while loading. */
  forGuild(guildId: string | null): Library | null {
    return (guildId ? this.scopes.get(guildId)?.library : undefined) ?? this.current;
  }

  /** The corpus version a server's answers come from. */
  versionFor(guildId: string | null): string | null {
    return (guildId ? this.scopes.get(guildId)?.version : undefined) ?? this.baseVersion;
  }

  fingerprintOf(guildId: string): string | null {
    if (guildId === SHARED_SCOPE) return this.shared.articles ? this.shared.fingerprint : null;
    return this.scopes.get(guildId)?.fingerprint ?? null;
  }

  /** Servers with a library of their own. */
  guilds(): string[] {
    return [...this.scopes.keys()];
  }

  /** Rebuilds a server's library from its uploads and pages (none: back to the base corpus). */
  setGuild(guildId: string, uploads: Upload[]): Promise<ScopeUpdate> {
    if (guildId === SHARED_SCOPE) return this.setShared(uploads);
    return this.enqueue(() => this.build(guildId, uploads));
  }

  /**
   * Rebuilds the base from the corpus folder and the shared feeds' pages, then every server's library
   * on the new base (their own articles are indexed with it).
   */
  setShared(pages: Upload[]): Promise<ScopeUpdate> {
    return this.enqueue(async () => {
      await this.ready;
      const folder = this.folder!;
      const fingerprint = uploadsFingerprint(pages);
      if (fingerprint === this.shared.fingerprint) {
        const { articles } = this.shared;
        return { guildId: SHARED_SCOPE, articles, version: this.baseVersion, from: 'unchanged' as const, warnings: [] };
      }
      const { own, warnings } = await this.articlesOf(pages, folder.library.articles);
      let from: ScopeUpdate['from'] = 'removed';
      if (own.length) {
        const version = scopeVersion(folder.version, own);
        const loaded = await loadOrBuildLibrary([...folder.library.articles, ...own], version, this.options);
        this.current = loaded.library;
        this.baseVersion = version;
        from = loaded.from;
      } else {
        this.current = folder.library;
        this.baseVersion = folder.version;
      }
      this.shared = { fingerprint, articles: own.length };
      for (const [guildId, scope] of [...this.scopes]) await this.build(guildId, scope.uploads);
      return { guildId: SHARED_SCOPE, articles: own.length, version: this.baseVersion, from, warnings };
    });
  }

  private enqueue(work: () => Promise<ScopeUpdate>): Promise<ScopeUpdate> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * The articles of uploads, sorted by name, without ids the base (or an earlier upload) has. Reading a
   * page is Readability's work on this thread: between pages it yields, so a server with hundreds of
   * pages, read at start-up, does not hold the gateway heartbeat or the answers meanwhile.
   */
  private async articlesOf(uploads: Upload[], base: Article[]): Promise<{ own: Article[]; warnings: CorpusWarning[] }> {
    const warnings: CorpusWarning[] = [];
    const own: Article[] = [];
    const ids = new Set(base.map((a) => a.id));
    for (const u of [...uploads].sort((a, b) => a.name.localeCompare(b.name))) {
      const key = `${u.guildId}/${u.name}/${u.sha256}/${u.url ?? ''}`;
      let parsed = this.parsed.get(key);
      if (!parsed) {
        await new Promise((resolve) => setImmediate(resolve));
        parsed = parseUpload(u);
        if (this.parsed.size >= PARSE_CACHE_ENTRIES) this.parsed.delete(this.parsed.keys().next().value!);
        this.parsed.set(key, parsed);
      }
      warnings.push(...parsed.warnings);
      for (const a of parsed.articles) {
        if (ids.has(a.id)) continue;
        ids.add(a.id);
        own.push(a);
      }
    }
    return { own, warnings };
  }

  private async build(guildId: string, uploads: Upload[]): Promise<ScopeUpdate> {
    await this.ready;
    const base = this.current!;
    const fingerprint = uploadsFingerprint(uploads);
    const existing = this.scopes.get(guildId);
    if (!uploads.length) {
      this.scopes.delete(guildId);
      return { guildId, articles: 0, version: null, from: existing ? 'removed' : 'unchanged', warnings: [] };
    }
    if (existing?.fingerprint === fingerprint && existing.baseVersion === this.baseVersion) {
      return {
        guildId,
        articles: existing.library.articles.length - base.articles.length,
        version: existing.version,
        from: 'unchanged',
        warnings: [],
      };
    }
    const { own, warnings } = await this.articlesOf(uploads, base.articles);
    const version = scopeVersion(this.baseVersion, own);
    const loaded = await loadOrBuildLibrary([...base.articles, ...own], version, this.options);
    this.scopes.set(guildId, { library: loaded.library, version, fingerprint, uploads, baseVersion: this.baseVersion });
    return { guildId, articles: own.length, version, from: loaded.from, warnings };
  }
}
