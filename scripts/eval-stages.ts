// Evaluates each attribution stage on its own against PolNeAR's annotated attributions, the way BBC's
// Citron reports its stages: content (are the quoted words found), cue (is the verb the annotated one),
// source (do the words naming the source overlap the annotated source), resolve (is the speaker right
// when the source was found). Direct quotes with an annotated speaker only.
//   npx tsx scripts/eval-stages.ts [train|dev]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { buildLibrary } from '../src/library/index.js';
import type { Quote } from '../src/types.js';

interface Gold {
  article: string;
  direct: boolean;
  source: string | null;
  cue: string | null;
  quotes: string[];
  speakerKey: string | null;
  speakerName: string | null;
}

const split = process.argv[2] ?? 'train';
const root = resolve(import.meta.dirname, '../../shared/eval');
const score = await import(resolve(root, 'score.mjs'));
const gold: Gold[] = readFileSync(resolve(root, `polnear/${split}-attributions.jsonl`), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));
const wanted = new Set(gold.map((g) => g.article));
const { articles } = await loadCorpus(resolve(root, 'polnear/corpus'));
const library = buildLibrary(articles.filter((a) => wanted.has(a.id)));
const byArticle = new Map<string, Quote[]>();
for (const q of library.quotes) byArticle.set(q.articleId, [...(byArticle.get(q.articleId) ?? []), q]);

const words = (s: string | null | undefined) => new Set((s ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? []);
const overlaps = (a: string | null | undefined, b: string | null | undefined) => {
  const x = words(a);
  return [...words(b)].some((w) => x.has(w));
};

const n = { judged: 0, content: 0, cue: 0, source: 0, sourceRight: 0, speaker: 0 };
for (const g of gold) {
  if (!g.direct || !g.speakerKey) continue;
  n.judged++;
  const found = (byArticle.get(g.article) ?? []).filter((q) => g.quotes.some((gq) => score.textOverlaps(q.text, gq)));
  if (!found.length) continue;
  n.content++;
  const q = found[0];
  if (overlaps(q.cue?.text, g.cue)) n.cue++;
  const sourceFound = found.find((x) => overlaps(x.source?.text, g.source));
  if (sourceFound) {
    n.source++;
    if (score.speakerMatches(sourceFound.speaker, g)) n.sourceRight++;
  }
  if (found.some((x) => score.speakerMatches(x.speaker, g))) n.speaker++;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`${split}: ${n.judged} direct quotes with an annotated speaker`);
console.log(`content  found the quote           ${pct(n.content, n.judged)}`);
console.log(`cue      same verb as annotated    ${pct(n.cue, n.content)} of found`);
console.log(`source   overlaps the annotation   ${pct(n.source, n.content)} of found`);
console.log(`resolve  right speaker, given source ${pct(n.sourceRight, n.source)}`);
console.log(`overall  right speaker             ${pct(n.speaker, n.content)} of found`);
