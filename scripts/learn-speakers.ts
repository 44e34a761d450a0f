// Learns the speaker model (src/attribution/speaker-model.json) from PolNeAR's annotated train split.
// Every quote the attribution finds in a train article is matched to its annotation; its candidate
// speakers (the proposals of the rules, the speaker before, the sentence's subject) and "no one" are the
// options of a conditional logit, and the annotated speaker is the right one (no one, when no candidate
// is that speaker). The weights maximise the likelihood with a little L2; the decisions of one pass (who
// was quoted last, which "he" is whom) feed the features of the next, from a first pass that follows the
// annotation. Confidence is then calibrated: Platt scaling of the chosen speaker's probability, fitted on
// out-of-fold predictions (five folds by article), so the numbers say how often a speaker is right.
//   npx tsx scripts/learn-speakers.ts [../shared/eval/polnear]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attributeArticle } from '../src/attribution/article.js';
import { decide, howOf, logit, type Features, type Population, type SpeakerModel } from '../src/attribution/model.js';
import { loadCorpus } from '../src/corpus/index.js';
import { splitSentences } from '../src/text/sentences.js';

interface Gold {
  article: string;
  direct: boolean;
  quotes: string[];
  content: string;
  speakerKey: string | null;
  speakerName: string | null;
}

/** One quote: its options (proposals, then "no one" last), the speaker each proposal names, the right ones. */
interface Example {
  article: string;
  options: Features[];
  groups: number[];
  right: number[];
  /** The annotated speaker is among the candidates, or the annotation names no one. */
  reachable: boolean;
  /** Annotated with a speaker (not a quote annotators left out). */
  annotated: boolean;
  population: Population;
}

const NO_CALIBRATION = { quoted: { a: 1, b: 0 }, reported: { a: 1, b: 0 } };
const L2 = Number(process.env.LEARN_L2 ?? 0.002);
const ITERATIONS = Number(process.env.LEARN_ITERATIONS ?? 500);
const PASSES = 3;
const FOLDS = 5;
/** Fewest out-of-fold choices a calibration of its own is fitted on. */
const MIN_GROUP = Number(process.env.LEARN_MIN_GROUP ?? 200);

