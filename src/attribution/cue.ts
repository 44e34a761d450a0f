// The cue stage: around a quotation, find the verb that attributes it ("said", "explains", "a statement
// read") and the words naming its source. Works on the tokens after the quote (“…,” said Borrell /
// “…,” he said), before it (Borrell said: “…” / according to X, “…”) and inside it (“A – explains X –
// B”). Returns spans; saying who the source is belongs to the resolve stage.
import {
  AUXILIARIES, BE_FORMS, COORDINATORS, FIRST_PERSON, IRREGULAR_PAST, NAME_PARTICLES, POSSESSIVES, PREPOSITIONS, PRONOUNS,
  SAYING_NOUNS, SUBJECT_PRONOUNS, SUBORDINATORS, TELL_VERBS,
} from '../lexicon/index.js';
import {
  CLAUSE_WORDS, cueLength, isAdverb, isPerson, isSourcePhrase, isTimeWord, phraseAfter, phraseEndingAt, span, trimSubject,
} from './phrase.js';
import type { Token } from './tokens.js';


export interface CueMatch {
  cue: { start: number; end: number };
  /** The tokens naming the source, as written; empty when the verb's subject is elsewhere ("…, saying"). */
  source: Token[];
  /** Where the cue stood: after the quote, before it, inside it, or a bare colon (headline style). */
  where: 'after' | 'after-late' | 'before' | 'inside' | 'colon' | 'according';
  confidence: number;
}

export interface AfterOptions {
  /** The quote closed a sentence: what follows is a new one. */
  endsSentence?: boolean;
  /** The quote ended on a comma (“…,” he said): a cue must follow. */
  endsWithComma?: boolean;
  /** The quote ended a sentence and the tokens run up to the next quote: a cue ending them is the next's. */
  leadsNext?: boolean;
}

const isTell = (t: Token) => TELL_VERBS.has(t.lower);
const opensClause = (lower: string) => COORDINATORS.has(lower) || SUBORDINATORS.has(lower);
const stops = (t: Token) => t.text === '“' || t.text === '"' || /^[.!?;]$/.test(t.text);

