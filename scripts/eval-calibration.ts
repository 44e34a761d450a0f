// Is a quote's confidence the chance that its speaker is right? Measured two ways on each set:
//   quotes   every annotated direct quote the system found (the system quote most nearly it) and named
//            a speaker for: its confidence, and whether the speaker matches the annotation (score.mjs's
//            speakerMatches);
//   answers  every who-said question: the first answer's confidence (its quote's), and whether it
//            names the annotated speaker; an answer with no one named has no confidence.
// For each: expected calibration error over 10 equal-width bins (the gap between confidence and
// accuracy, weighted by the bin's share), and of the items given 0.9 or more, how many are right and
// what share of all (for answers: of all who-said questions) they are. The ten bins are printed.
//   npx tsx scripts/eval-calibration.ts [train|dev|webnews|all] [--from DIR]   (default: dev,webnews)
// --from DIR reads the CLI's output kept by ../shared/eval/run.sh (EVAL_OUT=DIR: quotes.jsonl and
// answers.jsonl) instead of building the library here; give one set with it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerQuestion } from '../src/answer/index.js';
import { closest, found, loadSet, pct, scorer, setsFrom, type EvalSet, type Gold, type Question } from './eval-data.js';

type Item = [confidence: number, right: boolean];

const BINS = 10;
const SURE = 0.9;

function summary(label: string, items: Item[], total: number): void {
  const bins = Array.from({ length: BINS }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const [c, r] of items) {
    const b = bins[Math.min(BINS - 1, Math.floor(c * BINS))];
    b.n++;
    b.conf += c;
    if (r) b.right++;
  }
  const ece = bins.reduce((e, b) => e + (b.n ? (b.n / items.length) * Math.abs(b.right / b.n - b.conf / b.n) : 0), 0);
  const sure = items.filter(([c]) => c >= SURE);
  const right = items.filter(([, r]) => r).length;
  const sureRight = pct(sure.filter(([, r]) => r).length, sure.length);
  console.log(
    `${label}: ${items.length} with a confidence, ${pct(right, items.length)} right; ` +
      `ECE ${ece.toFixed(3)}; ≥ ${SURE}: ${sure.length} (${pct(sure.length, total)} of ${total}), ${sureRight} right`,
  );
  console.log(
    `  bins ${bins
      .map((b, i) =>
        b.n ? `${i / BINS}–${(i + 1) / BINS}: ${b.n} ${pct(b.right, b.n)}/${(b.conf / b.n).toFixed(2)}` : '',
      )
      .filter(Boolean)
      .join(' | ')}`,
  );
}

interface Row {
  article: { id: string };
  speaker: string | null;
  quote: string;
  confidence: number;
}

function quoteItems(gold: Gold[], quotesOf: (article: string) => Row[]): Item[] {
  const items: Item[] = [];
  for (const g of gold) {
    if (!g.direct || !g.speakerKey) continue;
    const q = closest(
      g,
      quotesOf(g.article).filter((x) => g.quotes.some((gq) => scorer.textOverlaps(x.quote, gq))),
    );
    if (q?.speaker) items.push([q.confidence, scorer.speakerMatches(q.speaker, g)]);
  }
  return items;
}

function answerItems(
  questions: Question[],
  answers: Array<{ speaker: string | null; confidence: number | null } | undefined>,
): Item[] {
  const items: Item[] = [];
  questions.forEach((q, i) => {
    const a = answers[i];
    if (q.type === 'who_said' && a?.speaker && a.confidence !== null)
      items.push([a.confidence, scorer.speakerMatches(a.speaker, q.gold)]);
  });
  return items;
}

function fromSet(set: EvalSet): void {
  const rows = (article: string): Row[] =>
    set
      .quotesOf(article)
      .map((q) => ({ article: { id: q.articleId }, speaker: q.speaker, quote: q.text, confidence: q.confidence }));
  const who = set.questions.filter((q) => q.type === 'who_said');
  console.log(`\n${set.name}`);
  summary(
    'quotes ',
    quoteItems(set.gold, rows),
    set.gold.filter((g) => g.direct && g.speakerKey && found(set, g).length).length,
  );
  const answers = set.questions.map((q) =>
    q.type === 'who_said' ? answerQuestion(set.library, q.question).answers[0] : undefined,
  );
  summary('answers', answerItems(set.questions, answers), who.length);
}

function fromDir(name: string, dir: string): void {
  const root = resolve(import.meta.dirname, '../../shared/eval');
  const jsonl = <T>(p: string): T[] =>
    readFileSync(p, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as T);
  const web = name === 'webnews';
  const gold = jsonl<Gold>(
    web ? resolve(root, 'webnews/gold-quotes.jsonl') : resolve(root, `polnear/${name}-attributions.jsonl`),
  );
  const questions = jsonl<Question>(
    web ? resolve(root, 'webnews/questions.jsonl') : resolve(root, `polnear/${name}-questions.jsonl`),
  );
  const quotes = jsonl<Row>(resolve(dir, 'quotes.jsonl'));
  const byArticle = new Map<string, Row[]>();
  for (const q of quotes) byArticle.set(q.article.id, [...(byArticle.get(q.article.id) ?? []), q]);
  const answers = jsonl<{ answers: Array<{ speaker: string | null; confidence: number | null }> }>(
    resolve(dir, 'answers.jsonl'),
  ).map((a) => a.answers[0]);
  console.log(`\n${name} (from ${dir})`);
  const judged = gold.filter(
    (g) =>
      g.direct &&
      g.speakerKey &&
      (byArticle.get(g.article) ?? []).some((q) => g.quotes.some((gq) => scorer.textOverlaps(q.quote, gq))),
  );
  summary(
    'quotes ',
    quoteItems(gold, (a) => byArticle.get(a) ?? []),
    judged.length,
  );
  summary('answers', answerItems(questions, answers), questions.filter((q) => q.type === 'who_said').length);
}

const from = process.argv.indexOf('--from');
const names = setsFrom(process.argv[2]?.startsWith('--') ? undefined : process.argv[2], ['dev', 'webnews']);
if (from > 0) {
  if (names.length !== 1) throw new Error('--from DIR reads one set: name it (dev, train or webnews)');
  fromDir(names[0], process.argv[from + 1]);
} else {
  for (const name of names) fromSet(await loadSet(name));
}
