// Measuring inside an engine's own process: wall time, latency percentiles, memory after a forced GC,
// and the way a result goes back to the orchestrator (IPC, so stdout stays free for the engine).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

export interface Latency {
  /** Milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  /** Questions measured, and how many timed calls in all (questions × passes). */
  questions: number;
  samples: number;
  note?: string;
}

/** Every `step`-th question: a bounded subset spread over the whole sample. */
export function subset(questions: string[], step: number): string[] {
  return questions.filter((_, i) => i % step === 0);
}

export interface EngineResult {
  engine: string;
  scale: number;
  articles: number;
  passages: number;
  /** Time to index the passages (tokenizing included). */
  buildMs: number;
  /** whosaid only: the whole library (sentences, quotes, both indexes) from articles. */
  libraryBuildMs?: number;
  /** whosaid only: corpusVersion over the articles (what a process computes before loading a snapshot). */
  versionMs?: number;
  /** heapUsed + arrayBuffers after a forced GC, in bytes: before building, and after with the index live. */
  memoryBase: number;
  memoryAfterBuild: number;
  snapshot?: { saveMs: number; bytes: number; file: string; answers: string };
  /** Named latency series: `search` (the index alone), `answer` (whosaid's full answer). */
  latency: Record<string, Latency>;
}

export function now(): number {
  return performance.now();
}

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Times `ask` on each question, `passes` times, after one untimed warm-up pass (JIT, caches) over
 * `warmup` (default: the questions themselves). A question's latency is the median of its timed runs:
 * on a shared machine a single call of a tenth of a millisecond measures mostly whether the process
 * was descheduled during it. p50 and p99 are then taken over the questions.
 */
export function measureLatency(
  questions: string[],
  ask: (q: string) => unknown,
  passes: number,
  options: { note?: string; warmup?: string[] } = {},
): Latency {
  const { note, warmup = questions } = options;
  let sink = 0;
  for (const q of warmup) sink += ask(q) ? 1 : 0;
  const runs: number[][] = questions.map(() => []);
  for (let p = 0; p < passes; p++) {
    questions.forEach((q, i) => {
      const start = performance.now();
      const out = ask(q);
      runs[i].push(performance.now() - start);
      sink += out ? 1 : 0;
    });
  }
  // Results are used, so that the compiler cannot drop a call whose answer nobody reads.
  if (sink < 0) console.log(sink);
  const perQuestion = runs.map((r) =>
    percentile(
      [...r].sort((a, b) => a - b),
      50,
    ),
  );
  const sorted = [...perQuestion].sort((a, b) => a - b);
  const mean = perQuestion.reduce((a, b) => a + b, 0) / perQuestion.length;
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean,
    questions: questions.length,
    samples: questions.length * passes,
    ...(note ? { note } : {}),
  };
}

/** Live memory after a full collection: JS heap plus typed-array buffers (an index may live in either). */
export function liveMemory(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench: run engines with node --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export interface EngineArgs {
  scale: number;
  /** A folder the engine may write to (whosaid: its snapshot and reference answers). */
  dir: string;
}

/** Entry of an engine's process: reads its arguments, runs, sends the result to the parent, exits. */
export function runEngine<R>(main: (args: EngineArgs) => Promise<R>): void {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, dir: { type: 'string', default: '' } },
  });
  main({ scale: Number(values.scale), dir: values.dir ?? '' }).then(
    (result) => {
      if (process.send) process.send(result as object, () => process.exit(0));
      else {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.exit(0);
      }
    },
    (err: Error) => {
      process.stderr.write(`bench engine failed: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
