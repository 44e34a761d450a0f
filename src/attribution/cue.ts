// The cue stage: around a quotation, find the verb that attributes it ("said", "explains", "a statement
// read") and the words naming its source. Works on the tokens after the quote (“…,” said Borrell /
// “…,” he said), before it (Borrell said: “…” / according to X, “…”) and inside it (“A – explains X –
// B”). Returns spans; saying who the source is belongs to the resolve stage.
import { isDocument, isPersonRole, isPhrasalCue, isSpeechVerb, PRONOUNS } from './lexicon.js';
import type { Token } from './tokens.js';

export interface CueMatch {
  cue: { start: number; end: number };
  /** The tokens naming the source, as written ("Aleksandr Baunov, an analyst at Carnegie Moscow"). */
  source: Token[];
  /** Where the cue stood: after the quote, before it, inside it, or a bare colon (headline style). */
  where: 'after' | 'after-late' | 'before' | 'inside' | 'colon' | 'according';
  confidence: number;
}

// Words that may sit between a subject and its verb ("he later said", "Trump also told").
const ADVERBS = new Set(`also later then again further once even still just recently previously repeatedly publicly
 has had have would will could might may did does do was is reportedly separately quickly finally first
 similarly likewise earlier afterward afterwards subsequently often long herself himself themselves yesterday
 today tonight privately simply flatly immediately`.split(/\s+/).filter(Boolean));

