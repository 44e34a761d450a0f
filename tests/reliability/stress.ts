// `npm run stress`: the bot (real discord.js client, real engine) against the fake Discord on loopback.
//   1. load: 200 questions at once, then 200 more with one answer in ten rate limited (429) on the way:
//      every one answered, none twice; latency percentiles printed.
//   2. soak: 10,000 questions in a row: the heap afterwards within 10% of the heap before.
// Exits 1 on a lost or doubled reply, an error logged, or heap growth over 10%. Run with --expose-gc
// (the npm script does). STRESS_CORPUS picks the corpus (default: PolNeAR beside the project when
// present, else the seed article); STRESS_SOAK the number of soak questions.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { readConfig } from '../../src/config.js';
import { createBot } from '../../src/discord/index.js';
import { loadLibrary, type Library } from '../../src/library/index.js';
import { BoundedMap } from '../../src/store/backends.js';
import { openStore } from '../../src/store/index.js';
import { FakeDiscord } from '../discord/fake/index.js';
import { POLNEAR, POLNEAR_DIR, SEED_DIR } from '../helpers.js';
import { burst, percentile, type Ask, type BurstResult } from './burst.js';
import { HOSTILE_QUESTIONS } from './hostile.js';
import { mulberry32, type Random } from './random.js';

const SOAK = Number(process.env.STRESS_SOAK ?? 10_000);
const WARM_UP = 500;
const MAX_HEAP_GROWTH = 0.1;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('stress: run with node --expose-gc (npm run stress does)\n');
  process.exit(2);
}

/** Log lines as they are written: counts by level, the last problems, and which handlers finished. */
function logSink() {
  const finished = new Set<string>();
  const waiters = new Map<string, () => void>();
  const problems: string[] = [];
  let warnings = 0;
  let errors = 0;
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split('\n')) {
        if (!text.trim()) continue;
        const line = JSON.parse(text);
        if (line.level >= 50) errors++;
        else if (line.level >= 40) warnings++;
        if (line.level >= 40 && problems.length < 20) problems.push(text);
        const id = line.msg === 'interaction' ? line.interaction : line.msg === 'message' ? line.message : undefined;
        if (id) {
          const wake = waiters.get(id);
          if (wake) {
            waiters.delete(id);
            wake();
          } else {
            finished.add(id);
          }
        }
      }
      done();
    },
  });
  return {
    logger: pino({ level: 'info', base: { app: 'whosaid' } }, stream),
    counts: () => ({ warnings, errors }),
    problems,
    /** Resolves when the handler for `id` has logged its outcome; forgets it then. */
    settled(id: string): Promise<void> {
      if (finished.delete(id)) return Promise.resolve();
      return new Promise((resolve) => waiters.set(id, resolve));
    },
  };
}

/** PolNeAR's dev questions when present; else who-said and what-said questions made from the library. */
function questionsFor(library: Library, r: Random): string[] {
  const out: string[] = [];
  const dev = `${POLNEAR}/dev-questions.jsonl`;
  if (existsSync(dev)) {
    for (const line of readFileSync(dev, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).question);
  }
  for (let i = 0; out.length < 300 && i < 1000; i++) {
    const q = library.quotes[Math.floor(r() * library.quotes.length)];
    if (q) out.push(`Who said "${q.text.split(/\s+/).slice(0, 6).join(' ')}"?`);
    const s = library.speakers[Math.floor(r() * library.speakers.length)];
    if (s) out.push(r() < 0.5 ? `What did ${s.name} say?` : `Who is ${s.name}?`);
  }
  out.push('help', 'What happened in the capital?', 'Did the talks fail?');
  return out;
}

function asksOf(questions: string[], r: Random, n: number): Ask[] {
  return Array.from({ length: n }, () => {
    const hostile = r() < 0.1;
    const text = hostile
      ? HOSTILE_QUESTIONS[Math.floor(r() * HOSTILE_QUESTIONS.length)].text
      : questions[Math.floor(r() * questions.length)];
    const kind = r();
    return { kind: kind < 0.8 ? 'slash' : kind < 0.9 ? 'dm' : 'mention', text };
  });
}

/**
 * The memory store keeps its last MEMORY_ENTRIES (20,000) entries, more than the soak writes, so over
 * 10,000 answers its sessions would be the heap growth. The soak measures the rest of the bot with the
 * same bounded map kept to SESSIONS_KEPT entries, as a store that expires entries would be in a steady
 * state. STRESS_STORE=memory measures the memory store as it is.
 */
const SESSIONS_KEPT = 200;

function storeFor(kind: string | undefined) {
  if (kind === 'memory') return openStore('memory://');
  return openStore('memory://', { backend: () => new BoundedMap(SESSIONS_KEPT) });
}

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

