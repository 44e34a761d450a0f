import type { Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Article } from '../types.js';
import { toArticle } from './article.js';
import { parseHtml } from './formats/html.js';
import { parseJsonl } from './formats/jsonl.js';
import { parseMd } from './formats/md.js';
import { parseTxt } from './formats/txt.js';
import type { RawDocument } from './formats/types.js';

export const FORMATS = ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'] as const;

export interface CorpusWarning {
  /** Path relative to the corpus root (or the upload's name). */
  file: string;
  reason: string;
}

export interface LoadOptions {
  /** Files larger than this are skipped: a corpus of news holds no article of that size. Default 20 MB. */
  maxFileBytes?: number;
  /** Articles whose cleaned text is longer are skipped. Default MAX_ARTICLE_CHARS. */
  maxArticleChars?: number;
  /** Called after each file, for progress output on long loads. */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadResult {
  articles: Article[];
  warnings: CorpusWarning[];
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The longest article text kept: six times the longest PolNeAR article, far beyond any news story.
 * Attribution costs more than linear time in an article's length, so one hostile file of megabytes in
 * a single paragraph would otherwise hold the whole load for minutes.
 */
export const MAX_ARTICLE_CHARS = 200_000;

/** Message prefix of a corpus folder that can't be read at all (a usage error, not a bad file). */
export const CORPUS_DIR_ERROR = 'whosaid: cannot read corpus folder';

/**
 * Loads every article under `dir`. A file that can't be read or parsed is skipped with a warning naming
 * it and why; the rest still load. Only an unreadable folder throws.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const rootReal = await corpusRoot(dir);
  const warnings: CorpusWarning[] = [];
  const files = await listFiles(rootReal, rootReal, new Set([rootReal]), warnings);
  files.sort();
  const articles: Article[] = [];
  const ids = new Set<string>();
  let done = 0;
  for (const file of files) {
    const rel = relative(rootReal, file).split(sep).join('/');
    const result = await readArticleFile(
      file,
      rel,
      options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      options.maxArticleChars,
    );
    warnings.push(...result.warnings);
    for (const article of result.articles) {
      if (ids.has(article.id)) {
        warnings.push({ file: rel, reason: `duplicate article id "${article.id}", kept the first` });
        continue;
      }
      ids.add(article.id);
      articles.push(article);
    }
    options.onProgress?.(++done, files.length);
  }
  return { articles, warnings };
}

async function corpusRoot(dir: string): Promise<string> {
  try {
    const real = await realpath(dir);
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
    return real;
  } catch (err) {
    throw new Error(`${CORPUS_DIR_ERROR} ${dir}: ${reasonOf(err)}`);
  }
}

export interface CorpusFile {
  /** Path relative to the corpus root, `/`-separated. */
  rel: string;
  size: number;
  mtimeMs: number;
}

/**
 * The files loadCorpus would read, with their sizes and modification times, without reading them: what a
 * cache needs to tell that a corpus folder is unchanged. Warnings are the listing's own (unreadable
 * folders, symlink loops).
 */
export async function corpusFiles(dir: string): Promise<{ files: CorpusFile[]; warnings: CorpusWarning[] }> {
  const root = await corpusRoot(dir);
  const warnings: CorpusWarning[] = [];
  const paths = (await listFiles(root, root, new Set([root]), warnings)).sort();
  const files: CorpusFile[] = [];
  for (const path of paths) {
    const rel = relative(root, path).split(sep).join('/');
    try {
      const info = await stat(path);
      files.push({ rel, size: info.size, mtimeMs: info.mtimeMs });
    } catch (err) {
      warnings.push({ file: rel, reason: `unreadable (${reasonOf(err)})` });
    }
  }
  return { files, warnings };
}

async function listFiles(dir: string, root: string, seen: Set<string>, warnings: CorpusWarning[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    warnings.push({ file: relative(root, dir) || '.', reason: `folder unreadable (${reasonOf(err)})` });
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    let real: string;
    let info: Stats;
    try {
      real = await realpath(path);
      info = await stat(real);
    } catch (err) {
      warnings.push({ file: rel, reason: `unreadable (${reasonOf(err)})` });
      continue;
    }
    if (info.isDirectory()) {
      // A symlink back up the tree would otherwise walk forever.
      if (seen.has(real)) {
        warnings.push({ file: rel, reason: 'folder already visited (symlink loop)' });
        continue;
      }
      seen.add(real);
      out.push(...(await listFiles(path, root, seen, warnings)));
    } else if ((FORMATS as readonly string[]).includes(extname(entry.name).toLowerCase())) {
      // A named pipe would block the read forever and a device (a link to /dev/zero) never end it.
      if (info.isFile()) out.push(path);
      else warnings.push({ file: rel, reason: 'not a regular file' });
    }
  }
  return out;
}

async function readArticleFile(path: string, rel: string, maxBytes: number, maxChars?: number): Promise<LoadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return skip(rel, 'not a regular file');
    if (info.size > maxBytes) {
      return skip(
        rel,
        `too large (${(info.size / 1048576).toFixed(1)} MB, limit ${(maxBytes / 1048576).toFixed(0)} MB)`,
      );
    }
    return parseArticleBytes(await readFile(path), rel, '', maxChars);
  } catch (err) {
    return skip(rel, `unreadable (${reasonOf(err)})`);
  }
}

