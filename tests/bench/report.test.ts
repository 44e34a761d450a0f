import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../bench/measure.js';
import { percentile, subset } from '../../bench/measure.js';
import { report, type BenchResults } from '../../bench/report.js';

function engine(name: string, scale: number, p50: number, p99: number, buildMs: number, added: number): EngineResult {
  const latency = { p50, p99, mean: p50, questions: 200, samples: 1000 };
  return {
    engine: name,
    scale,
    articles: 924 * scale,
    passages: 33657 * scale,
    buildMs,
    libraryBuildMs: buildMs * 1.2,
    memoryBase: 20e6,
    memoryAfterBuild: 20e6 + added,
    latency: name === 'whosaid' ? { search: latency, answer: latency } : { search: latency },
  };
}

function results(whosaidP50x10: number, withNatural = true): BenchResults {
  const scales: BenchResults['scales'] = {};
  for (const scale of [1, 10]) {
    scales[scale] = {
      whosaid: engine('whosaid', scale, scale === 1 ? 0.02 : whosaidP50x10, 0.8, 300 * scale, 7e6 * scale),
      load: { loadMs: 80 * scale, cpuMs: 90 * scale, sentences: 33657 * scale, answersChecked: 200 },
      minisearch: engine('minisearch', scale, 3 * scale, 50 * scale, 1500 * scale, 40e6 * scale),
      natural: withNatural ? engine('natural', scale, 50 * scale, 150 * scale, 1400 * scale, 39e6 * scale) : undefined,
      cli: { ms: 3000 * scale, questions: 200 },
    };
  }
  return {
    date: '2026-01-01T00:00:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 24, node: 'v20.0.0', platform: 'linux x64', loadAverage: 0.5 },
    questions: 200,
    questionStep: 20,
    scales,
  };
}

describe('the bench report', () => {
  it('passes every target when they are met, with the machine and the ratios', () => {
    const { markdown, missed } = report(results(0.1));
    expect(missed).toBe(0);
    expect(markdown).toContain('Machine: Test CPU, 2 cores, 24 GiB; Node v20.0.0');
    expect(markdown).toMatch(/\| ×10 whosaid search p50 ≤ 2 ms \| 0\.100 ms \| PASS \|/);
    expect(markdown).toMatch(/\| natural TfIdf p50 \/ whosaid p50 \| 2500× \| 5000× \|/);
    expect(markdown).toContain('All 12 targets met.');
  });

  it('marks a missed target MISS, and a crashed engine MISS with no value', () => {
    const slow = report(results(2.5));
    expect(slow.markdown).toMatch(/\| ×10 whosaid search p50 ≤ 2 ms \| 2\.50 ms \| MISS \|/);
    expect(slow.markdown).toMatch(/\| ×10 p50 ≥ 20× faster than MiniSearch \| 12\.0× \| MISS \|/);
    // search and answer p50, the MiniSearch ratio, and the growth from ×1 to ×10.
    expect(slow.missed).toBe(4);
    const crashed = report(results(0.1, false));
    expect(crashed.markdown).toMatch(/\| ×10 p50 ≥ 100× faster than natural TfIdf \| — \| MISS \(no result\) \|/);
    expect(crashed.missed).toBe(1);
  });
});

describe('bench measurements', () => {
  it('take nearest-rank percentiles and evenly spread subsets', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(100);
    expect(percentile(sorted, 99)).toBe(198);
    expect(percentile([7], 99)).toBe(7);
    expect(
      subset(
        Array.from({ length: 200 }, (_, i) => `q${i}`),
        10,
      ),
    ).toHaveLength(20);
  });
});
