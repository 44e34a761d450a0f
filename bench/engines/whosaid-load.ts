// A fresh process loading the snapshot bench/engines/whosaid.ts saved, as a second bot process would:
// the load time, then every answer compared with those of the library that was built.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { answerQuestion } from '../../src/answer/index.js';
import { loadSnapshot } from '../../src/library/index.js';
import { now, runEngine } from '../measure.js';

export interface LoadResult {
  loadMs: number;
  /** User + system CPU time of the load, all threads (GC helpers too): what contention cannot inflate. */
  cpuMs: number;
  sentences: number;
  answersChecked: number;
}

runEngine(async ({ dir }): Promise<LoadResult> => {
  const expected = JSON.parse(readFileSync(`${dir}/answers.json`, 'utf8')) as {
    version: string;
    questions: string[];
    answers: unknown[];
  };
  const cpu = process.cpuUsage();
  const start = now();
  const library = await loadSnapshot(`${dir}/${expected.version}.snapshot`, { corpusVersion: expected.version });
  const loadMs = now() - start;
  const used = process.cpuUsage(cpu);
  expected.questions.forEach((q, i) => {
    // Through JSON, as the reference went: undefined fields drop out on both sides.
    const got = JSON.parse(JSON.stringify(answerQuestion(library, q)));
    if (!isDeepStrictEqual(got, expected.answers[i])) throw new Error(`the loaded library answers "${q}" differently`);
  });
  return {
    loadMs,
    cpuMs: (used.user + used.system) / 1000,
    sentences: library.sentences.length,
    answersChecked: expected.questions.length,
  };
});
