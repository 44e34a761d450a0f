// Speakers asked about by what they are rather than by name: "the Jefferies analyst", "China's
// ambassador", "the Australian PM", "which economist". Each speaker has a profile — the words of their
// name and descriptions (strong), and the words the articles use around them (context: "Jefferies
// analyst Jonathan Matuszewski said") — and each of the question's words is looked for in it as typed,
// as a synonym ("lawyer" → attorney, "PM" → prime minister), as what it pertains to ("Australian" →
// Australia) or as initials ("UN" → United Nations). Rare words weigh more than common ones, and the
// role noun (the last word) must be found.
import { foldCase } from '../text/normalize.js';
import { queryTerms } from '../text/pipeline.js';
import type { Speaker } from '../types.js';
import { senses, synset, type Pos } from './wordnet.js';

export interface RoleProfile {
  speaker: Speaker;
  /** Terms of the name, aliases and descriptions. */
  strong: Set<string>;
  /** Terms of a person's name and aliases: "Ken Doctor" is no doctor, "Tim Cook" no cook. */
  personal: Set<string>;
  /** Terms of the sentences around their quotes and mentions. */
  context: Set<string>;
  /** The sentences of their own quotes, outside the marks: words found together in one of them
   * ("…,” said China's ambassador to Britain X) describe them, not someone else they mention. */
  sources: Array<Set<string>>;
  /** Initials of the capitalised phrases in the name and descriptions ("United Nations" → un); not of the
   * context, where any organisation in the sentence would lend its initials. */
  initials: Set<string>;
}

export interface RoleIndex {
  profiles: RoleProfile[];
  /** How many profiles hold a term, for its weight. */
  df: Map<string, number>;
}

/** How much a word found in the context counts against one found in the name or descriptions. */
const CONTEXT_CREDIT = 0.6;
/** Credit of a word found as a synonym, as what it pertains to, as initials. */
const SYNONYM_CREDIT = 0.8;
const PERTAINYM_CREDIT = 0.9;
/** Credit of a kind of the role (executive → chief operating officer, two levels down WordNet's
 * hyponyms) and of the role of another gender (spokeswoman → spokesman). */
const KIND_CREDIT = 0.8;
const KIND_DEPTH = 2;
const INITIALS_CREDIT = 0.9;
/** Senses read for a role word's synonyms: abbreviations ("PM") often have their role sense late. */
const ROLE_SENSES = 4;
/** The role noun weighs this many times a modifier: "the Taliban spokesman" is a spokesman first. */
const HEAD_WEIGHT = 2;
/** Credit of every word when all of them are in one sentence that names the speaker. */
const TOGETHER_CREDIT = 0.95;
/** Words that say nothing of who: articles, prepositions, generic person nouns. */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'at',
  'in',
  'with',
  'from',
  'to',
  'on',
  'by',
  'and',
  'who',
  'whose',
]);

export interface RoleScore {
  speaker: Speaker;
  /** Share of the phrase's word weight found in the profile, 0..1. */
  score: number;
}

