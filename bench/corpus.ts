// The bench's material: PolNeAR as it is (×1) or repeated with new ids (×N), its sentences as the
// passages every engine indexes, and a fixed sample of the train questions. Built in memory so that
// each engine's process reads the same thing the same way.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { splitSentences } from '../src/text/sentences.js';
import type { Article } from '../src/types.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const POLNEAR = resolve(process.env.BENCH_POLNEAR ?? resolve(ROOT, '..', 'shared', 'eval', 'polnear'));
export const POLNEAR_CORPUS = join(POLNEAR, 'corpus');
export const QUESTIONS_FILE = join(POLNEAR, 'train-questions.jsonl');

/** Every 20th train question, the first 200 of them: fixed, and spread over the whole split. */
export const QUESTION_STEP = 20;
export const QUESTION_COUNT = 200;

export function benchQuestions(): string[] {
  const lines = readFileSync(QUESTIONS_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < QUESTION_COUNT; i += QUESTION_STEP) {
    out.push((JSON.parse(lines[i]) as { question: string }).question);
  }
  if (out.length < QUESTION_COUNT) throw new Error(`bench: only ${out.length} questions in ${QUESTIONS_FILE}`);
  return out;
}

/** The copy k of an article id: copy 0 keeps it, so ×1 is the corpus exactly as the CLI reads it. */
export function copyId(id: string, k: number): string {
  return k === 0 ? id : `copy${k}/${id}`;
}

/** PolNeAR's articles, `scale` times, each copy under new ids (texts shared: strings are immutable). */
export async function benchArticles(scale: number): Promise<Article[]> {
  const { articles, warnings } = await loadCorpus(POLNEAR_CORPUS);
  if (!articles.length) throw new Error(`bench: no articles in ${POLNEAR_CORPUS} (${warnings.length} warnings)`);
  const out: Article[] = [];
  for (let k = 0; k < scale; k++) {
    for (const a of articles) out.push(k === 0 ? a : { ...a, id: copyId(a.id, k) });
  }
  return out;
}

/** The passages the competitors index: whosaid's sentences, as text. */
export function passagesOf(articles: Article[]): string[] {
  const out: string[] = [];
  for (const a of articles) for (const s of splitSentences(a)) out.push(s.text);
  return out;
}

/** The ×N corpus as files, for the CLI: copy k of `x.txt` is `copy<k>/x.txt`, the ids above. */
export function writeScaledCorpus(dir: string, scale: number): void {
  const files = readdirSync(POLNEAR_CORPUS).filter((f) => statSync(join(POLNEAR_CORPUS, f)).isFile());
  for (let k = 0; k < scale; k++) {
    const target = k === 0 ? dir : join(dir, `copy${k}`);
    mkdirSync(target, { recursive: true });
    for (const f of files) copyFileSync(join(POLNEAR_CORPUS, f), join(target, f));
  }
}