function report(name: string, r: BurstResult, seconds: number): boolean {
  const ok = r.lost.length === 0 && r.doubled.length === 0;
  const statuses = r.refused.map((x) => x.status).join(' ') || 'none';
  console.log(
    `${name}: ${r.asked} asked, ${r.answered} answered, ${r.lost.length} lost, ${r.doubled.length} doubled, ` +
      `${r.refused.length} refused by the fake (${statuses}) in ${seconds.toFixed(2)} s; ` +
      `reply latency p50 ${ms(percentile(r.latencies, 50))}, p95 ${ms(percentile(r.latencies, 95))}, ` +
      `p99 ${ms(percentile(r.latencies, 99))}, max ${ms(Math.max(...r.latencies))}` +
      (ok ? '' : `  <-- lost: ${r.lost.slice(0, 5).join(', ')} doubled: ${r.doubled.slice(0, 5).join(', ')}`),
  );
  return ok;
}

async function main(): Promise<number> {
  const corpus = process.env.STRESS_CORPUS ?? (existsSync(POLNEAR_DIR) ? POLNEAR_DIR : SEED_DIR);
  let started = performance.now();
  const library = await loadLibrary(corpus);
  const buildSeconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `corpus ${corpus}: ${library.articles.length} articles, ${library.quotes.length} quotes, ` +
      `${library.speakers.length} speakers, built in ${buildSeconds} s`,
  );
  const r = mulberry32(Number(process.env.STRESS_SEED ?? 6));
  const questions = questionsFor(library, r);

  const fake = await FakeDiscord.start({ heartbeatIntervalMs: 5_000 });
  const sink = logSink();
  // One fake person asks everything: the per-person rate limit is set out of the way of the load.
  const { config } = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    STORE_URL: 'memory://',
    CORPUS_DIR: corpus,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const bot = createBot(config, {
    logger: sink.logger,
    store: storeFor(process.env.STRESS_STORE),
    library: Promise.resolve(library),
    // As in production: discord.js's default retries; no safety margin on rate limits (the fake's are made up).
    clientOptions: { rest: { retries: 3, timeout: 15_000, offset: 0 } },
  });
  await bot.start();
  let ok = true;
  try {
    // 1. Load.
    started = performance.now();
    ok =
      report(
        'load: 200 at once',
        await burst(fake, asksOf(questions, r, 200), sink.settled, 120_000),
        (performance.now() - started) / 1000,
      ) && ok;
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, { status: 429, retryAfter: 0.1 }, 20);
    started = performance.now();
    const limited = await burst(fake, asksOf(questions, r, 200), sink.settled, 120_000);
    ok =
      report('load: 200 at once, 20 answers rate limited (429) first', limited, (performance.now() - started) / 1000) &&
      ok;
    fake.reset();

    // 2. Soak: one question after the other; the heap is measured after a warm-up (caches filled, code
    // compiled) and after the run.
    const soak = asksOf(questions, r, WARM_UP + SOAK);
    let before = 0;
    const latencies: number[] = [];
    let lost = 0;
    let doubled = 0;
    started = performance.now();
    for (let i = 0; i < soak.length; i++) {
      if (i === WARM_UP) {
        fake.reset();
        before = heapMb();
        started = performance.now();
      }
      const result = await burst(fake, [soak[i]], sink.settled, 30_000);
      lost += result.lost.length;
      doubled += result.doubled.length;
      if (i >= WARM_UP) latencies.push(...result.latencies);
      if (i % 100 === 99) fake.reset();
    }
    fake.reset();
    const seconds = (performance.now() - started) / 1000;
    const after = heapMb();
    const growth = (after - before) / before;
    console.log(
      `soak: ${SOAK} questions in a row in ${seconds.toFixed(1)} s, ${lost} lost, ${doubled} doubled; ` +
        `reply latency p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}; ` +
        `heap ${before.toFixed(1)} MB before (after ${WARM_UP} warm-up questions), ${after.toFixed(1)} MB after: ` +
        `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% (limit +${MAX_HEAP_GROWTH * 100}%)`,
    );
    ok = ok && lost === 0 && doubled === 0 && growth <= MAX_HEAP_GROWTH;
  } finally {
    await bot.stop('stress over');
    await fake.close();
  }
  const { warnings, errors } = sink.counts();
  console.log(`log: ${errors} errors, ${warnings} warnings (the 429s of the second load are among the warnings)`);
  for (const p of sink.problems.filter((l) => !/rate limited|waiting for a Discord rate limit/.test(l)).slice(0, 5))
    console.log(`  ${p}`);
  if (errors) ok = false;
  console.log(ok ? 'stress: passed' : 'stress: FAILED');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`stress: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
