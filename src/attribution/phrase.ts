// Reading phrases off tokens for the cue stage: is this word a verb of saying here or a noun ("a
// report", "Rubio's claim")? Where does the source phrase after "said" end? What is the subject phrase
// that ends right before a verb?
import {
  AFFILIATION,
  ARTICLE_OR_POSSESSIVE,
  ARTICLES,
  AUXILIARIES,
  CLAUSE_WORDS,
  COORDINATORS,
  DAYS,
  DEMONSTRATIVES,
  INDEFINITE,
  isAdverbWord,
  isDocument,
  isInflected,
  isTitle,
  isPersonRole,
  isPhrasalCue,
  LINK_PREPOSITIONS,
  NEGATIONS,
  OBLIQUE_PRONOUNS,
  PLURAL_NOUNS,
  POSSESSIVES,
  PREPOSITIONS,
  PRONOUNS,
  RANK_WORDS,
  RELATIVES,
  SAYING_NOUNS,
  SETTING_PREPOSITIONS,
  SHORT_TITLES,
  SINGULAR_SUBJECTS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  isDemonym,
  TIME_WORDS,
  union,
} from '../lexicon/index.js';
import { speechVerb, type Token } from './tokens.js';

export { CLAUSE_WORDS };

// A source phrase ends at these when read after "said" ("said Trump in a statement", "said Trump, adding").
const NP_STOP = union(
  [SETTING_PREPOSITIONS, SUBORDINATORS, RELATIVES, COORDINATORS, DAYS, TIME_WORDS],
  'this last',
  'although though unless whether whom',
);
const npStop = (t: Token) => NP_STOP.has(t.lower) || (t.lower.endsWith('ing') && speechVerb(t));

const DETERMINERS = union([ARTICLES, DEMONSTRATIVES, POSSESSIVES, INDEFINITE, RANK_WORDS]);
const DET_POSS = union([ARTICLE_OR_POSSESSIVE, DEMONSTRATIVES]);
// Before an uninflected verb ("they say", "will say", "to say"), not before a noun ("private email").
const VERB_LEAD = union([SUBJECT_PRONOUNS, AUXILIARIES, NEGATIONS, RELATIVES], 'to also often always', 'no');

/** Days and words of time that sit beside a verb ("said Tuesday", "later added"). */
export const isTimeWord = (lower: string) => DAYS.has(lower) || TIME_WORDS.has(lower);

export const isAdverb = (t: Token) => t.word && !t.cap && isAdverbWord(t.lower);

/** Tokens taken by a cue verb at k: 1 ("said"), 2 ("shot back"), or 0 when there is none. */
export function cueLength(tokens: Token[], k: number, allowCap = true): number {
  const t = tokens[k];
  if (!t?.word || (t.cap && !allowCap)) return 0;
  const len = speechVerb(t) ? 1 : isPhrasalCue(t.lower, tokens[k + 1]?.lower) ? 2 : 0;
  // "he continued." and "Howard continued his scathing remarks." cue a quote; "Rubio will continue to be …" does not.
  // (cueLength runs on every token a cue rule reads: the words after are looked at only for "continue".)
  if (
    len &&
    /^continu/.test(t.lower) &&
    tokens[k + 1]?.word &&
    tokens[k + 1].lower !== 'on' &&
    !remarksAt(tokens, k + 2)
  )
    return 0;
  return len && !nounHere(tokens, k) ? len : 0;
}

/** "his remarks", "his scathing remarks": a noun for words said, one or two tokens from `k`. */
function remarksAt(tokens: Token[], k: number): boolean {
  for (let m = k; m < k + 2 && m < tokens.length; m++)
    if (tokens[m].word && SAYING_NOUNS.has(tokens[m].lower)) return true;
  return false;
}

// "in her state", "Rubio's claim", "his anti-Muslim remarks", "private email": the word is a noun.

/** A determiner or a name's possessive: what comes after it is a noun. */
function owner(u: Token | undefined): boolean {
  return !!u && u.word && (DET_POSS.has(u.lower) || possessiveName(u));
}

