// Evaluates attribution stage by stage and rule by rule against the annotated quotes, the way BBC's
// Citron reports its stages: content (are the quoted words found), cue (is the verb the annotated one),
// source (do the words naming the source overlap the annotated source), resolve (is the speaker right
// when the source was found); then each rule of src/attribution/rules.ts: how many found quotes it put a
// speaker on (fired), how many of those are right (precision), and the share of all judged quotes it
// got right (recall). Direct quotes with an annotated speaker only; by the annotation's source kind too.
//   npx tsx scripts/eval-stages.ts [train|dev|webnews|all]   (default: all)
import { RULES } from '../src/attribution/index.js';
import { found, loadSet, pct, scorer, setsFrom, type EvalSet } from './eval-data.js';

const words = (s: string | null | undefined) => new Set((s ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? []);
const overlaps = (a: string | null | undefined, b: string | null | undefined) => {
  const x = words(a);
  return [...words(b)].some((w) => x.has(w));
};

function report(set: EvalSet): void {
  const n = { judged: 0, content: 0, cue: 0, source: 0, sourceRight: 0, speaker: 0 };
  const byKind = new Map<string, { n: number; right: number }>();
  const rules = new Map<string, { fired: number; right: number }>();
  for (const g of set.gold) {
    if (!g.direct || !g.speakerKey) continue;
    n.judged++;
    const hits = found(set, g);
    if (!hits.length) continue;
    n.content++;
    const q = hits.find((x) => scorer.speakerMatches(x.speaker, g)) ?? hits.find((x) => x.speaker) ?? hits[0];
    const right = scorer.speakerMatches(q.speaker, g);
    if (overlaps(q.cue?.text, g.cue)) n.cue++;
    const sourceFound = hits.find((x) => overlaps(x.source?.text, g.source));
    if (sourceFound) {
      n.source++;
      if (scorer.speakerMatches(sourceFound.speaker, g)) n.sourceRight++;
    }
    if (right) n.speaker++;
    const kind = byKind.get(g.sourceKind) ?? { n: 0, right: 0 };
    kind.n++;
    if (right) kind.right++;
    byKind.set(g.sourceKind, kind);
    if (!q.speaker) continue;
    for (const id of q.rules) {
      const r = rules.get(id) ?? { fired: 0, right: 0 };
      r.fired++;
      if (right) r.right++;
      rules.set(id, r);
    }
  }
  console.log(`\n${set.name}: ${n.judged} direct quotes with an annotated speaker`);
  console.log(`content  found the quote             ${pct(n.content, n.judged)}`);
  console.log(`cue      same verb as annotated      ${pct(n.cue, n.content)} of found`);
  console.log(`source   overlaps the annotation     ${pct(n.source, n.content)} of found`);
  console.log(`resolve  right speaker, given source ${pct(n.sourceRight, n.source)}`);
  console.log(`overall  right speaker               ${pct(n.speaker, n.content)} of found`);
  console.log(`by source kind: ${[...byKind].map(([k, v]) => `${k} ${pct(v.right, v.n)} (${v.n})`).join(', ')}`);
  console.log(`${'rule'.padEnd(26)} ${'fired'.padStart(6)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  for (const rule of RULES) {
    const r = rules.get(rule.id);
    if (!r) continue;
    const [precision, recall] = [pct(r.right, r.fired).padStart(10), pct(r.right, n.content).padStart(8)];
    console.log(`${rule.id.padEnd(26)} ${String(r.fired).padStart(6)} ${precision} ${recall}`);
  }
}

for (const name of setsFrom(process.argv[2], ['train', 'dev', 'webnews'])) report(await loadSet(name));
