// whosaid in its own process: the library build (the sentence index is what the competitors are
// compared with), memory, the raw index search and the full answer per question, and a snapshot saved
// for bench/engines/whosaid-load.ts to load in a fresh process.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer/index.js';
import { buildLibrary, corpusVersion, saveSnapshot } from '../../src/library/index.js';
import { queryTerms } from '../../src/text/pipeline.js';
import { benchArticles, benchQuestions } from '../corpus.js';
import { liveMemory, measureLatency, now, runEngine, timed, type EngineResult } from '../measure.js';

runEngine(async ({ scale, dir }): Promise<EngineResult> => {
  const articles = await benchArticles(scale);
  const questions = benchQuestions();
  const memoryBase = liveMemory();
  let indexStart = NaN;
  const start = now();
  const library = buildLibrary(articles, { onStage: (stage) => stage === 'index' && (indexStart = now()) });
  const end = now();
  const memoryAfterBuild = liveMemory();

  const search = measureLatency(questions, (q) => library.sentenceIndex.search(queryTerms(q), { limit: 10 }), 5);
  const answer = measureLatency(questions, (q) => answerQuestion(library, q), 5);

  const version = timed(() => corpusVersion(articles));
  const file = join(dir, `${version.value}.snapshot`);
  const saveStart = now();
  await saveSnapshot(file, library, version.value);
  const saveMs = now() - saveStart;
  // What the loading process must answer, word for word.
  const answers = join(dir, 'answers.json');
  writeFileSync(
    answers,
    JSON.stringify({ version: version.value, questions, answers: questions.map((q) => answerQuestion(library, q)) }),
  );

  return {
    engine: 'whosaid',
    scale,
    articles: articles.length,
    passages: library.sentences.length,
    buildMs: end - indexStart,
    libraryBuildMs: end - start,
    versionMs: version.ms,
    memoryBase,
    memoryAfterBuild,
    snapshot: { saveMs, bytes: statSync(file).size, file, answers },
    latency: { search, answer },
  };
});
