// The bench's tables: per scale, engine against engine; the ratios; and each target of issue #7 with
// PASS or MISS (a run that crashed is MISS with no value).
import type { LoadResult } from './engines/whosaid-load.js';
import type { EngineResult, Latency } from './measure.js';

export interface CliRun {
  ms: number;
  questions: number;
}

export interface ScaleResults {
  whosaid?: EngineResult;
  /** loadMs: the median of `runs` fresh processes. */
  load?: LoadResult & { runs?: number[] };
  minisearch?: EngineResult;
  natural?: EngineResult;
  cli?: CliRun;
}

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    node: string;
    platform: string;
    loadAverage: number;
    loadAverageEnd?: number;
  };
  questions: number;
  questionStep: number;
  scales: Record<number, ScaleResults>;
}

const MB = 1e6;
const ms = (x: number | undefined) =>
  x === undefined ? '—' : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0);
const seconds = (x: number | undefined) => (x === undefined ? '—' : `${(x / 1000).toFixed(2)} s`);
const mb = (x: number | undefined) => (x === undefined ? '—' : `${(x / MB).toFixed(0)} MB`);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? undefined : a / b;
const times = (x: number | undefined) => (x === undefined ? '—' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`);
const added = (r: EngineResult | undefined) => (r ? r.memoryAfterBuild - r.memoryBase : undefined);

function latencyCell(l: Latency | undefined, key: 'p50' | 'p99'): string {
  return l ? ms(l[key]) : '—';
}

function engineTable(scale: number, s: ScaleResults): string[] {
  const w = s.whosaid;
  const cols = [w, s.minisearch, s.natural];
  const row = (label: string, cell: (r: EngineResult | undefined) => string) =>
    `| ${label} | ${cols.map(cell).join(' | ')} |`;
  const articles = w?.articles ?? s.minisearch?.articles ?? '—';
  const passages = w?.passages ?? s.minisearch?.passages ?? s.natural?.passages;
  const loadRuns = s.load?.runs ? ` (median of ${s.load.runs.map((x) => seconds(x)).join(', ')})` : '';
  const loadCpu = s.load ? `, CPU ${seconds(s.load.cpuMs)}` : '';
  const loadChecked = s.load ? `, ${s.load.answersChecked} answers identical` : ', not checked';
  return [
    `### PolNeAR ×${scale}: ${articles} articles, ${passages ?? '—'} passages (sentences)`,
    '',
    '| | whosaid | MiniSearch (BM25) | natural TfIdf |',
    '| --- | ---: | ---: | ---: |',
    row('index build', (r) => seconds(r?.buildMs)),
    row('memory after build (heap + buffers)', (r) => mb(r?.memoryAfterBuild)),
    row('memory added by the build', (r) => mb(added(r))),
    row('search p50 (ms)', (r) => latencyCell(r?.latency.search, 'p50')),
    row('search p99 (ms)', (r) => latencyCell(r?.latency.search, 'p99')),
    row('questions × timed passes', (r) =>
      r ? `${r.latency.search.questions} × ${r.latency.search.samples / r.latency.search.questions}` : '—',
    ),
    '',
    'whosaid only: library build (sentences, quotes, both indexes) ' +
      `${seconds(w?.libraryBuildMs)}; full \`answerQuestion\` ` +
      `p50 ${latencyCell(w?.latency.answer, 'p50')} ms, p99 ${latencyCell(w?.latency.answer, 'p99')} ms; ` +
      `snapshot ${mb(w?.snapshot?.bytes)} saved in ${seconds(w?.snapshot?.saveMs)}, loaded by a fresh process in ` +
      `${seconds(s.load?.loadMs)}${loadRuns}${loadCpu}${loadChecked}; corpus version hash ` +
      `${seconds(w?.versionMs)}; CLI batch (\`ask --json\`, ${s.cli?.questions ?? '—'} questions on stdin, ` +
      `whole process: read files, build, answer) ${seconds(s.cli?.ms)}.`,
    ...(s.natural?.latency.search.note
      ? ['', `natural TfIdf latency: ${s.natural.latency.search.note}, each tfidfs scores every passage.`]
      : []),
    '',
  ];
}

interface Target {
  label: string;
  value: string;
  pass: boolean | undefined;
}