/** Every speaker whose profile holds the role noun, scored; best first. */
export function scoreRole(index: RoleIndex, phrase: string): RoleScore[] {
  // "the head of the Bureau of Prisons": the role is before "of", what follows says whose.
  const of = /^(.+?)\s+(?:of|for|at|with)\s+(.+)$/i.exec(phrase.trim());
  const role = roleWords(of ? of[1] : phrase);
  const words = of ? [...roleWords(of[2]), ...role] : role;
  if (!role.length || !mayNameSomeone(lastWord(of ? of[1] : phrase))) return [];
  const headAt = words.length - 1;
  const n = index.profiles.length;
  const idf = (term: string) => Math.log((n + 1) / ((index.df.get(term) ?? 0) + 1)) + 1;
  const weight = (alts: Alt[]) => Math.max(...alts.map((a) => idf(a.terms[0])));
  const weights = words.map((alts, i) => weight(alts) * (i === headAt ? HEAD_WEIGHT : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  // "China's ambassador", "the Taliban spokesman": someone of the owner, never the owner itself.
  const owner = new Set(words.slice(0, headAt).flatMap((alts) => alts[0].terms));
  const out: RoleScore[] = [];
  for (const p of index.profiles) {
    const own = queryTerms(p.speaker.name);
    if (owner.size && own.length && own.every((t) => owner.has(t))) continue;
    let got = 0;
    let head = 0;
    let modifiers = 0;
    // A role noun found only in a person's name is not their role ("the doctors" are not Ken Doctor).
    const credits = words.map((alts, i) => creditFor(p, alts, i === headAt));
    const inOne = (s: Set<string>) => words.every((alts) => alts.some((a) => a.terms.every((t) => s.has(t))));
    const together = credits.every((c) => c > 0) && words.length > 1 && p.sources.some(inOne);
    credits.forEach((c, i) => {
      const credit = together ? Math.max(c, TOGETHER_CREDIT) : c;
      got += weights[i] * credit;
      if (i === headAt) head = credit;
      else modifiers += credit;
    });
    // The role noun must be found, and something of whose role it is when the question says.
    if (head > 0 && (headAt === 0 || modifiers > 0)) out.push({ speaker: p.speaker, score: got / total });
  }
  return out.sort((a, b) => b.score - a.score || b.speaker.quoteCount - a.speaker.quoteCount);
}

/** WordNet's lexicographer files of nouns for people and for groups of them. */
const PERSON_FILE = 18;
const GROUP_FILE = 14;

function lastWord(phrase: string): string {
  return (
    phrase
      .replace(/['’]s?\b/g, ' ')
      .split(/[^\p{L}\p{N}&-]+/u)
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

/**
 * Whether a role noun can name someone: a person or a group in WordNet ("analyst", "ministry"), an
 * abbreviation ("CBP"), or a word WordNet does not know. "The Reuters advantage" names no one.
 */
function mayNameSomeone(word: string): boolean {
  if (/^\p{Lu}{2,6}s?$/u.test(word)) return true;
  const lower = foldCase(word);
  const forms = [lower, lower.replace(/(?:es|s)$/, ''), lower.replace(/ies$/, 'y')];
  const offsets = forms.flatMap((f) => senses(f, 'n'));
  if (!offsets.length) return senses(lower, 'v').length === 0 && senses(lower, 'a').length === 0;
  return offsets.some((o) => {
    const file = synset(o, 'n')?.lexFile;
    return file === PERSON_FILE || file === GROUP_FILE;
  });
}

interface Alt {
  /** Terms that must all be in the profile (a multi-word synonym: prime minister). */
  terms: string[];
  credit: number;
  initials?: string;
  /** The word as typed is a name (capitalised: CBP, Pentagon): as the role noun, it names the speaker
   * only in their name or descriptions, not in the sentences around them, which may only mention it. */
  name?: boolean;
}

/** The phrase's words, each with the ways a profile may hold it. */
function roleWords(phrase: string): Alt[][] {
  const raw = phrase
    .replace(/['’]s?\b/g, ' ')
    .split(/[^\p{L}\p{N}&-]+/u)
    .filter(Boolean);
  const out: Alt[][] = [];
  for (const word of raw) {
    const lower = foldCase(word);
    if (FILLER.has(lower)) continue;
    const own = queryTerms(word);
    if (!own.length) continue;
    const capitalised = /^\p{Lu}/u.test(word);
    const alts: Alt[] = [{ terms: own, credit: 1, name: capitalised }];
    if (/^\p{Lu}{2,5}$/u.test(word)) alts.push({ terms: own, credit: INITIALS_CREDIT, initials: lower, name: true });
    // A capitalised word inside the phrase is a name ("the Bureau of Prisons"): its words' synonyms
    // ("bureau" → office) name something else; what a name pertains to stays (Australian → Australia).
    const name = /^\p{Lu}\p{Ll}/u.test(word) && raw.indexOf(word) > 0;
    for (const related of wordNetAlternatives(lower))
      if (!name || related.credit === PERTAINYM_CREDIT) alts.push(related);
    // The same role of another gender: spokeswoman, spokesman, spokesperson.
    const gendered = /^(\p{L}{3,}?)(?:woman|man|person)$/u.exec(lower);
    if (gendered && !name) {
      for (const end of ['woman', 'man', 'person']) {
        const terms = queryTerms(gendered[1] + end);
        if (terms.length && terms.join(' ') !== own.join(' ')) alts.push({ terms, credit: KIND_CREDIT });
      }
    }
    out.push(alts);
  }
  return out;
}

function wordNetAlternatives(word: string): Alt[] {
  const out: Alt[] = [];
  for (const pos of ['n', 'a'] as Pos[]) {
    const base = pos === 'n' && word.endsWith('s') && !senses(word, pos).length ? word.slice(0, -1) : word;
    for (const offset of senses(base, pos).slice(0, ROLE_SENSES)) {
      const s = synset(offset, pos);
      if (!s) continue;
      for (const w of s.words) {
        const terms = queryTerms(w);
        if (terms.length && w !== base) out.push({ terms, credit: SYNONYM_CREDIT });
      }
      // Kinds of its commonest sense only: "head" is a body part before it is a chief.
      if (pos === 'n' && s.lexFile === PERSON_FILE && offset === senses(base, pos)[0]) kindsOf(offset, KIND_DEPTH, out);
      if (pos !== 'a') continue;
      for (const p of s.pointers) {
        if (p.symbol !== '\\') continue;
        const target = synset(p.offset, p.pos)?.words[(p.target || 1) - 1];
        const terms = target ? queryTerms(target) : [];
        if (terms.length) out.push({ terms, credit: PERTAINYM_CREDIT });
      }
    }
  }
  return out;
}

/** Kinds of a role (WordNet's hyponyms): a chief operating officer is an executive, a prosecutor a lawyer. */
function kindsOf(offset: number, depth: number, out: Alt[]): void {
  for (const p of synset(offset, 'n')?.pointers ?? []) {
    if (p.symbol !== '~') continue;
    for (const w of synset(p.offset, 'n')?.words ?? []) {
      const terms = queryTerms(w);
      if (terms.length) out.push({ terms, credit: KIND_CREDIT });
    }
    if (depth > 1) kindsOf(p.offset, depth - 1, out);
  }
}

function creditFor(p: RoleProfile, alts: Alt[], role = false): number {
  let best = 0;
  const strong = (t: string) => p.strong.has(t) && !(role && p.personal.has(t));
  for (const a of alts) {
    if (a.credit <= best) continue;
    if (a.initials) {
      if (p.initials.has(a.initials)) best = a.credit;
      continue;
    }
    if (a.terms.every(strong)) best = a.credit;
    else if (role && a.name) continue;
    else if (a.credit * CONTEXT_CREDIT > best && a.terms.every((t) => strong(t) || p.context.has(t))) {
      best = a.credit * CONTEXT_CREDIT;
    }
  }
  return best;
}

export interface ProfileTerms {
  terms: Set<string>;
  initials: Set<string>;
  /** Each text's terms apart. */
  sentences: Array<Set<string>>;
}

/** Terms of a profile's text, and initials of its capitalised runs ("United Nations" → un). */
export function profileTerms(texts: string[]): ProfileTerms {
  const terms = new Set<string>();
  const initials = new Set<string>();
  const sentences: Array<Set<string>> = [];
  for (const text of texts) {
    const own = new Set(queryTerms(text));
    sentences.push(own);
    for (const t of own) terms.add(t);
    for (const run of text.match(/(?:\p{Lu}[\p{L}]*\s+){1,4}\p{Lu}[\p{L}]*/gu) ?? []) {
      initials.add(
        run
          .split(/\s+/)
          .map((w) => foldCase(w[0]))
          .join(''),
      );
    }
    for (const w of text.match(/\b\p{Lu}{2,5}\b/gu) ?? []) initials.add(foldCase(w));
  }
  return { terms, initials, sentences };
}
