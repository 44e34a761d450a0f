// Article body extraction on the scrapinghub benchmark (../shared/eval/extraction), straight through the
// loader (parseArticleBytes), without building the library: the fast loop for work on src/corpus.
// Prints the benchmark's score, the load time, and the pages worst by precision + recall.
//   npx tsx scripts/eval-extraction.ts [--worst N] [--out prediction.json] [--page ID-PREFIX]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArticleBytes } from '../src/corpus/index.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = resolve(import.meta.dirname, '../../shared/eval/extraction');
const { score } = await import(resolve(root, 'score.mjs'));
const truth = JSON.parse(readFileSync(resolve(root, 'ground-truth.json'), 'utf8'));
const page = opt('--page');
const files = readdirSync(resolve(root, 'html')).filter((f) => f.endsWith('.html.gz') && (!page || f.startsWith(page)));
const pages = files.map((f) => ({
  id: f.slice(0, -'.html.gz'.length),
  bytes: gunzipSync(readFileSync(resolve(root, 'html', f))),
}));

const prediction: Record<string, { articleBody: string; title?: string }> = {};
const started = performance.now();
for (const p of pages) {
  const { articles } = parseArticleBytes(p.bytes, `${p.id}.html`);
  const a = articles[0];
  prediction[p.id] = { articleBody: a ? a.text.slice(a.paragraphs[1]?.start ?? a.text.length) : '', title: a?.title };
}
const seconds = (performance.now() - started) / 1000;
const out = opt('--out');
if (out) writeFileSync(out, JSON.stringify(prediction));
const subset = Object.fromEntries(pages.map((p) => [p.id, truth[p.id]]));
const r = score(subset, prediction);
console.log(
  `pages ${r.pages}  F1 ${r.f1.toFixed(3)}  precision ${r.precision.toFixed(3)}` +
    `  recall ${r.recall.toFixed(3)}` +
    `  exact ${r.accuracy.toFixed(3)}  load ${seconds.toFixed(1)} s`,
);
type PageScore = { id: string; precision: number; recall: number };
const worst = [...(r.perPage as PageScore[])].sort((a, b) => a.precision + a.recall - (b.precision + b.recall));
for (const w of worst.slice(0, Number(opt('--worst') ?? 10))) {
  console.log(`  ${w.id.slice(0, 12)}  ${w.precision.toFixed(2)} / ${w.recall.toFixed(2)}  ${truth[w.id].url ?? ''}`);
}

// --diff: each kept paragraph with the share of its 4-word shingles found in the true body (a low share
// is furniture kept), then the true paragraphs whose shingles were mostly not extracted (text lost).
if (args.includes('--diff')) {
  const tokens = (t: string) => t.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const shingles = (t: string) => {
    const w = tokens(t);
    const out: string[] = [];
    for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
    return out;
  };
  const share = (part: string, whole: Set<string>) => {
    const s = shingles(part);
    return s.length ? s.filter((x) => whole.has(x)).length / s.length : 1;
  };
  for (const w of worst.slice(0, Number(opt('--worst') ?? 10))) {
    const body = prediction[w.id].articleBody;
    const gold: string = truth[w.id].articleBody;
    const goldSet = new Set(shingles(gold));
    const keptSet = new Set(shingles(body));
    const scores = `P ${w.precision.toFixed(2)} R ${w.recall.toFixed(2)}`;
    console.log(`\n=== ${w.id.slice(0, 12)} ${scores} title: ${prediction[w.id].title}`);
    for (const p of body.split('\n\n')) {
      const s = share(p, goldSet);
      if (s < 0.8 || args.includes('--all')) console.log(`  - ${s.toFixed(2)} ${p.slice(0, 160)}`);
    }
    for (const p of gold.split(/\n+/)) {
      const s = share(p, keptSet);
      if (s < 0.8) console.log(`  + ${s.toFixed(2)} ${p.slice(0, 160)}`);
    }
  }
}
