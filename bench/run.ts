// `npm run bench`: whosaid against natural's TfIdf and MiniSearch over PolNeAR ×1 and ×10, one child
// process per engine and scale (so that no heap holds two engines), plus the CLI as the evaluation runs
// it. Prints the tables, writes them to bench/results/latest.md, and exits non-zero if any run crashed
// (or, with --strict, if a target was missed).
import { spawn, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchQuestions, POLNEAR_CORPUS, QUESTION_STEP, ROOT, writeScaledCorpus } from './corpus.js';
import type { LoadResult } from './engines/whosaid-load.js';
import type { EngineResult } from './measure.js';
import { report, type BenchResults, type CliRun } from './report.js';

const CHILD_TIMEOUT_MS = 4 * 60_000;

function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, 'bench', 'engines', script), args, {
      cwd: ROOT,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    });
    let result: T | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('message', (m) => (result = m as T));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result !== undefined) resolve(result);
      else
        reject(new Error(`${script} ${args.join(' ')} ${signal ? `killed by ${signal}` : `exited with code ${code}`}`));
    });
  });
}

/**
 * The snapshot loaded by LOAD_RUNS fresh processes, one after another: a load lasts well under a second,
 * so one run is at the mercy of whatever else the machine does in that second. The median counts.
 */
const LOAD_RUNS = 3;

async function loadRuns(args: string[]): Promise<LoadResult & { runs: number[] }> {
  const results: LoadResult[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) results.push(await runChild<LoadResult>('whosaid-load.ts', args));
  const runs = results.map((r) => r.loadMs);
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { ...results[0], loadMs: median, runs };
}

/** The CLI over the questions, one process, timed from spawn to exit. */
function runCli(corpus: string, questions: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const { DISCORD_TOKEN: _token, ...env } = process.env;
    const start = performance.now();
    const child = spawn('npm', ['run', '--silent', 'whosaid', '--', 'ask', '--corpus', corpus, '--json', '--quiet'], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const lines = out.split('\n').filter((l) => l.trim());
      if (code !== 0) return reject(new Error(`the CLI exited with code ${code}`));
      if (lines.length !== questions.length)
        return reject(new Error(`the CLI answered ${lines.length} of ${questions.length} questions`));
      for (const l of lines) JSON.parse(l);
      resolve({ ms, questions: lines.length });
    });
    child.stdin.end(`${questions.join('\n')}\n`);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { scales: { type: 'string', default: '1,10' }, strict: { type: 'boolean', default: false } },
  });
  const scales = values.scales!.split(',').map(Number);
  if (scales.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error(`--scales takes whole numbers, got ${values.scales}`);
  const questions = benchQuestions();
  const cpu = cpus();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: loadavg()[0],
    },
    questions: questions.length,
    questionStep: QUESTION_STEP,
    scales: {},
  };
  const work = mkdtempSync(join(tmpdir(), 'whosaid-bench-'));
  let crashed = 0;
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T | undefined> => {
    process.stderr.write(`bench: ${label}…\n`);
    const started = performance.now();
    try {
      const r = await run();
      process.stderr.write(`bench: ${label} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      return r;
    } catch (err) {
      crashed++;
      process.stderr.write(`bench: ${label} FAILED: ${(err as Error).message}\n`);
      return undefined;
    }
  };
  try {
    for (const scale of scales) {
      const dir = join(work, `x${scale}`);
      mkdirSync(dir);
      const args = ['--scale', String(scale), '--dir', dir];
      const whosaid = await step(`whosaid ×${scale}`, () => runChild<EngineResult>('whosaid.ts', args));
      const load = whosaid && (await step(`whosaid snapshot load ×${scale}`, () => loadRuns(args)));
      const minisearch = await step(`MiniSearch ×${scale}`, () => runChild<EngineResult>('minisearch.ts', args));
      const natural = await step(`natural TfIdf ×${scale}`, () => runChild<EngineResult>('natural.ts', args));
      const cli = await step(`CLI ×${scale}`, async () => {
        let corpus = POLNEAR_CORPUS;
        if (scale > 1) {
          corpus = join(dir, 'corpus');
          writeScaledCorpus(corpus, scale);
        }
        return runCli(corpus, questions);
      });
      results.scales[scale] = { whosaid, load, minisearch, natural, cli };
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  results.machine.loadAverageEnd = loadavg()[0];
  const { markdown, missed } = report(results);
  process.stdout.write(`${markdown}\n`);
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.md'), `${markdown}\n`);
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`bench: written to bench/results/latest.md${crashed ? `; ${crashed} run(s) FAILED` : ''}\n`);
  if (crashed) return 1;
  return values.strict && missed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    process.stderr.write(`bench: ${err.stack ?? err.message}\n`);
    process.exitCode = 1;
  },
);
