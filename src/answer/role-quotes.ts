// "What did the IDC analyst say?" when no speaker's name or descriptions fit the role: the quotes whose
// story speaks of it — the sentence holding the quote ("…, an Instagram spokesperson said") or its
// paragraph and the one before, less anywhere in the article — on the topic first when one is asked.
// Their speakers stay as the attribution gave them (or none): the role is a place in the story, not a
// name given to anyone.
import type { Library } from '../library/index.js';
import type { Question } from '../question/index.js';
import { relatedTerms } from '../question/expand.js';
import { queryTerms } from '../text/pipeline.js';
import type { AnswerItem } from '../types.js';
import { quoteItem } from './items.js';
import { articleTerms, fieldCredit, narrativeTerms, storyTerms } from './narrative.js';
import type { Scope } from './scope.js';
import {
  CONTEXT_WEIGHT,
  NARRATIVE_WEIGHT,
  RELATION_WEIGHT,
  ROLE_ARTICLE_CREDIT,
  ROLE_QUOTE_MIN,
  ROLE_SENTENCES,
  ROLE_STORY_CREDIT,
} from './weights.js';
import { distinct } from './words.js';

/** The quotes told of near the role's words, best first; empty when none is near enough. */
export function roleQuotes(library: Library, q: Question, scope: Scope, limit: number): AnswerItem[] {
  const phrase = (q.speaker ?? '').replace(/['’]s?(?=\s|$)/gu, ' ');
  const terms = [...new Set(queryTerms(phrase))];
  // The role noun: the last word before "of" ("the head of the Bureau of Mines"), else the last word.
  const head = queryTerms(/^(.+?)\s+(?:of|for|at|with)\s/i.exec(phrase)?.[1] ?? phrase).at(-1);
  if (!head) return [];
  const related = relatedTerms(phrase);
  const sentences = library.sentenceIndex;
  const weight = new Map(terms.map((t) => [t, sentences.idf(t)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  const searched = new Map<string, number>(terms.map((t) => [t, 1]));
  for (const t of terms) for (const r of related.get(t) ?? []) searched.set(r.term, RELATION_WEIGHT[r.relation]);
  // The quotes of a paragraph that speaks of the role, or of the paragraph after it.
  const candidates = new Set<number>();
  for (const h of sentences.search([...searched.keys()], { limit: ROLE_SENTENCES, weights: searched })) {
    const s = library.sentences.at(h.doc)!;
    for (const doc of library.articleQuotes.get(s.articleId) ?? []) {
      const p = library.quotes[doc].paragraph;
      if ((p === s.paragraph || p === s.paragraph + 1) && scope.quote(doc)) candidates.add(doc);
    }
  }
  const scored: Array<{ doc: number; score: number }> = [];
  for (const doc of candidates) {
    const around = narrativeTerms(library, doc);
    const story = storyTerms(library, doc);
    let got = 0;
    let named = false;
    for (const [t, w] of weight) {
      const rel = related.get(t) ?? [];
      const credit = Math.max(fieldCredit(around, t, rel, 1), fieldCredit(story, t, rel, ROLE_STORY_CREDIT));
      if (t === head) named = credit > 0;
      got += w * (credit || (articleTerms(library, doc).has(t) ? ROLE_ARTICLE_CREDIT : 0));
    }
    // The role noun itself must be near: a worker at the pit is not the pit's owner.
    const fit = got / total;
    if (!named || fit < ROLE_QUOTE_MIN) continue;
    scored.push({ doc, score: fit + topicCoverage(library, q, doc) });
  }
  scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return distinct(scored, (h) => quoteItem(library, h.doc, h.score), limit);
}

/** Share of the topic's term weight the quote holds: in it, as a related word, around it. */
function topicCoverage(library: Library, q: Question, doc: number): number {
  const index = library.quoteIndex;
  const unique = [...new Set(q.terms)];
  if (!unique.length) return 0;
  let got = 0;
  let total = 0;
  for (const t of unique) {
    const w = index.idf(t);
    total += w;
    if (index.contains(t, doc)) {
      got += w;
      continue;
    }
    const rel = q.related.get(t) ?? [];
    let credit = 0;
    for (const r of rel) if (index.contains(r.term, doc)) credit = Math.max(credit, RELATION_WEIGHT[r.relation]);
    credit = Math.max(credit, fieldCredit(narrativeTerms(library, doc), t, rel, NARRATIVE_WEIGHT));
    if (credit < CONTEXT_WEIGHT && storyTerms(library, doc).has(t)) credit = CONTEXT_WEIGHT;
    got += w * credit;
  }
  return total ? got / total : 0;
}
