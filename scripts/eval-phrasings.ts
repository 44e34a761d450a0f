// How well the answers hold up when a question is asked in other words. Each generated question of a
// PolNeAR split is rewritten into phrasings the generator never uses ("Whose words are …", "What were
// X's comments on …", "X on …"), answered by the engine, and scored as run.sh scores the originals:
// speaker@1 for who-said, quote@3 for what-said. A phrasing far below the original one is a gap in
// src/question. Also asked: each who-said quote checked with its speaker ("Did X say …?": right when the
// verdict is yes and X's quote comes first) and with another article's speaker (right when the verdict
// is no and the gold speaker comes first), and each what-said topic as a topic question (the gold quote
// among the first five).
//   npx tsx scripts/eval-phrasings.ts [dev|train]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerQuestion } from '../src/answer/index.js';
import { loadCorpus } from '../src/corpus/index.js';
import { buildLibrary } from '../src/library/index.js';

interface Question {
  type: 'who_said' | 'what_said';
  question: string;
  article: string;
  gold: { speakerKey?: string; speakerName?: string; quote?: string };
}

const WHO: Array<(s: string) => string> = [
  (s) => `Whose words are "${s}"?`,
  (s) => `"${s}" — who said that?`,
  (s) => `Which person said "${s}"?`,
  (s) => `who said ${s.toLowerCase()}`,
  (s) => `Tell me who said "${s}"`,
  (s) => `Who's the source of the quote "${s}"?`,
  (s) => `Who made the remark "${s}"?`,
  (s) => `"${s}"`,
  (s) => `Who was it that said "${s}"?`,
  (s) => `Can you find who said “${s}”?`,
  (s) => `${s} - whose quote is that?`,
  (s) => `Who said: ${s}`,
  (s) => `Who said this: "${s}"`,
  (s) => `Who uttered "${s}"?`,
  (s) => `Identify the speaker: "${s}"`,
  (s) => `Attribute this quote: "${s}"`,
  (s) => `Who's quoted saying "${s}"?`,
  (s) => `Which official said "${s}"?`,
  (s) => `who said '${s}'`,
  (s) => `Who do you think said "${s}"?`,
  (s) => `Who told reporters "${s}"?`,
  (s) => `Who is the author of "${s}"?`,
  (s) => `WHO SAID "${s.toUpperCase()}"`,
  (s) => `Who said "${s}" in the article?`,
  (s) => `who said ${s}??`,
  (s) => `"${s}" Who?`,
  (s) => `Did anyone say "${s}"?`,
  (s) => `has anybody said that ${s.toLowerCase()}`,
];

/** Checking a quote: with the gold speaker the verdict must be yes; with another, no (gold speaker first). */
const VERIFY_YES: Array<(x: string, s: string) => string> = [
  (x, s) => `Did ${x} say "${s}"?`,
  (x, s) => `Is it true that ${x} said "${s}"?`,
  (x, s) => `Was it ${x} who said "${s}"?`,
];
const VERIFY_NO: Array<(x: string, s: string) => string> = [(x, s) => `Did ${x} say "${s}"?`];

/** Quotes on a subject: the gold quote among the first five. */
const TOPIC: Array<(t: string) => string> = [(t) => `Quotes about ${t}`, (t) => `What has been said about ${t}?`];

const WHAT: Array<(x: string, t: string) => string> = [
  (x, t) => `What has ${x} said about ${t}?`,
  (x, t) => `What were ${x}'s comments on ${t}?`,
  (x, t) => `Tell me what ${x} said about ${t}`,
  (x, t) => `Did ${x} say anything about ${t}?`,
  (x, t) => `${x} on ${t}`,
  (x, t) => `Quotes from ${x} about ${t}`,
  (x, t) => `What was ${x}'s take on ${t}?`,
  (x, t) => `How did ${x} talk about ${t}?`,
  (x, t) => `What did ${x} have to say about ${t}?`,
  (x, t) => `${x}'s remarks regarding ${t}`,
  (x, t) => `What does ${x} think about ${t}?`,
  (x, t) => `Show me what ${x} said on ${t}`,
  (x, t) => `Give me ${x}'s quotes about ${t}`,
  (x, t) => `Any quotes by ${x} on ${t}?`,
  (x, t) => `I'd like to know what ${x} said about ${t}`,
  (x, t) => `What did ${x} tell reporters about ${t}?`,
  (x, t) => `${t}: what did ${x} say?`,
  (x, t) => `what did ${x.toLowerCase()} say about ${t.toLowerCase()}`,
  (x, t) => `What did ${x} say on the subject of ${t}?`,
  (x, t) => `What's ${x}'s opinion about ${t}?`,
  (x, t) => `Has ${x} commented on ${t}?`,
  (x, t) => `What did ${x} say with regard to ${t}?`,
  (x, t) => `${x}, ${t}`,
  (x, t) => `Find quotes where ${x} talks about ${t}`,
  (x, t) => `What is ${x} quoted as saying about ${t}?`,
  (x, t) => `What did ${x} claim about ${t}?`,
  (x, t) => `Did ${x} mention ${t}?`,
  (x, t) => `Summarize what ${x} said about ${t}`,
  (x, t) => `${x} ${t}`,
  (x, t) => `What are ${x}'s thoughts on ${t}?`,
  (x, t) => `${t} according to ${x}`,
  (x, t) => `According to ${x}, what about ${t}?`,
  (x, t) => `What has ${x} been quoted saying about ${t}?`,
  (x, t) => `Show ${x} quotes on ${t}`,
];