const dir = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/eval/polnear'));
const score = (await import(resolve(dir, '..', 'score.mjs'))) as {
  speakerMatches: (system: string | null, gold: Gold) => boolean;
  textOverlaps: (system: string, gold: string) => boolean;
};
const gold: Gold[] = readFileSync(resolve(dir, 'train-attributions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const goldBy = new Map<string, Gold[]>();
for (const g of gold) goldBy.set(g.article, [...(goldBy.get(g.article) ?? []), g]);
const { articles } = await loadCorpus(resolve(dir, 'corpus'));
const train = articles.filter((a) => goldBy.has(a.id));
const sentences = train.map((a) => splitSentences(a));

/**
 * The annotations of a quote, as the evaluation matches them: a quote in marks by the quoted words, an
 * indirect quote by the annotated content. `none` when the quote overlaps no annotation at all (a title,
 * a scare quote: annotators attributed it to no one); undefined when it overlaps only other kinds.
 */
function goldFor(article: string, indirect: boolean, text: string): Gold[] | 'none' | undefined {
  const all = goldBy.get(article) ?? [];
  const golds = indirect
    ? all.filter((g) => !g.direct && score.textOverlaps(text, g.content))
    : all.filter((g) => g.direct && g.quotes.some((q) => score.textOverlaps(text, q)));
  if (golds.length) return golds;
  return all.some((g) => score.textOverlaps(text, g.content)) ? undefined : 'none';
}

/**
 * Runs attribution over the train split with `model`; `teacher` makes the annotated speaker the choice.
 * A quote annotated with a speaker teaches which candidate is right (one matching any of its
 * annotations); a quote that annotators attributed to no one teaches "no one". A quote whose annotated
 * speaker is no candidate teaches nothing about the choice, only about how sure to be (`reachable`).
 */
function collect(model: SpeakerModel, teacher: boolean): Example[] {
  const examples: Example[] = [];
  train.forEach((a, i) => {
    attributeArticle(a, sentences[i], {
      model,
      choose: (q) => {
        const golds = goldFor(a.id, q.kind === 'indirect', q.pieces.map(([x, y]) => a.text.slice(x, y)).join(' '));
        const named = golds === 'none' || !golds ? [] : golds.filter((g) => g.speakerKey);
        const { proposals, none } = q.candidates;
        if (!proposals.length || (golds !== 'none' && !named.length)) return undefined;
        const entities = [...new Set(proposals.map((p) => p.entity))];
        const right = proposals
          .map((p, k) => (named.some((g) => score.speakerMatches(p.entity.name, g)) ? k : -1))
          .filter((k) => k >= 0);
        examples.push({
          article: a.id,
          options: [...proposals.map((p) => p.features), none],
          groups: [...proposals.map((p) => entities.indexOf(p.entity)), -1],
          right: right.length ? right : [proposals.length],
          reachable: !named.length || right.length > 0,
          annotated: named.length > 0,
          population: q.kind === 'indirect' ? 'reported' : 'quoted',
        });
        return teacher ? (right.length ? proposals[right[0]].entity : null) : undefined;
      },
    });
  });
  return examples;
}

/** Maximum likelihood with L2, by Adam on the whole batch. */
function fit(all: Example[]): Record<string, number> {
  const names = new Map<string, number>();
  const coded = all
    .filter((e) => e.reachable)
    .map((e) => ({
      options: e.options.map((f) =>
        Object.entries(f).map(([k, v]) => {
          if (!names.has(k)) names.set(k, names.size);
          return [names.get(k)!, v] as [number, number];
        }),
      ),
      right: new Set(e.right),
    }));
  const w = new Float64Array(names.size);
  const m = new Float64Array(names.size);
  const v = new Float64Array(names.size);
  const rate = 0.05;
  for (let t = 1; t <= ITERATIONS; t++) {
    const grad = new Float64Array(names.size);
    for (const e of coded) {
      const s = e.options.map((o) => o.reduce((acc, [k, x]) => acc + w[k] * x, 0));
      const max = Math.max(...s);
      const p = s.map((x) => Math.exp(x - max));
      const z = p.reduce((a, b) => a + b, 0);
      for (let j = 0; j < p.length; j++) p[j] /= z;
      const pr = [...e.right].reduce((a, j) => a + p[j], 0);
      e.options.forEach((o, j) => {
        const g = p[j] - (e.right.has(j) ? p[j] / pr : 0);
        for (const [k, x] of o) grad[k] += g * x;
      });
    }
    for (let k = 0; k < w.length; k++) {
      const g = grad[k] / coded.length + L2 * w[k];
      m[k] = 0.9 * m[k] + 0.1 * g;
      v[k] = 0.999 * v[k] + 0.001 * g * g;
      w[k] -= (rate * (m[k] / (1 - 0.9 ** t))) / (Math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  if (process.env.LEARN_VERBOSE) {
    let loss = 0;
    for (const e of coded) {
      const sc = e.options.map((o) => o.reduce((acc, [k, x]) => acc + w[k] * x, 0));
      const max = Math.max(...sc);
      const z = sc.reduce((a, x) => a + Math.exp(x - max), 0);
      loss -= Math.log([...e.right].reduce((a, j) => a + Math.exp(sc[j] - max), 0) / z);
    }
    process.stderr.write(`fit: ${coded.length} quotes, mean loss ${(loss / coded.length).toFixed(4)}\n`);
  }
  return Object.fromEntries(
    [...names].sort((a, b) => a[0].localeCompare(b[0])).map(([k, i]) => [k, Math.round(w[i] * 1e4) / 1e4]),
  );
}

/** On held-out examples: how many the model names, how many of those are right,
  how many it leaves unnamed with the best candidate right. */
function tally(
  weights: Record<string, number>,
  examples: Example[],
): { n: number; named: number; right: number; missed: number; reachable: number } {
  const model: SpeakerModel = { weights, calibration: NO_CALIBRATION };
  const t = { n: examples.length, named: 0, right: 0, missed: 0, reachable: 0 };
  for (const e of examples) {
    const none = e.options.length - 1;
    const ok = (g: number | null) => e.right.some((j) => j !== none && e.groups[j] === g);
    if (e.reachable && e.right[0] !== none) t.reachable++;
    const d = decide(
      model,
      e.options.slice(0, none).map((f, j) => ({ entity: e.groups[j], features: f })),
      e.options[none],
    );
    if (d.chosen !== null) {
      t.named++;
      if (ok(d.chosen)) t.right++;
    } else {
      const best = [...d.of].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
      if (ok(best)) t.missed++;
    }
  }
  return t;
}

/** The chosen speaker's probability, whether it is right, its population and how it was found. */
type Prediction = [number, boolean, Population, string, boolean];

/**
 * The chosen speaker's probability and whether it is right, for each annotated example a model names
 * someone for — the quotes the evaluation judges.
 */
function predictions(weights: Record<string, number>, examples: Example[]): Prediction[] {
  const model: SpeakerModel = { weights, calibration: NO_CALIBRATION };
  const out: Prediction[] = [];
  for (const e of examples) {
    if (!e.annotated) continue;
    const none = e.options.length - 1;
    const d = decide(
      model,
      e.options.slice(0, none).map((f, j) => ({ entity: e.groups[j], features: f })),
      e.options[none],
    );
    if (d.chosen === null) continue;
    const right = e.right.some((j) => j !== none && e.groups[j] === d.chosen);
    out.push([d.probability, right, e.population, howOf(e.options[d.index]) ?? '', e.reachable]);
  }
  return out;
}

function plattLoss(pairs: Array<[number, boolean]>, a: number, b: number): number {
  let loss = 0;
  for (const [p, y] of pairs) {
    const q = 1 / (1 + Math.exp(-(a * logit(p) + b)));
    loss -= Math.log(Math.max(1e-12, y ? q : 1 - q));
  }
  return loss;
}

/** Platt scaling: σ(a · logit(p) + b) fitted by Newton's method on (p, right) pairs. */
function platt(pairs: Array<[number, boolean]>): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0;
    for (const [p, y] of pairs) {
      const x = logit(p);
      const q = 1 / (1 + Math.exp(-(a * x + b)));
      const r = q - (y ? 1 : 0);
      const h = q * (1 - q);
      ga += r * x;
      gb += r;
      haa += h * x * x;
      hab += h * x;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // A full Newton step can overshoot where the probabilities bunch together: halve it until the loss falls.
    let step = 1;
    while (step > 1e-4 && plattLoss(pairs, a - step * da, b - step * db) > plattLoss(pairs, a, b)) step /= 2;
    a -= step * da;
    b -= step * db;
  }
  return { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
}

let model: SpeakerModel = { weights: {}, calibration: NO_CALIBRATION };
let examples: Example[] = [];
// LEARN_EXAMPLES=file keeps the last pass's examples there, and reads them back when the file exists
// (for trying other fits without running attribution again).
const cache = process.env.LEARN_EXAMPLES;
if (cache && existsSync(cache)) {
  examples = JSON.parse(readFileSync(cache, 'utf8'));
  model = { weights: fit(examples), calibration: NO_CALIBRATION };
} else {
  for (let pass = 1; pass <= PASSES; pass++) {
    examples = collect(model, pass === 1);
    model = { weights: fit(examples), calibration: NO_CALIBRATION };
    process.stderr.write(`pass ${pass}: ${examples.length} quotes, ${Object.keys(model.weights).length} features\n`);
  }
  if (cache) writeFileSync(cache, JSON.stringify(examples));
}
// Out-of-fold predictions for the calibration: each fold predicted by weights fitted on the others.
const fold = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % FOLDS;
const held: Prediction[] = [];
const total = { n: 0, named: 0, right: 0, missed: 0, reachable: 0 };
for (let k = 0; k < FOLDS; k++) {
  const weights = fit(examples.filter((e) => fold(e.article) !== k));
  const test = examples.filter((e) => fold(e.article) === k);
  held.push(...predictions(weights, test));
  const t = tally(weights, test);
  for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += t[key];
}
process.stderr.write(
  `out-of-fold: ${total.n} quotes, ${total.reachable} with the annotated speaker among the ` +
    `candidates; named ${total.named}, right ${total.right}; unnamed with the best candidate right ${total.missed}\n`,
);
model.calibration = {
  quoted: platt(held.filter((h) => h[2] === 'quoted').map(([p, y]) => [p, y])),
  reported: platt(held.filter((h) => h[2] === 'reported').map(([p, y]) => [p, y])),
};
// Apart by how the speaker was found, where there are enough choices (and both right and wrong ones) to fit.
const groups = new Map<string, Array<[number, boolean]>>();
for (const [p, y, population, how, reachable] of held) {
  const key = `${population}:${how}`;
  // A "he" annotated with someone who is no candidate at all is, far more often than not, an annotation
  // that links the pronoun to a non-person ("Disgrace", "Kent County"): it says nothing of how often our
  // choice among the candidates is right, and would pull every pronoun's confidence down.
  if (how === 'pronoun' && !reachable) continue;
  const pairs = groups.get(key) ?? [];
  pairs.push([p, y]);
  groups.set(key, pairs);
}
for (const [key, pairs] of [...groups].sort()) {
  const wrong = pairs.filter(([, y]) => !y).length;
  if (pairs.length >= MIN_GROUP && wrong >= MIN_GROUP / 10) model.calibration[key] = platt(pairs);
}
model.trained = {
  data: 'PolNeAR train split, direct and indirect quotes matched to their annotation',
  quotes: examples.length,
  passes: PASSES,
  l2: L2,
  calibratedOn: `${held.length} out-of-fold choices`,
};
const out = resolve(import.meta.dirname, '../src/attribution/speaker-model.json');
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
const right = held.filter(([, y]) => y).length;
const share = ((100 * right) / held.length).toFixed(1);
process.stderr.write(
  `out-of-fold: ${held.length} annotated quotes named, ${share}% right; ` +
    `calibration ${JSON.stringify(model.calibration)} → ${out}\n`,
);