function targets(r: BenchResults): Target[] {
  const small = r.scales[1];
  const large = r.scales[10];
  const w = large?.whosaid;
  const out: Target[] = [];
  const add = (
    label: string,
    value: number | undefined,
    show: (x: number | undefined) => string,
    ok: (x: number) => boolean,
  ) => out.push({ label, value: show(value), pass: value === undefined ? undefined : ok(value) });
  const msv = (x: number | undefined) => (x === undefined ? '—' : `${ms(x)} ms`);
  if (large) {
    add('×10 whosaid search p50 ≤ 2 ms', w?.latency.search.p50, msv, (x) => x <= 2);
    add('×10 whosaid answer p50 ≤ 2 ms', w?.latency.answer.p50, msv, (x) => x <= 2);
    add('×10 whosaid search p99 ≤ 10 ms', w?.latency.search.p99, msv, (x) => x <= 10);
    add('×10 whosaid answer p99 ≤ 10 ms', w?.latency.answer.p99, msv, (x) => x <= 10);
    add(
      '×10 p50 ≥ 100× faster than natural TfIdf',
      ratio(large.natural?.latency.search.p50, w?.latency.search.p50),
      times,
      (x) => x >= 100,
    );
    add(
      '×10 p50 ≥ 20× faster than MiniSearch',
      ratio(large.minisearch?.latency.search.p50, w?.latency.search.p50),
      times,
      (x) => x >= 20,
    );
    // Index against index: MiniSearch builds one over the same passages. Attribution (quotes, speakers)
    // is work MiniSearch does not do; its time is reported with the library build, once per corpus version.
    add('×10 index build ≤ MiniSearch build', ratio(w?.buildMs, large.minisearch?.buildMs), times, (x) => x <= 1);
    add('×10 snapshot load ≤ 1 s (fresh process, median of runs)', large.load?.loadMs, seconds, (x) => x <= 1000);
    add('×10 memory added ≤ 1.5× MiniSearch’s', ratio(added(w), added(large.minisearch)), times, (x) => x <= 1.5);
  }
  if (small) add('×1 whosaid search p50 ≤ 0.3 ms', small.whosaid?.latency.search.p50, msv, (x) => x <= 0.3);
  if (small) add('×1 whosaid answer p50 ≤ 0.3 ms', small.whosaid?.latency.answer.p50, msv, (x) => x <= 0.3);
  if (small && large) {
    add(
      'p50 ×10 / ×1 well under 10 (search)',
      ratio(w?.latency.search.p50, small.whosaid?.latency.search.p50),
      times,
      (x) => x < 10,
    );
  }
  return out;
}

export function report(r: BenchResults): { markdown: string; missed: number } {
  const m = r.machine;
  const scales = Object.keys(r.scales)
    .map(Number)
    .sort((a, b) => a - b);
  const lines = [
    `## whosaid bench (${r.date.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(0)} GiB; Node ${m.node}, ${m.platform}; ` +
      `load average ${m.loadAverage.toFixed(2)} at start, ${m.loadAverageEnd?.toFixed(2) ?? '—'} at the end ` +
      '(other work on the machine slows every engine).',
    `Questions: ${r.questions} from the PolNeAR train split (every ${r.questionStep}th), timed after an untimed ` +
      'warm-up pass (over every 10th question for MiniSearch at ×10); ' +
      "a question's latency is the median of its timed runs, p50/p99 are over the questions. " +
      'Every engine indexes the same passages with the same terms (whosaid’s tokenizer, stop words and stemmer); ' +
      'one process per engine and scale; memory is heapUsed + arrayBuffers after a forced GC.',
    '',
  ];
  for (const scale of scales) lines.push(...engineTable(scale, r.scales[scale]));
  lines.push(
    '### Ratios',
    '',
    `| | ${scales.map((s) => `×${s}`).join(' | ')} |`,
    `| --- | ${scales.map(() => '---:').join(' | ')} |`,
  );
  const ratioRow = (label: string, f: (s: ScaleResults) => number | undefined) =>
    lines.push(`| ${label} | ${scales.map((s) => times(f(r.scales[s]))).join(' | ')} |`);
  ratioRow('natural TfIdf p50 / whosaid p50', (s) =>
    ratio(s.natural?.latency.search.p50, s.whosaid?.latency.search.p50),
  );
  ratioRow('MiniSearch p50 / whosaid p50', (s) =>
    ratio(s.minisearch?.latency.search.p50, s.whosaid?.latency.search.p50),
  );
  ratioRow('MiniSearch p99 / whosaid p99', (s) =>
    ratio(s.minisearch?.latency.search.p99, s.whosaid?.latency.search.p99),
  );
  ratioRow('MiniSearch build / whosaid index build', (s) => ratio(s.minisearch?.buildMs, s.whosaid?.buildMs));
  ratioRow('natural build / whosaid index build', (s) => ratio(s.natural?.buildMs, s.whosaid?.buildMs));
  ratioRow('whosaid / MiniSearch memory added', (s) => ratio(added(s.whosaid), added(s.minisearch)));
  if (r.scales[1] && r.scales[10]) {
    const p = (s: number, k: 'search' | 'answer') => r.scales[s]?.whosaid?.latency[k].p50;
    const growth = (k: 'search' | 'answer') =>
      `${msv(p(1, k))} → ${msv(p(10, k))} (${times(ratio(p(10, k), p(1, k)))})`;
    lines.push('', `whosaid p50 ×1 → ×10: search ${growth('search')}, answer ${growth('answer')}.`);
  }
  const t = targets(r);
  lines.push('', '### Targets (issue #7)', '', '| target | measured | |', '| --- | ---: | --- |');
  for (const x of t)
    lines.push(`| ${x.label} | ${x.value} | ${x.pass === undefined ? 'MISS (no result)' : x.pass ? 'PASS' : 'MISS'} |`);
  const missed = t.filter((x) => !x.pass).length;
  lines.push('', missed ? `${missed} of ${t.length} targets missed.` : `All ${t.length} targets met.`);
  return { markdown: lines.join('\n'), missed };
}

function msv(x: number | undefined): string {
  return x === undefined ? '—' : `${ms(x)} ms`;
}
