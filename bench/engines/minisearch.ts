// MiniSearch (BM25) in its own process, over the same passages and questions. It is given whosaid's
// term pipeline (tokenizer, stop words, Porter stemmer) for documents and questions alike, so that the
// comparison is between index structures, not stop lists: with its default tokenizer every "what" and
// "the" of a question is searched too, and a question at ×10 takes about a second.
import MiniSearch from 'minisearch';
import { indexTerms, queryTerms } from '../../src/text/pipeline.js';
import { benchArticles, benchQuestions, passagesOf } from '../corpus.js';
import { liveMemory, measureLatency, now, runEngine, subset, type EngineResult } from '../measure.js';

runEngine(async ({ scale }): Promise<EngineResult> => {
  const articles = await benchArticles(scale);
  const passages = passagesOf(articles);
  const questions = benchQuestions();
  const memoryBase = liveMemory();
  const start = now();
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => indexTerms(text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => queryTerms(text), processTerm: (term) => term },
  });
  index.addAll(passages.map((text, id) => ({ id, text })));
  const buildMs = now() - start;
  const memoryAfterBuild = liveMemory();
  // MiniSearch returns every match, ranked; at ×10 a question costs tens of milliseconds, so one timed
  // pass, after a warm-up on every 10th question (enough for the JIT; MiniSearch keeps no query cache).
  const search =
    scale > 1
      ? measureLatency(questions, (q) => index.search(q), 1, { warmup: subset(questions, 10) })
      : measureLatency(questions, (q) => index.search(q), 3);
  return {
    engine: 'minisearch',
    scale,
    articles: articles.length,
    passages: passages.length,
    buildMs,
    memoryBase,
    memoryAfterBuild,
    latency: { search },
  };
});
