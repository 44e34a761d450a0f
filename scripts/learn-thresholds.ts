// Learns the two thresholds of a who-said answer from PolNeAR's train questions, and writes them to
// src/answer/thresholds.json:
//   minCoverage   below it no quote is the one asked about (no speaker named, passages instead);
//   verbatimExact from it the quote holds the words as asked ("X said it"), below "the closest is X's".
// Each train who-said question is asked as generated (its words as printed) and in two copies made the
// way people recall: every third word dropped, and that with every other remaining content word swapped
// for a WordNet synonym. The best quote is read twice: with every article (right when it is the gold
// quote). minCoverage is the lowest coverage from which the best quote is the one asked about more often
// than not (in every band of BAND above it that holds MIN_BAND questions): below it, naming its speaker
// would more likely be wrong than right. verbatimExact is the cut on the share of words found as typed
// with the best balanced accuracy between right answers to the questions as generated and right answers
// to the reworded copies: from it the words were asked as printed. Also printed: without the gold's
// article, how the best wrong quote scores (what a question about words nobody said would meet).
//   npx tsx scripts/learn-thresholds.ts [train]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { matchQuotes, type Match } from '../src/answer/rank.js';
import { loadCorpus } from '../src/corpus/index.js';
import { buildLibrary } from '../src/library/index.js';
import { readQuestion } from '../src/question/index.js';
import { senses, synset } from '../src/question/wordnet.js';

const split = process.argv[2] ?? 'train';
const root = resolve(import.meta.dirname, '../../shared/eval');
const score = (await import(resolve(root, 'score.mjs'))) as { textOverlaps: (a: string, b: string) => boolean };
interface Q {
  type: string;
  question: string;
  article: string;
  gold: { quote: string };
}
const questions: Q[] = readFileSync(resolve(root, `polnear/${split}-questions.jsonl`), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((q: Q) => q.type === 'who_said');
const { articles } = await loadCorpus(resolve(root, 'polnear/corpus'));
const library = buildLibrary(articles);

const BAND = 0.05;
const MIN_BAND = 20;
const right: Record<string, Match[]> = { asked: [], dropped: [], reworded: [] };
const tops: Array<{ coverage: number; right: boolean }> = [];
const wrong: Match[] = [];
for (const item of questions) {
  const asked = readQuestion(item.question);
  if (!asked.snippet) continue;
  const dropped = asked.snippet.split(/\s+/).filter((_, i) => i % 3 !== 2);
  const reworded = dropped.map((w, i) => (i % 2 ? synonym(w) : w));
  const variants = {
    asked: item.question,
    dropped: `Who said "${dropped.join(' ')}"?`,
    reworded: `Who said "${reworded.join(' ')}"?`,
  };
  for (const [kind, text] of Object.entries(variants)) {
    const q = readQuestion(text);
    const isGold = (m: Match) =>
      library.quotes[m.doc].articleId === item.article &&
      score.textOverlaps(library.quotes[m.doc].text, item.gold.quote);
    const all = matchQuotes(library, q, { accept: () => true, minCoverage: 0, candidates: 30 });
    if (all[0] && isGold(all[0])) right[kind].push(all[0]);
    if (all[0]) tops.push({ coverage: all[0].coverage, right: isGold(all[0]) });
    const other = matchQuotes(library, q, {
      accept: (doc) => library.quotes[doc].articleId !== item.article,
      minCoverage: 0,
      candidates: 30,
    });
    if (other[0]) wrong.push(other[0]);
  }
}

/** A word's first WordNet synonym of another spelling, or the word. */
function synonym(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  for (const pos of ['n', 'v', 'a'] as const) {
    for (const offset of senses(w, pos).slice(0, 1)) {
      const other = synset(offset, pos)?.words.find((x) => x !== w && !x.includes(' '));
      if (other) return other;
    }
  }
  return word;
}

/** The cut with the best balanced accuracy: positives at or above it, negatives below. */
function cut(pos: number[], neg: number[]): { at: number; balanced: number } {
  let best = { at: 1, balanced: 0 };
  for (const c of [...new Set([...pos, ...neg].map((x) => Math.round(x * 100) / 100))].sort((a, b) => a - b)) {
    const balanced = (pos.filter((x) => x >= c).length / pos.length + neg.filter((x) => x < c).length / neg.length) / 2;
    if (balanced > best.balanced) best = { at: c, balanced };
  }
  return best;
}

// Precision of the best quote by band of coverage, from the top band down.
const bands: Array<{ from: number; n: number; right: number; wrongElsewhere: number }> = [];
for (let from = 0; from < 1 + 1e-9; from += BAND) {
  const inBand = (x: number) => x >= from - 1e-9 && x < from + BAND - 1e-9;
  const here = tops.filter((t) => inBand(t.coverage));
  bands.push({
    from: Number(from.toFixed(2)),
    n: here.length,
    right: here.filter((t) => t.right).length,
    wrongElsewhere: wrong.filter((m) => inBand(m.coverage)).length,
  });
}
let minCoverage = 1;
for (let i = bands.length - 1; i >= 0; i--) {
  const b = bands[i];
  if (b.n < MIN_BAND) continue;
  if (b.right / b.n < 0.5) break;
  minCoverage = b.from;
}
console.table(bands);
const verbatim = cut(
  right.asked.map((m) => m.exact),
  right.reworded.map((m) => m.exact),
);
const verbatimExact = verbatim.at;
const out = {
  minCoverage,
  verbatimExact,
  fittedOn: `PolNeAR ${split}: ${questions.length} who-said questions, as generated and in two recalled copies`,
  right: Object.fromEntries(Object.entries(right).map(([k, v]) => [k, v.length])),
  wrong: wrong.length,
  band: BAND,
  verbatimExactBalancedAccuracy: Number(verbatim.balanced.toFixed(3)),
};
writeFileSync(resolve(import.meta.dirname, '../src/answer/thresholds.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(out);
