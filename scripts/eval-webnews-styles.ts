// The webnews answers broken down by question form and style, with the first stage that failed for
// each question answered wrong. Run ../shared/eval/webnews/run.sh with EVAL_OUT=DIR first, then:
//   npx tsx scripts/eval-webnews-styles.ts DIR [--list]
// Causes: "not read" (the question was not read as its intent), "speaker not resolved" (what-said: the
// asked speaker matched no one, or someone else), "ranking" (the right quote was extracted with the right
// speaker but not answered first / in the top 3), "attribution" (the quote was extracted, never with the
// right speaker), "extraction" (the quote was not extracted). The first three are question and answer
// work; the last two are the attribution's and the page extraction's.
import { resolve } from 'node:path';
import { EVAL_ROOT, jsonl, scorer } from './eval-data.js';

interface Gold {
  speakerKey?: string | null;
  speakerName?: string;
  quote: string;
  sourceKind: string;
}
interface Q {
  type: 'who_said' | 'what_said' | 'absent_speaker';
  question: string;
  article: string;
  style?: string;
  gold: Gold;
}
interface Item {
  speaker: string | null;
  quote: string;
  sentence?: string;
  article: { id: string };
}
interface A {
  intent: string;
  message: string;
  answers: Item[];
  verdict?: string;
}
interface Extracted {
  article: { id: string };
  speaker: string | null;
  quote: string;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: eval-webnews-styles.ts EVAL_OUT_DIR [--list]');
  process.exit(2);
}
const list = process.argv.includes('--list');
const questions = jsonl<Q>(resolve(EVAL_ROOT, 'webnews/questions.jsonl'));
const answers = jsonl<A>(resolve(dir, 'answers.jsonl'));
const extracted = jsonl<Extracted>(resolve(dir, 'quotes.jsonl'));

/** How a who-said question opens. */
function whoForm(q: string): string {
  const s = q.toLowerCase().replace(/^["“]/, '');
  if (/^(did|has|have|does) (anyone|anybody|someone|somebody)\b/.test(s)) return 'did anyone …';
  if (/^whose\b/.test(s)) return 'whose …';
  if (/^which\b/.test(s)) return 'which <role> …';
  if (/^who (said|says)\b/.test(s)) return 'who said …';
  if (/^who\b/.test(s)) return 'who <other verb> …';
  return 'other';
}

/** How a what-said question names its speaker and topic. */
function whatForm(q: string): string {
  const m =
    /^(?:what|wat)\s+(?:did|does|has|have|had|is|was|were)\s+(.+?)\s+(?:say|said|tell|told|write|wrote|think|urge|urged|testify|chant|sing|call|warn|find)\b(.*)$/i.exec(
      q,
    );
  if (!m) return /\bon\b/.test(q) ? 'X on Y' : 'other';
  const speaker = m[1];
  const role = /^(?:the|a|an)\s/i.test(speaker) || /['’]s?\s+\p{Ll}/u.test(speaker);
  return `${role ? 'by role' : 'by name'}${/\babout\b|\bon\b/.test(m[2]) ? ' + topic' : ' alone'}`;
}

const rows = new Map<string, { n: number; right: number }>();
const causes = new Map<string, number>();
const tally = (key: string, right: boolean) => {
  const r = rows.get(key) ?? { n: 0, right: 0 };
  r.n++;
  if (right) r.right++;
  rows.set(key, r);
};
const failures: string[] = [];

questions.forEach((q, i) => {
  const a = answers[i];
  const items = a.answers ?? [];
  let right: boolean;
  if (q.type === 'who_said') right = scorer.speakerMatches(items[0]?.speaker, q.gold);
  else if (q.type === 'what_said')
    right = items.slice(0, 3).some((x) => scorer.textOverlaps(x.quote ?? x.sentence, q.gold.quote));
  else right = !items.some((x) => scorer.speakerMatches(x.speaker, q.gold));
  tally(q.type, right);
  if (q.type === 'who_said') {
    tally(`who_said style ${q.style}`, right);
    tally(`who_said form ${whoForm(q.question)}`, right);
    tally(`who_said gold ${q.gold.sourceKind}`, right);
  } else if (q.type === 'what_said') {
    tally(`what_said form ${whatForm(q.question)}`, right);
    tally(`what_said gold ${q.gold.sourceKind}`, right);
  }
  if (right || q.type === 'absent_speaker') return;
  const cause = causeOf(q, a);
  causes.set(cause, (causes.get(cause) ?? 0) + 1);
  failures.push(
    `${cause.padEnd(22)} ${q.type === 'who_said' ? q.style : 'what'}  ${q.question}  → ${a.intent}: ${items[0]?.speaker ?? '-'} | ${a.message.slice(0, 80)}`,
  );
});

function causeOf(q: Q, a: A): string {
  const own = extracted.filter((x) => x.article.id === q.article && scorer.textOverlaps(x.quote, q.gold.quote));
  const readRight = q.type === 'who_said' ? a.intent === 'who_said' || a.intent === 'verify' : a.intent === 'what_said';
  if (!readRight) return 'not read';
  if (!own.length) return 'extraction';
  if (!own.some((x) => scorer.speakerMatches(x.speaker, q.gold))) return 'attribution';
  if (q.type === 'what_said' && !scorer.speakerMatches(a.answers[0]?.speaker, q.gold)) return 'speaker not resolved';
  return 'ranking';
}

const pct = (r: { n: number; right: number }) => `${((100 * r.right) / r.n).toFixed(1)}%`;
console.log('group'.padEnd(44), 'n'.padStart(4), 'right'.padStart(7));
for (const [key, r] of [...rows].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(key.padEnd(44), String(r.n).padStart(4), pct(r).padStart(7));
const failed = [...causes.values()].reduce((x, y) => x + y, 0);
const ours = ['not read', 'speaker not resolved', 'ranking'].reduce((n, c) => n + (causes.get(c) ?? 0), 0);
console.log(
  `\nfailed who/what questions by first failing stage (${failed}; question and answer stages: ${ours}, ${((100 * ours) / Math.max(1, failed)).toFixed(0)}%):`,
);
for (const [c, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${c.padEnd(22)} ${n}`);
if (list) console.log(`\n${failures.sort().join('\n')}`);