/** "Bush's", "Sanders’": a name written as an owner. */
const possessiveName = (u: Token) => u.cap && /['’]s?$/.test(u.text);

function nounHere(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const prev2 = tokens[k - 2];
  const after = tokens[k + 1]?.lower ?? '';
  // Right after a quote ("“…,” comments Robin Biesbroek") the word opens an inverted cue: a verb.
  if (
    PLURAL_NOUNS.has(t.lower) &&
    !(after === 'that' || after === 'out' || /^[:,“"]$/.test(after)) &&
    !(prev && (SINGULAR_SUBJECTS.has(prev.lower) || prev.lower === 'who')) &&
    !(k === 0 || (prev && /^[,”"’]$/.test(prev.text)))
  )
    return true;
  if (!prev?.word) return false;
  // "a piece that noted her …": "that" after a noun opens a relative clause, and the past tense is its verb.
  const relative = prev.lower === 'that' && /ed$/.test(t.lower) && !!prev2?.word && !prev2.cap && !speechVerb(prev2);
  if (owner(prev)) return !relative;
  // "tax credits, which the Tax Foundation estimates …": a clause set off by "which" hangs on a noun.
  if (after === ',' && tokens[k + 2]?.lower === 'which' && !prev.cap && !VERB_LEAD.has(prev.lower)) return true;
  // "his anti-Muslim remarks" (a noun) but "a statement read", "the candidate says" (a verb after its subject).
  if (
    !prev.cap &&
    owner(prev2) &&
    /s$/.test(t.lower) &&
    !speechVerb(prev) &&
    !isAdverb(prev) &&
    !VERB_LEAD.has(prev.lower) &&
    !isPersonRole(prev.lower) &&
    !isDocument(prev.lower)
  )
    return true;
  // "Bush's Facebook post:", "his Twitter post": a document named after whose it is and the service it is on.
  if (prev.cap && isDocument(t.lower) && !isInflected(t.lower)) {
    let m = k - 1;
    while (m > 0 && tokens[m].word && tokens[m].cap && !possessiveName(tokens[m]) && k - m < 4) m--;
    const own = tokens[m];
    if (own?.word && (POSSESSIVES.has(own.lower) || possessiveName(own))) return true;
  }
  return !isInflected(t.lower) && !prev.cap && !VERB_LEAD.has(prev.lower) && !isAdverb(prev);
}

/** Could these words name a source? A pronoun, or a phrase with no clause words in it. */
export function isSourcePhrase(np: Token[]): boolean {
  const words = np.filter((t) => t.word);
  if (!words.length || words.length > 20) return false;
  if (words.length === 1 && PRONOUNS[words[0].lower]) return !OBLIQUE_PRONOUNS.has(words[0].lower);
  // A source opens with a name, a determiner or a role ("officials", "senior aides"), never with a verb or preposition.
  const first = words[0];
  // "17-year-old Jared Potts" opens with an age.
  // "public defender Shannon S. Quill": a name among the first words will do.
  const opens =
    first.cap ||
    DETERMINERS.has(first.lower) ||
    /^\d/.test(first.text) ||
    words.slice(0, 3).some((w) => isPersonRole(w.lower) || isDocument(w.lower)) ||
    words.slice(1, 4).some((w) => w.cap && !PRONOUNS[w.lower]);
  if (!opens || npStop(first) || PREPOSITIONS.has(first.lower)) return false;
  let depth = 0;
  for (const [k, t] of np.entries()) {
    // "The doctor subsequently prescribed the man …": a past tense with an object after it makes a clause.
    if (depth === 0 && t.word && !t.cap && k > 0 && t.lower.endsWith('ed') && ARTICLES.has(np[k + 1]?.lower ?? ''))
      return false;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (
      depth === 0 &&
      t.word &&
      !t.cap &&
      (CLAUSE_WORDS.has(t.lower) || (PRONOUNS[t.lower] && t !== np[0]) || verbNotNoun(t))
    )
      return false;
  }
  return true;
}

// "note", "report", "state" are cue verbs and nouns; in a source phrase, uninflected, they are the nouns.
function verbNotNoun(t: Token): boolean {
  return (
    isInflected(t.lower) &&
    speechVerb(t) &&
    !isDocument(t.lower) &&
    !isPersonRole(t.lower) &&
    !PLURAL_NOUNS.has(t.lower)
  );
}

/**
 * "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell": one person's titles joined
 * by "and" (and the period of an abbreviated title before it) go on to the name, they start no second source.
 * Only before the name: in an apposition after it ("…, an activist and author of …") "and" may end the source.
 */
function titleChain(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const title = (u: Token | undefined) => !!u?.word && isTitle(u.lower.replace(/\.$/, ''));
  if (t.text === '.') return SHORT_TITLES.has(tokens[k - 1]?.lower ?? '') && tokens[k + 1]?.lower === 'and';
  if (t.lower !== 'and') return false;
  const before = tokens[k - 1]?.text === '.' ? tokens[k - 2] : tokens[k - 1];
  const next = tokens[k + 1];
  return title(before) && !!next?.word && (next.cap || title(next));
}

/** A source phrase after a verb: up to punctuation or a word that starts something else. */
export function phraseAfter(tokens: Token[], from: number): Token[] {
  const np: Token[] = [];
  let depth = 0;
  for (let k = from; k < tokens.length && np.length < 25; k++) {
    const t = tokens[k];
    if (t.text === '(') depth++;
    if (depth === 0 && !np.some((u) => u.text === ',') && titleChain(tokens, k)) {
      np.push(t);
      continue;
    }
    if (depth === 0 && (/^[.;:!?"“”()–—]$/.test(t.text) || (t.word && !t.cap && npStop(t) && np.length > 0))) break;
    if (t.text === ')') depth--;
    if (t.text === ',' && depth === 0) {
      // ", an analyst at Carnegie Moscow," continues the phrase; ", adding …" does not.
      const next = tokens[k + 1];
      if (!next || (!DET_POSS.has(next.lower) && !(next.cap && np.length))) break;
    }
    np.push(t);
  }
  while (np.length && !np[np.length - 1].word) np.pop();
  if (np.length && cueLength(np, 0, false)) return [];
  if (np.length && isSourcePhrase(np)) return np;
  // "According to The Federalist, the men were …": what follows the comma was the sentence, not an apposition.
  const comma = np.findIndex((t) => t.text === ',');
  const head = comma > 0 ? np.slice(0, comma) : [];
  return head.length && isSourcePhrase(head) ? head : [];
}

/**
 * "whether the credit, which the Tax Foundation estimates would cost $170 billion, would risk “…”": a verb
 * inside a relative clause set off by commas tells about the antecedent, and the clause's verb resumes
 * after it; the sentence's own verb governs the quote. A clause that runs up to the quote ("Lee, who
 * declared in the spin room, “…”") is the cue. Commas inside the clause may only join its verbs.
 */
export function inRelativeAside(tokens: Token[], k: number, len: number): boolean {
  let resumes = false;
  for (let c = k + len; c < tokens.length && !resumes; c++)
    resumes = tokens[c].text === ',' && AUXILIARIES.has(tokens[c + 1]?.lower ?? '') && !tokens[c + 1].cap;
  if (!resumes) return false;
  for (let m = k - 1; m > 0; m--) {
    const t = tokens[m];
    if (/^[.!?;:"“”()–—]$|^--$/.test(t.text)) return false;
    // "that" after a comma opens no relative clause ("said, that …").
    if (RELATIVES.has(t.lower) && t.lower !== 'that' && tokens[m - 1].text === ',') return true;
    if (t.text === ',' && !COORDINATORS.has(tokens[m + 1]?.lower ?? '')) return false;
  }
  return false;
}

/** "asked by moderator Gerard Baker whether …": the agent of a passive ends where its clause of content opens. */
export function passiveAgent(tokens: Token[], from: number): Token[] {
  const end = tokens.findIndex((t, m) => m > from && !t.cap && SUBORDINATORS.has(t.lower));
  return phraseAfter(end < 0 ? tokens : tokens.slice(0, end), from);
}

/**
 * "one analyst, Tom Riley of Bernstein,", "another witness in the impeachment probe, former White House
 * Russia adviser Fiona Hill": a role, then (after its comma, within a few words) the name it is given,
 * which names the source.
 */
export function namedInApposition(tokens: Token[], np: Token[]): Token[] {
  if (!np.length || np.some((t) => t.cap)) return np;
  let next = tokens.indexOf(np[np.length - 1]) + 1;
  for (let k = next; k < Math.min(tokens.length, next + 8) && tokens[k].word; k++)
    if (tokens[k + 1]?.text === ',') next = k + 1;
  if (tokens[next]?.text !== ',' || !tokens[next + 1]?.word) return np;
  const name = phraseAfter(tokens, next + 1);
  return name.some((t) => t.cap) ? name : np;
}

/** The noun phrase that ends at token j, read backwards: "the former minister", "Mukhtar Ablyazov". */
export function phraseEndingAt(tokens: Token[], j: number): Token[] | null {
  const np = phraseEnding(tokens, j);
  if (!np) return null;
  // "Sanders’ fundraising email to his supporters notes": the phrase before the preposition is the subject.
  const k = tokens.indexOf(np[0]);
  const prep = tokens[k - 1];
  // "to him" is no phrase of its own; "to his supporters" is.
  if (prep?.word && PREPOSITIONS.has(prep.lower) && !(np.length === 1 && PRONOUNS[np[0].lower])) {
    const head = phraseEnding(tokens, k - 2);
    if (head?.some((t) => isDocument(t.lower))) return head;
    // "a spokeswoman for the Treasury said": the role is the subject, whose it is comes after.
    const last = head?.[head.length - 1];
    if (head && last && LINK_PREPOSITIONS.has(prep.lower) && isPersonRole(last.lower)) return [...head, prep, ...np];
    // "Archbishop Aris Shirvanian of the Armenian Patriarchate told", "George Zornick of The Nation wrote": a
    // name, then where the person works; the whole phrase is the subject, and the person in it speaks.
    if (head && last?.cap && AFFILIATION.has(prep.lower) && head.filter((t) => t.cap).length >= 2)
      return [...head, prep, ...np];
    // "Protesters marching through the streets chanted", "Analysts surveyed by Reuters expect": a participle
    // and its phrase describe the subject before them.
    const part = tokens[k - 2];
    if (part?.word && !part.cap && /[a-z](ing|ed)$/.test(part.lower) && !speechVerb(part)) {
      const subject = phraseEnding(tokens, k - 3);
      if (subject?.some((t) => t.cap || isPersonRole(t.lower))) return subject;
    }
    // "Sanders during a rally thanked", "Trump in an interview said": when and where set between a name
    // and its verb; the setting names no one, so the name before it is the subject.
    if (head && last?.cap && !isPersonRole(last.lower) && !/(ed|ing)$/.test(last.lower) && setting(prep, np))
      return head;
  }
  return np;
}

/** "email", "post", "tweet" ending the phrase: a document named as a noun, which a verb's form does not stop. */
const documentHead = (u: Token, last: boolean) => last && isDocument(u.lower) && !isInflected(u.lower);

function phraseEnding(tokens: Token[], j: number): Token[] | null {
  if (j < 0) return null;
  const t = tokens[j];
  if (t.word && PRONOUNS[t.lower] && !OBLIQUE_PRONOUNS.has(t.lower)) return [t];
  const np: Token[] = [];
  for (let m = j; m >= 0 && np.length < 12; m--) {
    const u = tokens[m];
    if (!u.word && !/^['’.-]$/.test(u.text)) break;
    // "the Russian and Syrian defense ministries": two nationalities share the noun.
    const joins = u.lower === 'and' || u.lower === 'or';
    if (joins && isDemonym(np[0]?.lower ?? '') && isDemonym(tokens[m - 1]?.lower ?? '')) {
      np.unshift(u);
      continue;
    }
    if (
      u.word &&
      !u.cap &&
      (CLAUSE_WORDS.has(u.lower) || npStop(u) || isAdverb(u) || (speechVerb(u) && !documentHead(u, m === j))) &&
      !AFFILIATION.has(u.lower)
    )
      break;
    np.unshift(u);
    if (ARTICLES.has(u.lower)) break;
  }
  // "While some Indiana protesters chanted": a sentence's capitalised subordinator opens no name either.
  const linking = (w: string) => AFFILIATION.has(w) || COORDINATORS.has(w) || SUBORDINATORS.has(w);
  while (np.length && linking(np[0].lower)) np.shift();
  return np.length && isSourcePhrase(np) ? np : null;
}

/** Trims a subject read before its verb: relative clauses, adverbs, times ("Trump on Tuesday" → "Trump"). */
export function trimSubject(np: Token[]): Token[] {
  let out = np.slice();
  // "Warren, who has not endorsed a candidate, told" / "Nate Silver, the guru who founded …, tweeted".
  const rel = out.findIndex((t, k) => k > 0 && RELATIVES.has(t.lower) && t.lower !== 'that');
  if (rel > 0) out = out.slice(0, out[rel - 1].text === ',' ? rel - 1 : rel);
  while (out.length && !out[out.length - 1].word) out.pop();
  while (
    out.length &&
    out[out.length - 1].word &&
    (isAdverb(out[out.length - 1]) || isTimeWord(out[out.length - 1].lower))
  )
    out.pop();
  const cut = out.findIndex((t, k) => k > 0 && !t.cap && SETTING_PREPOSITIONS.has(t.lower) && out[k - 1].cap);
  if (cut > 0) out = out.slice(0, cut);
  while (out.length && !out[out.length - 1].word && out[out.length - 1].text !== ')') out.pop();
  return out;
}

export function isPerson(t: Token): boolean {
  return isPersonRole(t.lower) || isDocument(t.lower);
}

export function span(a: Token, b: Token): { start: number; end: number } {
  return { start: a.start, end: b.end };
}

/** "during a rally", "in an interview", "on a Sunday": a setting's preposition and its unnamed place or time. */
function setting(prep: Token, np: Token[]): boolean {
  if (!SETTING_PREPOSITIONS.has(prep.lower) || LINK_PREPOSITIONS.has(prep.lower)) return false;
  const [first, ...rest] = np;
  if (!first || !ARTICLE_OR_POSSESSIVE.has(first.lower)) return false;
  return rest.length > 0 && rest.length <= 3 && rest.every((t) => t.word && (!t.cap || DAYS.has(t.lower)));
}