/**
 * Parses one file's bytes into articles. Used for the corpus folder and for uploads alike; never throws.
 * `name` is the path relative to the corpus root (or the upload's name); the id is it without extension.
 */
export function parseArticleBytes(
  bytes: Uint8Array,
  name: string,
  idPrefix = '',
  maxArticleChars = MAX_ARTICLE_CHARS,
): LoadResult {
  const warnings: CorpusWarning[] = [];
  const ext = extname(name).toLowerCase();
  const baseId = idPrefix + name.slice(0, name.length - ext.length);
  if (!bytes.length) return skip(name, 'empty file');
  // UTF-16 (Windows editors' "Unicode") is text, but half its bytes are zero: told by its BOM.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!utf16 && looksBinary(bytes)) return skip(name, 'binary content, not text');
  const encoding = utf16 ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder(encoding).decode(bytes);
    warnings.push({ file: name, reason: `invalid ${utf16 ? 'UTF-16' : 'UTF-8'}, bad bytes replaced` });
  }
  let docs: RawDocument[];
  try {
    if (ext === '.jsonl') {
      const parsed = parseJsonl(text);
      for (const p of parsed.problems) warnings.push({ file: name, reason: p });
      if (!parsed.documents.length)
        return { articles: [], warnings: [...warnings, { file: name, reason: 'no usable line' }] };
      docs = parsed.documents;
    } else if (ext === '.html' || ext === '.htm') {
      docs = parseHtml(text, (reason) => warnings.push({ file: name, reason }));
    } else if (ext === '.md' || ext === '.markdown') {
      docs = parseMd(text);
    } else if (ext === '.txt') {
      docs = parseTxt(text);
    } else {
      return skip(name, `unsupported format "${ext || 'none'}" (use ${FORMATS.join(', ')})`);
    }
  } catch (err) {
    return { articles: [], warnings: [...warnings, { file: name, reason: `could not parse (${reasonOf(err)})` }] };
  }
  const articles: Article[] = [];
  for (const doc of docs) {
    const id = doc.id ? `${baseId}/${doc.id}` : baseId;
    const article = toArticle(doc, id, name);
    const where = doc.id ? `line "${doc.id}": ` : '';
    if (!article) {
      warnings.push({ file: name, reason: `${where}no article text` });
    } else if (article.text.length > maxArticleChars) {
      const chars = article.text.length.toLocaleString('en');
      const size = `${chars} characters, limit ${maxArticleChars.toLocaleString('en')}`;
      warnings.push({ file: name, reason: `${where}too long for one article (${size})` });
    } else {
      articles.push(article);
    }
  }
  return { articles, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.1;
}

function skip(file: string, reason: string): LoadResult {
  return { articles: [], warnings: [{ file, reason }] };
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or folder';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ELOOP') return 'too many symbolic links';
  return e?.message ?? String(err);
}
