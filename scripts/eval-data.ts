// The evaluation sets the attribution scripts read: PolNeAR's train and dev splits (plain text) and
// webnews (real HTML pages of many outlets), with their annotated quotes and questions, and the library
// built from each corpus. Matching follows ../shared/eval/score.mjs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { buildLibrary, type Library } from '../src/library/index.js';
import type { Quote } from '../src/types.js';

export type SetName = 'train' | 'dev' | 'webnews';

export interface Gold {
  article: string;
  direct: boolean;
  source: string | null;
  sourceKind: string;
  cue: string | null;
  content: string;
  quotes: string[];
  speakerKey: string | null;
  speakerName: string | null;
}

export interface Question {
  type: string;
  question: string;
  article?: string;
  gold: { speakerKey?: string; speakerName?: string; quote?: string; sourceKind?: string };
}

export interface EvalSet {
  name: SetName;
  gold: Gold[];
  questions: Question[];
  library: Library;
  /** The library's quotes by article. */
  quotesOf: (article: string) => Quote[];
}

export const EVAL_ROOT = resolve(import.meta.dirname, '../../shared/eval');

export const scorer = (await import(resolve(EVAL_ROOT, 'score.mjs'))) as {
  speakerMatches: (
    system: string | null | undefined,
    gold: { speakerKey?: string | null; speakerName?: string | null },
  ) => boolean;
  textOverlaps: (system: string, gold: string) => boolean;
};

/** The records of a JSON-lines file. */
export const jsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

const libraries = new Map<string, Promise<Library>>();
function libraryOf(dir: string): Promise<Library> {
  if (!libraries.has(dir))
    libraries.set(
      dir,
      loadCorpus(dir).then(({ articles }) => buildLibrary(articles)),
    );
  return libraries.get(dir)!;
}

/** A set with its library (PolNeAR's two splits share one build). */
export async function loadSet(name: SetName): Promise<EvalSet> {
  const web = name === 'webnews';
  const gold = jsonl<Gold>(
    web ? resolve(EVAL_ROOT, 'webnews/gold-quotes.jsonl') : resolve(EVAL_ROOT, `polnear/${name}-attributions.jsonl`),
  );
  const questions = jsonl<Question>(
    web ? resolve(EVAL_ROOT, 'webnews/questions.jsonl') : resolve(EVAL_ROOT, `polnear/${name}-questions.jsonl`),
  );
  const library = await libraryOf(web ? resolve(EVAL_ROOT, 'webnews/html') : resolve(EVAL_ROOT, 'polnear/corpus'));
  const byArticle = new Map<string, Quote[]>();
  for (const q of library.quotes) byArticle.set(q.articleId, [...(byArticle.get(q.articleId) ?? []), q]);
  return { name, gold, questions, library, quotesOf: (a) => byArticle.get(a) ?? [] };
}

/** The system quotes an annotated direct quote is found in. */
export function found(set: EvalSet, g: Gold): Quote[] {
  return set.quotesOf(g.article).filter((q) => g.quotes.some((gq) => scorer.textOverlaps(q.text, gq)));
}

const wordSet = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/**
 * Of the system quotes an annotated quote is found in, the one that is most nearly it (the largest share
 * of words in common): a long quote holds the few words of a short one without being it.
 */
export function closest<T extends { text?: string; quote?: string }>(g: Gold, quotes: T[]): T | undefined {
  const gold = wordSet(g.quotes.join(' '));
  let best: T | undefined;
  let bestScore = -1;
  for (const q of quotes) {
    const words = wordSet(q.text ?? q.quote ?? '');
    let common = 0;
    for (const w of words) if (gold.has(w)) common++;
    const score = common / (words.size + gold.size - common || 1);
    if (score > bestScore) {
      best = q;
      bestScore = score;
    }
  }
  return best;
}

export const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

/** The set names asked for on the command line ("all" for the three). */
export function setsFrom(arg: string | undefined, fallback: SetName[]): SetName[] {
  if (!arg) return fallback;
  if (arg === 'all') return ['train', 'dev', 'webnews'];
  return arg.split(',').map((s) => {
    if (s !== 'train' && s !== 'dev' && s !== 'webnews')
      throw new Error(`unknown set "${s}" (train, dev, webnews, all)`);
    return s;
  });
}
