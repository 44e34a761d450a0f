// Indirect quotes: reported speech without quote marks — "X said that …", "…, X said", "according to
// X, …", "X believes …". Only in sentences that hold no quotation (those were attributed already).
// Each is found with the cue match that reports it; who the source is, article.ts decides.
import { ADVERBS, DAYS, PLURAL_NOUNS, PREPOSITIONS, TELL_VERBS, TIME_WORDS, union } from '../lexicon/index.js';
import { DOUBLE_MARK } from '../text/quotemarks.js';
import type { Article, Sentence } from '../types.js';
import type { Attributed } from './attributed.js';
import { wordsIn } from '../text/tokenizer.js';
import { firstAfter } from './cue-after.js';
import type { CueMatch } from './cue.js';
import { isSourcePhrase, span } from './phrase.js';
import { reportingVerb, type Token, type TokenTable } from './tokens.js';

const MIN_CONTENT_WORDS = 4;

export interface Reported {
  paragraph: number;
  /** The reported clause, from its start to its end. */
  content: [number, number];
  /** Its parts without the cue: one, or two around a cue set inside it ("The plan, she said, would …"). */
  pieces: Array<[number, number]>;
  match: CueMatch;
}

export function findIndirect(
  article: Article,
  table: TokenTable,
  sentences: Sentence[],
  direct: Attributed[],
): Reported[] {
  const out: Reported[] = [];
  for (const s of sentences) {
    if (DOUBLE_MARK.test(s.text) || article.paragraphs[s.paragraph]?.title) continue;
    if (direct.some((d) => d.pieces.some(([a, b]) => a < s.end && b > s.start))) continue;
    const tokens = table.range(s.start, s.end);
    const found = leading(tokens) ?? trailing(tokens) ?? medial(tokens);
    if (!found) continue;
    const [from, to] = found.content;
    if (wordsIn(article.text, from, to) < MIN_CONTENT_WORDS) continue;
    const pieces = found.pieces ?? [found.content];
    out.push({ paragraph: s.paragraph, content: [from, to], pieces, match: found.match });
  }
  return out;
}

interface Found {
  match: CueMatch;
  content: [number, number];
  pieces?: Array<[number, number]>;
}

// What may follow a verb before "that" opens what was said: when and where ("said on Tuesday that").
const ADVERBIAL_START = union([PREPOSITIONS, DAYS, TIME_WORDS, ADVERBS], 'last this late');

const isReporting = (t: Token) => t.word && !t.cap && reportingVerb(t);

// "Borrell said (that) the EU was ready …", "According to the Dpa, weapons worth …".
function leading(tokens: Token[]): Found | null {
  if (tokens[0]?.lower === 'according' && tokens[1]?.lower === 'to') {
    const comma = tokens.findIndex((t, k) => k > 2 && t.text === ',');
    if (comma < 0 || comma > 12) return null;
    const source = tokens.slice(2, comma);
    if (!isSourcePhrase(source)) return null;
    const match: CueMatch = { rule: 'reported.according', cue: span(tokens[0], tokens[1]), source, where: 'according' };
    return { match, content: contentFrom(tokens, comma + 1) };
  }
  // The verb is among the first ten words, "that" within seven after it: no need to read further.
  const v = firstIndex(tokens, 1, 10, isReporting);
  if (v < 0) return null;
  let subject = tokens.slice(0, v);
  while (subject.length && ADVERBS.has(subject[subject.length - 1].lower)) subject = subject.slice(0, -1);
  if (!subject.length || !isSourcePhrase(subject) || subject.some((t) => t.text === ',' && subject.length < 3))
    return null;
  let c = v + 1;
  const that = firstIndex(tokens, v + 1, v + 7, (t) => t.lower === 'that');
  // "told reporters (that)": the listener is not what was said.
  if (TELL_VERBS.has(tokens[v].lower)) c = that > 0 ? that : v + 2;
  // "said on Tuesday that", "said in a statement that": when and where it was said is not what was said.
  else if (that > 0 && ADVERBIAL_START.has(tokens[v + 1].lower)) c = that;
  if (tokens[c]?.lower === 'that' || tokens[c]?.text === ',') c++;
  const match: CueMatch = {
    rule: 'reported.leading',
    cue: span(tokens[v], tokens[v]),
    source: subject,
    where: 'before',
  };
  return { match, content: contentFrom(tokens, c) };
}

// "The talks have failed, the minister said." / "…, said Borrell."
function trailing(tokens: Token[]): Found | null {
  let comma = tokens.length - 1;
  while (comma >= 0 && tokens[comma].text !== ',') comma--;
  if (comma < 3 || tokens.length - comma > 12) return null;
  const hit = firstAfter(tokens.slice(comma));
  if (!hit?.source.length) return null;
  return { match: { ...hit, rule: 'reported.trailing' }, content: [tokens[0].start, tokens[comma - 1].end] };
}

/** Most words a source set between commas inside the reported clause may have ("the former senator"). */
const MAX_MEDIAL_SOURCE = 4;
/** Fewest words before such a cue that say something; fewer only open the sentence ("Still", "In fact"). */
const MIN_OPENING_WORDS = 3;

// "Rather, he said, continued struggles will …", "The plan, the mayor said, would cost …": the cue set
// between commas inside what was said. What follows it is the reported clause.
function medial(tokens: Token[]): Found | null {
  for (let c = 1; c < tokens.length - 4; c++) {
    if (tokens[c].text !== ',') continue;
    const v = firstIndex(tokens, c + 2, c + 1 + MAX_MEDIAL_SOURCE, (t) => !t.word || isReporting(t));
    // "the EPA, 18 states, …": a plural noun that is a verb form elsewhere cues nothing here.
    if (v < 0 || !tokens[v].word || PLURAL_NOUNS.has(tokens[v].lower) || tokens[v + 1]?.text !== ',') continue;
    const source = tokens.slice(c + 1, v);
    if (!isSourcePhrase(source) || /^\d/.test(source[0].text)) continue;
    const match: CueMatch = { rule: 'reported.medial', cue: span(tokens[v], tokens[v]), source, where: 'before' };
    const after = contentFrom(tokens, v + 2);
    const before: [number, number] = [tokens[0].start, tokens[c - 1].end];
    // "Still, he said, …", "That's why, he argued, …": an opener of a word or two leads into what was said.
    if (tokens.slice(0, c).filter((t) => t.word).length < MIN_OPENING_WORDS) return { match, content: after };
    return { match, content: [before[0], after[1]], pieces: [before, after] };
  }
  return null;
}

/** The first k in [from, to] where test holds, or -1. */
function firstIndex(tokens: Token[], from: number, to: number, test: (t: Token) => boolean): number {
  for (let k = from; k <= to && k < tokens.length; k++) if (test(tokens[k])) return k;
  return -1;
}

function contentFrom(tokens: Token[], k: number): [number, number] {
  const rest = tokens.slice(k).filter((t, i, all) => i < all.length - 1 || t.word);
  if (!rest.length) return [0, 0];
  return [rest[0].start, rest[rest.length - 1].end];
}
