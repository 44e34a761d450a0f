// The libraries a bot answers from: the base corpus for everyone, and for each server that uploaded
// articles its own library of the base corpus plus its uploads. A server's uploads are indexed and
// attributed only with the base corpus, never with another server's articles, so nothing of theirs
// (a quote, a speaker's name or description, a count) can reach another server.
import { createHash } from 'node:crypto';
import { parseArticleBytes, type CorpusWarning } from '../corpus/index.js';
import type { Article } from '../types.js';
import { corpusVersion, loadOrBuildLibrary, type BuildOnceOptions, type Library, type Loaded } from '../library/index.js';

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
}

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
export function parseUpload(upload: Pick<Upload, 'guildId' | 'name' | 'data'>): { articles: Article[]; warnings: CorpusWarning[] } {
  const { articles, warnings } = parseArticleBytes(Buffer.from(upload.data, 'base64'), upload.name, `guild/${upload.guildId}/`);
  for (const a of articles) a.guildId = upload.guildId;
  return { articles, warnings };
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
}

export interface ScopeUpdate {
  guildId: string;
  articles: number;
  version: string | null;
  from: Loaded['from'] | 'removed' | 'unchanged';
  warnings: CorpusWarning[];
}

export class LiveLibrary {
  /** The base corpus, once loaded. */
  current: Library | null = null;
  baseVersion: string | null = null;
  error: Error | null = null;
  readonly ready: Promise<Library>;
  private readonly scopes = new Map<string, Scope>();
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
    return this.scopes.get(guildId)?.fingerprint ?? null;
  }

  /** Servers with a library of their own. */
  guilds(): string[] {
    return [...this.scopes.keys()];
  }

  /** Rebuilds a server's library from its uploads (none: back to the base corpus). */
  setGuild(guildId: string, uploads: Upload[]): Promise<ScopeUpdate> {
    const run = this.queue.then(() => this.build(guildId, uploads));
    this.queue = run.catch(() => {});
    return run;
  }

  private async build(guildId: string, uploads: Upload[]): Promise<ScopeUpdate> {
    const base = await this.ready;
    const fingerprint = uploadsFingerprint(uploads);
    const existing = this.scopes.get(guildId);
    if (!uploads.length) {
      this.scopes.delete(guildId);
      return { guildId, articles: 0, version: null, from: existing ? 'removed' : 'unchanged', warnings: [] };
    }
    if (existing?.fingerprint === fingerprint) {
      return { guildId, articles: existing.library.articles.length - base.articles.length, version: existing.version, from: 'unchanged', warnings: [] };
    }
    const warnings: CorpusWarning[] = [];
    const own: Article[] = [];
    const ids = new Set(base.articles.map((a) => a.id));
    for (const u of [...uploads].sort((a, b) => a.name.localeCompare(b.name))) {
      const parsed = parseUpload(u);
      warnings.push(...parsed.warnings);
      for (const a of parsed.articles) {
        if (ids.has(a.id)) continue;
        ids.add(a.id);
        own.push(a);
      }
    }
    // The base corpus's version and the server's own articles: no need to hash the whole base again.
    const version = createHash('sha256').update(`${this.baseVersion}+${corpusVersion(own)}`).digest('hex').slice(0, 32);
    const loaded = await loadOrBuildLibrary([...base.articles, ...own], version, this.options);
    this.scopes.set(guildId, { library: loaded.library, version, fingerprint });
    return { guildId, articles: own.length, version, from: loaded.from, warnings };
  }
}