const WHO_FORMS = [/^Who said "(.+)"\?$/, /^Who is quoted as saying “(.+)”\?$/, /^who said that (.+)$/];
const WHAT_FORM = /^What did (.+?) say (?:about|on) (.+)\?$/;

const split = process.argv[2] ?? 'dev';
const root = resolve(import.meta.dirname, '../../shared/eval');
const score = (await import(resolve(root, 'score.mjs'))) as {
  speakerMatches: (system: string | null | undefined, gold: Question['gold']) => boolean;
  textOverlaps: (system: string, gold: string) => boolean;
};
const questions: Question[] = readFileSync(resolve(root, `polnear/${split}-questions.jsonl`), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const { articles } = await loadCorpus(resolve(root, 'polnear/corpus'));
const library = buildLibrary(articles);

const rows = new Map<string, { n: number; right: number }>();
const tally = (label: string, right: boolean) => {
  const r = rows.get(label) ?? { n: 0, right: 0 };
  r.n++;
  if (right) r.right++;
  rows.set(label, r);
};
const example = new Map<string, string>();

// Another speaker for "Did X say …?" with a no for answer: the gold speaker of the next who-said
// question from another article.
const others = questions.filter((q) => q.type === 'who_said' && q.gold.speakerName);
for (const q of questions) {
  if (q.type === 'who_said') {
    const snippet = WHO_FORMS.map((re) => re.exec(q.question)?.[1]).find(Boolean);
    if (!snippet) continue;
    const right = (text: string) => score.speakerMatches(answerQuestion(library, text).answers[0]?.speaker, q.gold);
    tally('who: as generated', right(q.question));
    WHO.forEach((f, i) => {
      const text = f(snippet);
      const label = `who ${i + 1}: ${f('…')}`;
      tally(label, right(text));
    });
    const name = q.gold.speakerName;
    if (!name) continue;
    VERIFY_YES.forEach((f, i) => {
      const a = answerQuestion(library, f(name, snippet));
      tally(
        `verify yes ${i + 1}: ${f('X', '…')}`,
        a.verdict === 'yes' && score.speakerMatches(a.answers[0]?.speaker, q.gold),
      );
    });
    const other = others.find((o) => o.article !== q.article && !score.speakerMatches(o.gold.speakerName, q.gold));
    if (other?.gold.speakerName) {
      VERIFY_NO.forEach((f, i) => {
        const a = answerQuestion(library, f(other.gold.speakerName!, snippet));
        tally(
          `verify no ${i + 1}: ${f('Y', '…')}`,
          a.verdict === 'no' && score.speakerMatches(a.answers[0]?.speaker, q.gold),
        );
      });
    }
  } else {
    const m = WHAT_FORM.exec(q.question);
    if (!m) continue;
    const [, speaker, topic] = m;
    const right = (text: string) =>
      answerQuestion(library, text)
        .answers.slice(0, 3)
        .some((a) => score.textOverlaps(a.quote ?? a.sentence, q.gold.quote ?? ''));
    tally('what: as generated', right(q.question));
    WHAT.forEach((f, i) => {
      const label = `what ${i + 1}: ${f('X', 'T')}`;
      if (!example.has(label)) example.set(label, f(speaker, topic));
      tally(label, right(f(speaker, topic)));
    });
    TOPIC.forEach((f, i) => {
      const a = answerQuestion(library, f(topic));
      tally(
        `topic ${i + 1}: ${f('T')} (gold in top 5)`,
        a.answers.slice(0, 5).some((x) => score.textOverlaps(x.quote ?? x.sentence, q.gold.quote ?? '')),
      );
    });
  }
}

console.log(`${split}: ${questions.length} questions, each asked as generated and in other words`);
console.log('phrasing'.padEnd(52), 'n'.padStart(5), 'right'.padStart(7));
for (const [label, r] of rows)
  console.log(label.padEnd(52), String(r.n).padStart(5), `${((100 * r.right) / r.n).toFixed(1)}%`.padStart(7));