/** Cue after the quote: “…,” said Borrell / “…,” he told / “…” Asks the analyst / “…”, reads a note. */
export function cueAfter(tokens: Token[], options: AfterOptions = {}): CueMatch | null {
  let i = 0;
  while (i < tokens.length && !tokens[i].word && i < 3) i++;
  if (i >= tokens.length) return null;
  const first = tokens[i];
  if (first.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    const np = phraseAfter(tokens, i + 2);
    return np.length ? { cue: span(first, tokens[i + 1]), source: np, where: 'according', confidence: 0.85 } : null;
  }
  // “…” — Sahil Kapur (@sahilkapur) / “…” ¶ -Michelle Marks, Philadelphia: a dash and a name that ends the line.
  const dash = tokens.findIndex((t, k) => k < 3 && /^[-–—―]$|^--$/.test(t.text));
  if (dash >= 0 && tokens[dash + 1]?.cap) {
    const np = phraseAfter(tokens, dash + 1);
    const after = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
    if (np.length && np.some((t) => t.cap) && (!after || /^[,(.]$/.test(after.text))) {
      return { cue: span(tokens[dash], tokens[dash]), source: np, where: 'after', confidence: 0.75 };
    }
  }
  // Verb first ("said Borrell", "Asks the analyst"). "told X" names a listener; "referencing X" an object.
  const len = cueLength(tokens, i);
  if (len && !isTell(first)) {
    if (/ing$/.test(first.lower)) return { cue: span(first, tokens[i + len - 1]), source: [], where: 'after', confidence: 0.5 };
    const np = phraseAfter(tokens, i + len);
    if (np.length && !introducesNext(tokens, np.at(-1)!)) return { cue: span(first, tokens[i + len - 1]), source: np, where: 'after', confidence: 0.9 };
  }
  // Subject first ("he said", "Kassenova speculates", "Jeff Weaver, Sanders’ manager, said"). After a full
  // stop a new sentence starts; its verb cues this quote only if that is all it says ("Kassenova speculates.").
  const newSentence = options.endsSentence && first.cap;
  const clause = opensClause(first.lower);
  let depth = 0;
  for (let j = i + 1; j < Math.min(tokens.length, i + 24) && !clause; j++) {
    const t = tokens[j];
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    if (depth > 0) continue;
    if (stops(t)) break;
    const n = cueLength(tokens, j, false);
    if (!n) continue;
    // "White House press secretary Josh Earnest said", "Air Force general Lloyd Newton said": a bare
    // word the lexicon knows as a verb, then a name and a verb, is part of the subject.
    if (!inflected(t.lower) && nameThenCue(tokens, j + n)) continue;
    const np = trimSubject(tokens.slice(i, j));
    // "Blige sings to Clinton before asking her": a name and a verb the lexicon lacks came first.
    if (np.some((u, k) => k > 0 && np[k - 1].cap && u.word && !u.cap && /(s|ed)$/.test(u.lower) && !isPerson(u) && !POSSESSIVES.has(u.lower) && !AUXILIARIES.has(u.lower))) break;
    if (newSentence && !/^[.!?]$/.test(tokens.slice(j + n).find((u) => !u.word || !isTimeWord(u.lower))?.text ?? '.')) break;
    const rest = tokens.slice(j + n).filter((u) => u.word && !isAdverb(u) && !isTimeWord(u.lower));
    if (options.leadsNext && rest.length === 0) break;
    if (np.length && isSourcePhrase(np) && !introducesNext(tokens, tokens[j + n - 1])) return { cue: span(t, tokens[j + n - 1]), source: np, where: 'after', confidence: 0.9 };
    break;
  }
  if (newSentence) return null;
  if (options.endsWithComma) {
    const loose = unknownVerb(tokens, i);
    if (loose) return loose;
  }
  return laterInSentence(tokens, i);
}

// Obama's "if you like your plan, you can keep it" promise: a name's possessive, the quote, then a noun
// for words someone said.
export function possessiveFrame(pre: Token[], post: Token[]): CueMatch | null {
  const last = pre[pre.length - 1];
  const next = post.find((t) => t.word);
  if (!last?.word || !last.cap || !/['’]s?$/.test(last.text) || !next || post.indexOf(next) > 1 || !SAYING_NOUNS.has(next.lower)) return null;
  const name: Token[] = [];
  for (let k = pre.length - 1; k >= 0 && pre[k].word && pre[k].cap && name.length < 4; k--) name.unshift(pre[k]);
  return { cue: span(next, next), source: name, where: 'after', confidence: 0.7 };
}

/** A verb form that cannot be a noun before a name: past tense, third person, said, told. */
const inflected = (lower: string) => /(?:ed|[^s]s)$/.test(lower) || IRREGULAR_PAST.has(lower);

/** From k: a few words holding a capitalised name, then a verb of saying. */
function nameThenCue(tokens: Token[], k: number): boolean {
  let named = false;
  for (let m = k; m < Math.min(tokens.length, k + 6); m++) {
    const u = tokens[m];
    if (!u.word) return false;
    if (named && cueLength(tokens, m, false)) return true;
    if (u.cap) named = true;
  }
  return false;
}

// “…,” an angry Hollande retaliated / “…,” fumed Toomey: after a quote that ends on a comma, a name and
// a past-tense verb side by side attribute it, even with a verb the lexicon lacks.
function unknownVerb(tokens: Token[], i: number): CueMatch | null {
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
  return null;
}

// Further on, after a comma: "“…” in the 2008 primary, said Ohio State professor Paul Beck." /
// "“…” and against the Brady law, Clinton said."
function laterInSentence(tokens: Token[], i: number): CueMatch | null {
  for (let j = i + 1; j < Math.min(tokens.length, i + 30); j++) {
    if (stops(tokens[j])) break;
    if (tokens[j - 1].text !== ',') continue;
    const t = tokens[j];
    const n = cueLength(tokens, j, false);
    if (n && !isTell(t)) {
      const np = phraseAfter(tokens, j + n);
      if (np.length && np.some((w) => w.cap)) return { cue: span(t, tokens[j + n - 1]), source: np, where: 'after-late', confidence: 0.75 };
      continue;
    }
    for (let v = j + 1; v < Math.min(tokens.length, j + 8); v++) {
      if (stops(tokens[v]) || tokens[v].text === ',') break;
      const m = cueLength(tokens, v, false);
      if (!m) continue;
      const np = trimSubject(tokens.slice(j, v));
      const ends = tokens[v + m];
      if (np.length && isSourcePhrase(np) && (np.some((w) => w.cap) || PRONOUNS[np[0].lower]) && (!ends || /^[.,;]$/.test(ends.text) || isTimeWord(ends.lower))) {
        return { cue: span(tokens[v], tokens[v + m - 1]), source: np, where: 'after-late', confidence: 0.7 };
      }
      break;
    }
  }
  return null;
}

/** "one analyst, Tom Riley of Bernstein,": a role, then the name it is given, which names the source. */
function namedInApposition(tokens: Token[], np: Token[]): Token[] {
  if (!np.length || np.some((t) => t.cap)) return np;
  const next = tokens.indexOf(np[np.length - 1]) + 1;
  if (tokens[next]?.text !== ',' || !tokens[next + 1]?.cap) return np;
  const name = phraseAfter(tokens, next + 1);
  return name.some((t) => t.cap) ? name : np;
}

export interface BeforeOptions {
  /** The quote stands in a headline, where verbs are capitalised. */
  headline?: boolean;
  /** How far back (in tokens) a verb may stand and still govern the quote. Default 16. */
  reach?: number;
}

/** Cue before the quote: Borrell said: “…” / the former minister says that “…” / According to X, “…”. */
export function cueBefore(tokens: Token[], options: BeforeOptions = {}): CueMatch | null {
  const n = tokens.length;
  if (!n) return null;
  for (let k = n - 1; k >= Math.max(0, n - 25); k--) {
    if (tokens[k].lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const np = namedInApposition(tokens, phraseAfter(tokens, k + 2));
      if (np.length) return { cue: span(tokens[k], tokens[k + 1]), source: np, where: 'according', confidence: 0.85 };
    }
    // "In the words of one analyst, Tom Riley, the fine is “…”".
    if (tokens[k].lower === 'in' && tokens[k + 1]?.lower === 'the' && tokens[k + 2]?.lower === 'words' && tokens[k + 3]?.lower === 'of') {
      const np = namedInApposition(tokens, phraseAfter(tokens, k + 4));
      if (np.length) return { cue: span(tokens[k], tokens[k + 3]), source: np, where: 'according', confidence: 0.85 };
    }
  }
  const near = lastVerb(tokens, Math.max(0, n - (options.reach ?? 16)), options.headline ?? false);
  if (near) return near;
  // Further back in the same sentence, a verb with a subject of its own still governs the quote:
  // "Trump said he holds Clinton … responsible for the crisis that led to “hundreds of thousands …”".
  const far = lastVerb(tokens, Math.max(0, n - 60), options.headline ?? false);
  if (far && far.source.length) return { ...far, confidence: 0.6 };
  return colon(tokens);
}

function lastVerb(tokens: Token[], from: number, headline: boolean): CueMatch | null {
  const n = tokens.length;
  let deferred: number | undefined;
  for (let k = n - 1; k >= from; k--) {
    const t = tokens[k];
    if (t.text === '”' || (t.text === '"' && k < n - 1)) break;
    const len = cueLength(tokens, k);
    // Capitalised, a verb only opens a sentence — or stands in a headline's title case.
    if (!len || (t.cap && !headline && k > 0 && !/[.!?:;"“”]/.test(tokens[k - 1].text))) continue;
    if (tokens.slice(k + len).some((b) => /^[.!?;]$/.test(b.text))) break;
    const prev = tokens[k - 1];
    // "a report suggesting …": a participle after a noun describes the noun; an earlier verb is the cue.
    if (/ing$/.test(t.lower) && prev?.word && !prev.cap && !isAdverb(prev) && !PREPOSITIONS.has(prev.lower) &&
      !SUBORDINATORS.has(prev.lower) && !COORDINATORS.has(prev.lower)) {
      deferred ??= k;
      continue;
    }
    const cue = span(t, tokens[k + len - 1]);
    if (/ing$/.test(t.lower) && !progressive(tokens, k)) {
      // "with Trump reportedly yelling: “…”": after "with", the name before the participle is its subject.
      let b = k - 1;
      while (b >= 0 && isAdverb(tokens[b])) b--;
      const own = tokens[b]?.cap ? phraseEndingAt(tokens, b) : null;
      const lead = own ? tokens[tokens.indexOf(own[0]) - 1] : undefined;
      const withBefore = own && (!lead || lead.lower === 'with' || lead.lower === 'and' || /^[–—]$|^--$/.test(lead.text));
      return { cue, source: withBefore ? own : [], where: 'before', confidence: withBefore ? 0.75 : 0.5 };
    }
    // "The paradox of Nancy, says Carl Anthony, historian …, is that …": a cue set between commas.
    if (prev?.text === ',' && !isTell(t)) {
      const np = phraseAfter(tokens, k + len);
      const next = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
      if (np.length && np[0].cap && next?.text === ',') return { cue, source: np, where: 'before', confidence: 0.75 };
    }
    const subject = subjectBefore(tokens, k);
    if (subject) return { cue, source: subject, where: 'before', confidence: 0.85 };
    // "In other words, explained CBS moderator Nancy Cordes: “…”": with no subject before it, the source
    // follows its verb ("Trump Praises Boyle: ‘…’" has one, and Boyle is only praised).
    const after = /^[:,]$/.test(tokens[n - 1].text) && !isTell(t) ? phraseAfter(tokens, k + len) : [];
    if (after.length && after.some((w) => w.cap) && after.at(-1)!.end >= tokens[n - 2].end) return { cue, source: after, where: 'before', confidence: 0.8 };
    return { cue, source: [], where: 'before', confidence: 0.5 };
  }
  if (deferred !== undefined) return { cue: span(tokens[deferred], tokens[deferred]), source: [], where: 'before', confidence: 0.5 };
  return null;
}

// Headline style: "spokesman for … Nazarbayev: “He did not leave the country”". When the words before
// the colon are a clause ("Perez lobbies for a higher minimum wage:"), its opening name speaks.
function colon(tokens: Token[]): CueMatch | null {
  const n = tokens.length;
  if (tokens[n - 1].text !== ':') return null;
  let k = n - 2;
  const np: Token[] = [];
  while (k >= 0 && tokens[k].text !== ',' && !/^[.!?;–—-]$|^--$/.test(tokens[k].text) && np.length < 12) np.unshift(tokens[k--]);
  const cue = span(tokens[n - 1], tokens[n - 1]);
  if (np.length && np.length <= 10 && isSourcePhrase(np) && np.some((w) => w.cap || isPerson(w))) return { cue, source: np, where: 'colon', confidence: 0.7 };
  const name: Token[] = [];
  for (const t of np) {
    if (!t.word || !t.cap) break;
    name.push(t);
  }
  const next = np[name.length];
  if (name.length && next?.word && !next.cap && isSourcePhrase(name)) return { cue, source: name, where: 'colon', confidence: 0.6 };
  // A longer clause before the colon ("Jeb Bush broke down … to the newspaper NRC Handelsblad:"): its
  // subject, found with the sentence, introduces the quote.
  return np.length ? { cue, source: [], where: 'colon', confidence: 0.5 } : null;
}

/** A cue set inside the marks between dashes: “Massimov – explains Aleksandr Baunov, an analyst – was …”. */
export function cueInside(tokens: Token[]): { match: CueMatch; from: number; to: number } | null {
  for (let a = 1; a < tokens.length - 2; a++) {
    if (!/^[–—-]$/.test(tokens[a].text) && tokens[a].text !== '--') continue;
    const b = tokens.findIndex((t, k) => k > a + 1 && /^[–—-]$|^--$/.test(t.text));
    if (b < 0 || b - a > 20) continue;
    const hit = cueAfter(tokens.slice(a + 1, b));
    // "– unfounded, I think –" is the speaker's aside, still inside the quote.
    const firstPerson = hit?.source.length === 1 && FIRST_PERSON.has(hit.source[0].lower);
    if (hit && hit.source.length && !firstPerson && (hit.source.some((t) => t.cap) || hit.source.some(isPerson))) {
      return { match: { ...hit, where: 'inside' }, from: tokens[a].start, to: tokens[b].end };
    }
  }
  return null;
}

/** "is labeling", "was referring": a participle after a form of "be" is the sentence's verb. */
function progressive(tokens: Token[], k: number): boolean {
  let b = k - 1;
  while (b >= 0 && isAdverb(tokens[b]) && !BE_FORMS.has(tokens[b].lower)) b--;
  return BE_FORMS.has(tokens[b]?.lower ?? '');
}

/** A transcript line inside the marks: “WALLACE: But, Governor Pence, …” — the speaker in capitals. */
export function transcriptSpeaker(tokens: Token[]): { match: CueMatch; from: number; to: number } | null {
  const colon = tokens.findIndex((t, k) => k > 0 && k <= 4 && t.text === ':');
  if (colon < 0) return null;
  const name = tokens.slice(0, colon).filter((t) => t.word);
  if (!name.length || name.length !== colon || !name.every((t) => /^[\p{Lu}.'’-]{2,}$/u.test(t.text))) return null;
  return { match: { cue: span(tokens[colon], tokens[colon]), source: name, where: 'inside', confidence: 0.8 }, from: tokens[0].start, to: tokens[colon].end };
}

/**
 * A quote whose closing mark the page lost runs on into its own cue: “There wasn't a lot of education …
 * to keep, said Kessel, whose organization …”. A ", said Name," inside it is where the quote ended.
 */
export function cueInOpenQuote(tokens: Token[]): { match: CueMatch; from: number; to: number } | null {
  for (let j = 1; j < tokens.length - 1; j++) {
    if (tokens[j - 1].text !== ',') continue;
    const n = cueLength(tokens, j, false);
    if (!n || isTell(tokens[j]) || /ing$/.test(tokens[j].lower)) continue;
    const np = phraseAfter(tokens, j + n);
    const next = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
    if (np.length && np[0].cap && !PRONOUNS[np[0].lower] && (!next || /^[,.;]$/.test(next.text))) {
      return { match: { cue: span(tokens[j], tokens[j + n - 1]), source: np, where: 'inside', confidence: 0.7 }, from: tokens[j - 1].start, to: next ? next.end : np.at(-1)!.end };
    }
  }
  return null;
}

/** "“A,” Trump said: “B”": a cue ending in a colon introduces the quote after it, not the one before. */
function introducesNext(tokens: Token[], last: Token): boolean {
  return tokens[tokens.indexOf(last) + 1]?.text === ':';
}

/**
 * The subject of the verb at k. Right before it (after adverbs): a pronoun, a name or a role. When an
 * apposition or aside ends just before the verb (", where he has lived for 4 years, reported"), the
 * subject is the phrase that opens the clause. Null when the verb's subject is not in these tokens.
 */
function subjectBefore(tokens: Token[], k: number): Token[] | null {
  let j = k - 1;
  while (j >= 0 && tokens[j].word && (isAdverb(tokens[j]) || isTimeWord(tokens[j].lower))) j--;
  if (j < 0) return null;
  // "he looked into the camera, furrowed his brow and said": a second verb shares the clause's subject.
  if (COORDINATORS.has(tokens[j].lower) || tokens[j].lower === 'then') return clauseSubject(tokens, j);
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
  // "As John Cornyn, the No. 2 in the GOP leadership, put it:": the subordinator is not the subject.
  while (start < j && (SUBORDINATORS.has(tokens[start].lower) || COORDINATORS.has(tokens[start].lower))) start++;
  const comma = tokens.findIndex((t, m) => m >= start && (t.text === ',' || t.text === '('));
  const np = comma > start ? tokens.slice(start, comma) : [];
  if (!np.length || !isSourcePhrase(np)) return null;
  // "Clinton's campaign chairman, John Podesta, said": a role, then the name in apposition.
  const next = tokens.findIndex((t, m) => m > comma && (t.text === ',' || t.text === '('));
  const name = next > comma + 1 ? tokens.slice(comma + 1, next) : [];
  const named = np.some((t) => t.cap && !/['’]s?$/.test(t.text) && t !== np[0]);
  if (!named && name.length && name.length <= 4 && name.every((t) => t.cap || NAME_PARTICLES.has(t.lower))) return [...np, tokens[comma], ...name];
  return np;
}

/** The subject of the clause a coordinated verb belongs to: the nearest pronoun or name before a verb. */
function clauseSubject(tokens: Token[], j: number): Token[] | null {
  for (let m = j - 1; m >= 0 && j - m < 30; m--) {
    const t = tokens[m];
    if (/^[.!?;:"“”]$/.test(t.text)) break;
    const next = tokens[m + 1];
    // A subject opens its clause: after punctuation, not after a verb ("attacked Cruz and said").
    if (!t.word || !next?.word || next.cap || (m > 0 && tokens[m - 1].word)) continue;
    if (SUBJECT_PRONOUNS.has(t.lower) && t.lower !== 'i' && t.lower !== 'you') return [t];
    if (t.cap) {
      const np = phraseEndingAt(tokens, m);
      if (np && np.some((w) => w.cap)) return np;
    }
  }
  return null;
}
