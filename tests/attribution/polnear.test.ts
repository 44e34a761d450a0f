import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { buildLibrary, type Library } from '../../src/library/index.js';
import { needing } from '../requirements.js';
import { POLNEAR, POLNEAR_DIR } from '../helpers.js';

interface Gold {
  article: string;
  direct: boolean;
  quotes: string[];
  content: string;
  speakerKey: string | null;
  speakerName: string | null;
}
type Matcher = (system: string | null, gold: Gold) => boolean;
type Overlap = (system: string, gold: string) => boolean;

// Measured on the dev split with the evaluation's own matching rules (../shared/eval/score.mjs).
// These are floors that catch regressions; ../shared/eval/run.sh reports the numbers themselves.
needing('shared').describe('attribution on PolNeAR dev', () => {
  let library: Library;
  let gold: Gold[];
  let speakerMatches: Matcher;
  let textOverlaps: Overlap;
  beforeAll(async () => {
    const score = await import(pathToFileURL(join(POLNEAR, '..', 'score.mjs')).href);
    speakerMatches = score.speakerMatches;
    textOverlaps = score.textOverlaps;
    gold = readFileSync(join(POLNEAR, 'dev-attributions.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const articles = new Set(gold.map((g) => g.article));
    const { articles: all } = await loadCorpus(POLNEAR_DIR);
    library = buildLibrary(all.filter((a) => articles.has(a.id)));
  });

  it('finds the direct quotes (recall ≥ 95%, precision ≥ 90%) and names their speakers', () => {
    const byArticle = new Map<string, typeof library.quotes>();
    for (const q of library.quotes) byArticle.set(q.articleId, [...(byArticle.get(q.articleId) ?? []), q]);
    const direct = gold.filter((g) => g.direct);
    let found = 0;
    let judged = 0;
    let right = 0;
    for (const g of direct) {
      const cands = (byArticle.get(g.article) ?? []).filter((q) => g.quotes.some((gq) => textOverlaps(q.text, gq)));
      if (!cands.length) continue;
      found++;
      if (!g.speakerKey) continue;
      judged++;
      if (cands.some((q) => speakerMatches(q.speaker, g))) right++;
    }
    const goldBy = new Map<string, Gold[]>();
    for (const g of gold) goldBy.set(g.article, [...(goldBy.get(g.article) ?? []), g]);
    const precise = library.quotes.filter((q) =>
      (goldBy.get(q.articleId) ?? []).some((g) =>
        textOverlaps(q.text, g.quotes.length ? g.quotes.join(' ') : g.content),
      ),
    ).length;
    const recall = found / direct.length;
    const precision = precise / library.quotes.length;
    const accuracy = right / judged;
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every quote inside its article and its sentence', () => {
    const byId = new Map(library.articles.map((a) => [a.id, a]));
    for (const q of library.quotes) {
      const a = byId.get(q.articleId)!;
      expect(q.end).toBeLessThanOrEqual(a.text.length);
      expect(q.sentenceStart).toBeLessThanOrEqual(q.start);
      expect(q.sentenceEnd).toBeGreaterThanOrEqual(q.end);
      expect(a.text.slice(q.start, q.end).replace(/\s+/g, ' ')).toContain(q.text.split(' ').slice(0, 3).join(' '));
    }
  });
});
