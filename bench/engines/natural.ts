// natural's TfIdf in its own process: addDocument per passage, tfidfs per question, on the same terms
// whosaid indexes (its scores are the reference whosaid's index is tested against). tfidfs scores every
// document for every question, so it is timed on a subset of the questions, which the report says.
import { TfIdf } from '../../src/text/natural.js';
import { indexTerms, queryTerms } from '../../src/text/pipeline.js';
import { benchArticles, benchQuestions, passagesOf } from '../corpus.js';
import { liveMemory, measureLatency, now, runEngine, subset, type EngineResult } from '../measure.js';

/** Every 4th question at ×1 (50), every 10th at ×10 (20): the bench stays within minutes. */
const STEP = { small: 4, large: 10 };

runEngine(async ({ scale }): Promise<EngineResult> => {
  const articles = await benchArticles(scale);
  const passages = passagesOf(articles);
  const all = benchQuestions();
  const memoryBase = liveMemory();
  const start = now();
  const tfidf = new TfIdf();
  for (const p of passages) tfidf.addDocument(indexTerms(p));
  const buildMs = now() - start;
  const memoryAfterBuild = liveMemory();
  const step = scale > 1 ? STEP.large : STEP.small;
  const questions = subset(all, step);
  const note = `${questions.length} of ${all.length} questions (every ${step}th)`;
  const search = measureLatency(questions, (q) => tfidf.tfidfs(queryTerms(q)), 1, { note });
  return {
    engine: 'natural',
    scale,
    articles: articles.length,
    passages: passages.length,
    buildMs,
    memoryBase,
    memoryAfterBuild,
    latency: { search },
  };
});
