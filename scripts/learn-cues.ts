// Learns the attribution lexicon from PolNeAR's annotated train split: the verbs that cue quotes and
// the nouns that name a source without naming a person. Writes src/lexicon/learned.json.
//   npx tsx scripts/learn-cues.ts [../shared/eval/polnear/train-attributions.jsonl]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { learnLexicon } from '../src/lexicon/learn.js';

const input = resolve(process.argv[2] ?? '../shared/eval/polnear/train-attributions.jsonl');
const out = resolve(import.meta.dirname, '../src/lexicon/learned.json');
const rows = readFileSync(input, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const lexicon = learnLexicon(rows);
writeFileSync(out, `${JSON.stringify(lexicon, null, 1)}\n`);
process.stderr.write(
  `learned ${lexicon.verbs.length} cue verbs and ${lexicon.roles.length} source nouns ` +
    `from ${rows.length} attributions → ${out}\n`,
);