// A source phrase ends at these when read after "said" ("said Trump in a statement").
const NP_STOP = new Set(`in on at to during after before when while as about that who which because if with from
 into since until this last earlier later adding noting explaining saying according and but or where whose
 yesterday today tonight monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/).filter(Boolean));

// Words that show a stretch of text is a clause, not a name or a role: it can't be a source.
const CLAUSE_WORDS = new Set(`is was are were be been being has had have will would can could should shall may might
 must did does do not no never if because although though when while where that which who whom whose what how why
 this these those there here it's i'm don't didn't won't can't`.split(/\s+/).filter(Boolean));

const DETERMINER = /^(the|a|an|this|that|these|those|one|some|his|her|their|its|our|my|another|each|both|many|most|several|two|three|four|five|other|former|senior|top|no)$/;

const DAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|afterward|again)$/;

const isPunct = (t: Token) => !t.word;

/** Tokens taken by a cue verb at k: 1 ("said"), 2 ("shot back"), or 0 when there is none. */
function cueLength(tokens: Token[], k: number, allowCap = true): number {
  const t = tokens[k];
  if (!t?.word || (t.cap && !allowCap)) return 0;
  // "in her state", "a report": after a determiner the word is a noun.
  if (k > 0 && /^(the|a|an|his|her|their|its|our|my|this|that|these|those|your)$/.test(tokens[k - 1].lower)) return 0;
  if (isSpeechVerb(t.lower)) return 1;
  return isPhrasalCue(t.lower, tokens[k + 1]?.lower) ? 2 : 0;
}

/** Cue after the quote: “…,” said Borrell / “…,” he told / “…” Asks the analyst / “…”, reads a note. */
export function cueAfter(tokens: Token[], options: { endsSentence?: boolean; endsWithComma?: boolean } = {}): CueMatch | null {
  let i = 0;
  while (i < tokens.length && isPunct(tokens[i]) && i < 3) i++;
  if (i >= tokens.length) return null;
  const first = tokens[i];
  // "“A,” and Clinton replied": a new clause, whose verb is not this quote's cue.
  const clause = /^(and|but|or|while|as|when|because|though|although|so|if)$/.test(first.lower);
  if (first.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    const np = phraseAfter(tokens, i + 2);
    return np.length ? { cue: span(first, tokens[i + 1]), source: np, where: 'according', confidence: 0.85 } : null;
  }
  // Verb first ("said Borrell", "Asks the analyst"); "told" is followed by its listener, not its source.
  const len = cueLength(tokens, i);
  if (len && !/^(tell|tells|told)$/.test(first.lower)) {
    const np = phraseAfter(tokens, i + len);
    if (np.length && !introducesNext(tokens, np.at(-1)!)) return { cue: span(first, tokens[i + len - 1]), source: np, where: 'after', confidence: 0.9 };
  }
  // Subject first ("he said", "Kassenova speculates", "a statement read", "Jeff Weaver, Sanders’ manager, said").
  // After a full stop a new sentence starts; its verb cues this quote only if that is all it says.
  const newSentence = options.endsSentence && first.cap;
  for (let j = i + 1; j < Math.min(tokens.length, i + 14) && !clause; j++) {
    const t = tokens[j];
    if (t.text === '“' || t.text === '"' || /^[.!?;]$/.test(t.text)) break;
    const n = cueLength(tokens, j, false);
    if (!n) continue;
    const np = trimSubject(tokens.slice(i, j));
    if (newSentence && !/^[.!?]$/.test(tokens.slice(j + n).find((u) => !u.word || !DAYS.test(u.lower))?.text ?? '.')) break;
    if (np.length && isSourcePhrase(np) && !introducesNext(tokens, tokens[j + n - 1])) return { cue: span(t, tokens[j + n - 1]), source: np, where: 'after', confidence: 0.9 };
    break;
  }
  if (newSentence) return null;
  // “…,” an angry Hollande retaliated / “…,” fumed Toomey: after a quote that ends on a comma, a name
  // and a past-tense verb side by side attribute it, even with a verb the lexicon lacks.
  if (options.endsWithComma) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a?.word && !a.cap && /ed$/.test(a.lower) && b?.word && b.cap) {
      const np = phraseAfter(tokens, i + 1);
      if (np.length) return { cue: span(a, a), source: np, where: 'after', confidence: 0.6 };
    }
    for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
      const t = tokens[j];
      if (!t.word || t.cap || !/(ed|s)$/.test(t.lower) || CLAUSE_WORDS.has(t.lower)) continue;
      const np = trimSubject(tokens.slice(i, j));
      if (np.length && isSourcePhrase(np) && (np.some((w) => w.cap) || (np.length === 1 && PRONOUNS[np[0].lower]))) {
        return { cue: span(t, t), source: np, where: 'after', confidence: 0.6 };
      }
      break;
    }
  }
  // Later in the sentence, after a comma: "“…” in the 2008 primary, said Ohio State professor Paul Beck."
  for (let j = i + 1; j < Math.min(tokens.length, i + 25); j++) {
    const t = tokens[j];
    if (t.text === '“' || t.text === '"' || /^[.!?;]$/.test(t.text)) break;
    if (tokens[j - 1].text !== ',') continue;
    const n = cueLength(tokens, j, false);
    if (!n || /^(tell|tells|told)$/.test(t.lower)) continue;
    const np = phraseAfter(tokens, j + n);
    if (np.length && np.some((w) => w.cap)) return { cue: span(t, tokens[j + n - 1]), source: np, where: 'after-late', confidence: 0.75 };
  }
  return null;
}

/** Cue before the quote: Borrell said: “…” / the former minister says that “…” / According to X, “…”. */
export function cueBefore(tokens: Token[], headline = false): CueMatch | null {
  const n = tokens.length;
  if (!n) return null;
  // According to X, “…”
  for (let k = n - 1; k >= Math.max(0, n - 25); k--) {
    if (tokens[k].lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const np = phraseAfter(tokens, k + 2);
      if (np.length) return { cue: span(tokens[k], tokens[k + 1]), source: np, where: 'according', confidence: 0.85 };
    }
  }
  // The last speech verb, close enough to the quote that it governs it.
  let deferred: number | undefined;
  for (let k = n - 1; k >= Math.max(0, n - 16); k--) {
    const t = tokens[k];
    if (t.text === '”' || (t.text === '"' && k < n - 1)) break;
    const len = cueLength(tokens, k);
    // Capitalised, a verb only opens a sentence — or stands in a headline's title case.
    if (!len || (t.cap && !headline && k > 0 && !/[.!?:;"“”]/.test(tokens[k - 1].text))) continue;
    const between = tokens.slice(k + len);
    if (between.some((b) => /^[.!?;]$/.test(b.text))) break;
    // "a report suggesting …": a participle after a noun describes the noun; an earlier verb is the cue,
    // if there is one.
    const prevTok = tokens[k - 1];
    if (/ing$/.test(t.lower) && prevTok?.word && !prevTok.cap && !ADVERBS.has(prevTok.lower) && !NP_STOP.has(prevTok.lower) && !/^(by|without|for|of)$/.test(prevTok.lower)) {
      deferred ??= k;
      continue;
    }
    const cue = span(t, tokens[k + len - 1]);
    // "The paradox of Nancy, says Carl Anthony, historian …, is that …": a cue set between commas.
    if (prevTok?.text === ',' && !/^(tell|tells|told)$/.test(t.lower)) {
      const np = phraseAfter(tokens, k + len);
      const next = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
      if (np.length && np[0].cap && next?.text === ',') return { cue, source: np, where: 'before', confidence: 0.75 };
    }
    // "In other words, explained CBS moderator Nancy Cordes: “…”": the source follows its verb.
    const after = /^[:,]$/.test(tokens[n - 1].text) && !/^(tell|tells|told)$/.test(t.lower) ? phraseAfter(tokens, k + len) : [];
    if (after.length && after.some((w) => w.cap) && after.at(-1)!.end >= tokens[n - 2].end) return { cue, source: after, where: 'before', confidence: 0.8 };
    const subject = subjectBefore(tokens, k);
    if (subject === null) return { cue, source: [], where: 'before', confidence: 0.5 };
    return { cue, source: subject, where: 'before', confidence: 0.85 };
  }
  if (deferred !== undefined) {
    const t = tokens[deferred];
    return { cue: span(t, t), source: [], where: 'before', confidence: 0.5 };
  }
  // Headline style: "spokesman for … Nazarbayev: “He did not leave the country”".
  if (tokens[n - 1].text === ':') {
    let k = n - 2;
    const np: Token[] = [];
    while (k >= 0 && tokens[k].text !== ',' && !/^[.!?;]$/.test(tokens[k].text) && np.length < 10) np.unshift(tokens[k--]);
    if (np.length && isSourcePhrase(np) && np.some((w) => w.cap || isPerson(w))) {
      return { cue: span(tokens[n - 1], tokens[n - 1]), source: np, where: 'colon', confidence: 0.7 };
    }
  }
  return null;
}

/** A cue set inside the marks between dashes: “Massimov – explains Aleksandr Baunov, an analyst – was …”. */
export function cueInside(tokens: Token[]): { match: CueMatch; from: number; to: number } | null {
  for (let a = 1; a < tokens.length - 2; a++) {
    if (!/^[–—-]$/.test(tokens[a].text) && tokens[a].text !== '--') continue;
    const b = tokens.findIndex((t, k) => k > a + 1 && /^[–—-]$|^--$/.test(t.text));
    if (b < 0 || b - a > 20) continue;
    const inner = tokens.slice(a + 1, b);
    const hit = cueAfter(inner);
    if (hit && hit.source.length && (hit.source.some((t) => t.cap) || hit.source.some(isPerson))) {
      return { match: { ...hit, where: 'inside' }, from: tokens[a].start, to: tokens[b].end };
    }
  }
  return null;
}

/** "“A,” Trump said: “B”": a cue ending in a colon introduces the quote after it, not the one before. */
function introducesNext(tokens: Token[], last: Token): boolean {
  const k = tokens.indexOf(last);
  return tokens[k + 1]?.text === ':';
}

/** A source phrase after a verb: up to punctuation or a word that starts something else. */
function phraseAfter(tokens: Token[], from: number): Token[] {
  const np: Token[] = [];
  let depth = 0;
  for (let k = from; k < tokens.length && np.length < 25; k++) {
    const t = tokens[k];
    if (t.text === '(') depth++;
    if (depth === 0 && (/^[.;:!?"“”()–—]$/.test(t.text) || (t.word && !t.cap && NP_STOP.has(t.lower) && np.length > 0))) break;
    if (t.text === ')') depth--;
    if (t.text === ',' && depth === 0) {
      // ", an analyst at Carnegie Moscow," continues the phrase; ", adding …" does not.
      const next = tokens[k + 1];
      if (!next || !/^(a|an|the|his|her|who|its|their)$/.test(next.lower) && !(next.cap && np.length)) break;
      if (next.lower === 'who') break;
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
 * The subject of the verb at k. Right before it (after adverbs): a pronoun, a name or a role. When an
 * apposition or aside ends just before the verb (", where he has lived for 4 years, reported"), the
 * subject is the phrase that opens the clause.
 */
function subjectBefore(tokens: Token[], k: number): Token[] | null {
  let j = k - 1;
  while (j >= 0 && tokens[j].word && (ADVERBS.has(tokens[j].lower) || DAYS.test(tokens[j].lower) || /^(morning|afternoon|evening|night)$/.test(tokens[j].lower))) j--;
  if (j < 0) return null;
  // "ProPublica obtained a video and said …": a second verb shares the sentence's subject.
  if (/^(and|but|then)$/.test(tokens[j].lower)) return null;
  if (tokens[j].word) return phraseEndingAt(tokens, j);
  if (tokens[j].text !== ',' && tokens[j].text !== ')') return null;
  // "Gov. John Kasich (R-OH), said": a name right before its parenthesis and the comma.
  const paren = tokens[j].text === ')' ? j : tokens[j - 1]?.text === ')' ? j - 1 : -1;
  if (paren > 0) {
    let e = paren;
    while (e >= 0 && tokens[e].text !== '(') e--;
    const near = phraseEndingAt(tokens, e - 1);
    if (near && near.some((w) => w.cap) && near.filter((w) => w.word).length <= 10) return near;
  }
  let start = j;
  while (start > 0 && !/^[.!?;:"“”]$/.test(tokens[start - 1].text)) start--;
  const comma = tokens.findIndex((t, m) => m >= start && (t.text === ',' || t.text === '('));
  const np = comma > start ? tokens.slice(start, comma) : [];
  return np.length && isSourcePhrase(np) ? np : null;
}

/** The noun phrase that ends at token j, read backwards: "the former minister", "Mukhtar Ablyazov". */
function phraseEndingAt(tokens: Token[], j: number): Token[] | null {
  if (j < 0) return null;
  const t = tokens[j];
  if (t.word && PRONOUNS[t.lower] && !/^(his|her|its|their|him|them)$/.test(t.lower)) return [t];
  const np: Token[] = [];
  for (let m = j; m >= 0 && np.length < 12; m--) {
    const u = tokens[m];
    if (!u.word && !/^['’.-]$/.test(u.text)) break;
    if (u.word && !u.cap && (CLAUSE_WORDS.has(u.lower) || NP_STOP.has(u.lower) || ADVERBS.has(u.lower) || isSpeechVerb(u.lower)) && !/^(of|for|at)$/.test(u.lower)) break;
    np.unshift(u);
    if (/^(the|a|an)$/.test(u.lower)) break;
  }
  while (np.length && /^(of|for|at|and)$/.test(np[0].lower)) np.shift();
  return np.length && isSourcePhrase(np) ? np : null;
}

/** Trims adverbs and time words off a subject read before its verb ("Trump on Tuesday" → "Trump"). */
function trimSubject(np: Token[]): Token[] {
  let out = np.slice();
  // "Warren, who has not endorsed a candidate, told reporters": the relative clause is not the name.
  const rel = out.findIndex((t, k) => k > 0 && out[k - 1].text === ',' && /^(who|which|whose)$/.test(t.lower));
  if (rel > 0) out = out.slice(0, rel - 1);
  while (out.length && !out[out.length - 1].word) out.pop();
  while (out.length && out[out.length - 1].word && (ADVERBS.has(out[out.length - 1].lower) || DAYS.test(out[out.length - 1].lower))) out.pop();
  const cut = out.findIndex((t, k) => k > 0 && !t.cap && /^(on|in|at|during|after|before)$/.test(t.lower) && out[k - 1].cap);
  if (cut > 0) out = out.slice(0, cut);
  while (out.length && !out[out.length - 1].word && out[out.length - 1].text !== ')') out.pop();
  return out;
}

/** Could these words name a source? A pronoun, or a phrase with no clause words in it. */
export function isSourcePhrase(np: Token[]): boolean {
  const words = np.filter((t) => t.word);
  if (!words.length || words.length > 20) return false;
  if (words.length === 1 && PRONOUNS[words[0].lower]) return !/^(his|her|its|their|him|them)$/.test(words[0].lower);
  // A source opens with a name, a determiner or a role ("officials", "senior aides"), never with a verb or preposition.
  const first = words[0];
  const opens = first.cap || DETERMINER.test(first.lower) || words.slice(0, 3).some((w) => isPersonRole(w.lower) || isDocument(w.lower));
  if (!opens || NP_STOP.has(first.lower) || /^(at|during|after|before|in|on|with|for|from|by|under|over)$/.test(first.lower)) return false;
  let depth = 0;
  for (const t of np) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (depth === 0 && t.word && !t.cap && (CLAUSE_WORDS.has(t.lower) || (PRONOUNS[t.lower] && t !== np[0]) || verbNotNoun(t))) return false;
  }
  return true;
}

// "note", "report", "call" are cue verbs and nouns; in a source phrase they are the nouns.
function verbNotNoun(t: Token): boolean {
  return isSpeechVerb(t.lower) && !isDocument(t.lower) && !isPersonRole(t.lower);
}

function isPerson(t: Token): boolean {
  return isPersonRole(t.lower) || isDocument(t.lower);
}

function span(a: Token, b: Token): { start: number; end: number } {
  return { start: a.start, end: b.end };
}
