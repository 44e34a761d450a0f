// Gold quotes of ../shared/eval/webnews lost to the HTML extraction: a quote counts as kept when its words
// (letters and digits, case and punctuation aside) occur in the article's text as the loader builds it.
// Also lists the speakers of furniture: quotes whose sentence is not in the page's body as the benchmark
// marked it, when `--quotes FILE` gives the `quotes --json` output of a run (EVAL_OUT of webnews/run.sh).
//   npx tsx scripts/eval-extraction-loss.ts [--quotes quotes.jsonl]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';

interface Gold {
  article: string;
  quotes: string[];
  speaker: string | null;
}

const root = resolve(import.meta.dirname, '../../shared/eval');
const words = (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
const gold: Gold[] = readFileSync(resolve(root, 'webnews/gold-quotes.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const { articles } = await loadCorpus(resolve(root, 'webnews/html'));
const text = new Map(articles.map((a) => [a.id, words(a.text)]));

let lost = 0;
for (const g of gold) {
  const body = text.get(g.article) ?? '';
  const missing = g.quotes.filter((q) => !body.includes(words(q)));
  if (!missing.length) continue;
  lost++;
  console.log(`lost  ${g.article}  ${g.speaker ?? '(none)'}: “${missing[0].slice(0, 90)}”`);
}
console.log(`${lost} of ${gold.length} gold quotes lost to extraction`);

const args = process.argv.slice(2);
const quotesFile = args.includes('--quotes') ? args[args.indexOf('--quotes') + 1] : undefined;
if (quotesFile) {
  // The benchmark's body of each page, to tell story text from furniture.
  const pages = readFileSync(resolve(root, 'webnews/pages.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));
  const truth = JSON.parse(readFileSync(resolve(root, 'extraction/ground-truth.json'), 'utf8'));
  const bodyOf = new Map<string, string>();
  for (const [id, , sha] of pages) {
    const key = Object.keys(truth).find((k) => k.startsWith(sha.slice(0, 12)));
    if (key) bodyOf.set(id, words(truth[key].articleBody));
  }
  let furniture = 0;
  for (const line of readFileSync(quotesFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const q = JSON.parse(line) as { article: { id: string }; speaker: string | null; sentence: string };
    const body = bodyOf.get(q.article.id);
    if (!body || !q.speaker || body.includes(words(q.sentence))) continue;
    // Half the sentence's words in order somewhere in the body: the same sentence, cut differently.
    const w = words(q.sentence).split(' ');
    if (w.length > 6 && body.includes(w.slice(0, Math.ceil(w.length / 2)).join(' '))) continue;
    furniture++;
    console.log(`outside body  ${q.article.id}  ${q.speaker}: ${q.sentence.slice(0, 100)}`);
  }
  console.log(`${furniture} attributed quotes outside the benchmark's body`);
}
