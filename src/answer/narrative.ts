// The words around a quote: its sentence without the quoted words. A partial quote ("slammed the
// hearings as a “disgrace”") or a cue ("told the teachers") holds there what a question asks about.
import type { Library } from '../library/index.js';
import { queryTerms } from '../text/pipeline.js';

const cache = new WeakMap<Library, Map<number, Set<string>>>();
const MAX_CACHED = 200_000;

/** Terms of the quote's sentence outside the quote itself, computed once per quote. */
export function narrativeTerms(library: Library, doc: number): Set<string> {
  let perLibrary = cache.get(library);
  if (!perLibrary) cache.set(library, (perLibrary = new Map()));
  let terms = perLibrary.get(doc);
  if (terms) return terms;
  const q = library.quotes[doc];
  // A quote broken by its cue ("A," he said, "B.") spans the cue: the marked stretches go, the cue stays.
  const around =
    q.kind === 'indirect'
      ? q.sentence.split(q.text).join(' ')
      : q.sentence
          .replace(/[“"«„][^“”"«»„]*[”"»]/gu, ' ')
          .split(q.text)
          .join(' ');
  terms = new Set(queryTerms(around));
  if (perLibrary.size > MAX_CACHED) perLibrary.clear();
  perLibrary.set(doc, terms);
  return terms;
}
