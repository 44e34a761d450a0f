// Cue rules that read the words after a quote: “…,” said Borrell / “…,” he told / “…” Asks the analyst /
// “…”, reads a note / “…” — Jane Roe. Each rule is one way news writes it (see rules.ts); each returns
// the cue span and the words naming the source, as written, or null.
import {
  AUXILIARIES,
  COORDINATORS,
  IRREGULAR_PAST,
  POSSESSIVES,
  PRONOUNS,
  SUBORDINATORS,
  TELL_VERBS,
  VENUE_PREPOSITIONS,
} from '../lexicon/index.js';
import type { CueMatch } from './cue.js';
import {
  CLAUSE_WORDS,
  cueLength,
  isAdverb,
  isPerson,
  isSourcePhrase,
  isTimeWord,
  namedInApposition,
  phraseAfter,
  span,
  trimSubject,
} from './phrase.js';
import type { Token } from './tokens.js';

/** What the quote's end says about the words after it. */
export interface AfterOptions {
  /** The quote closed a sentence: what follows is a new one. */
  endsSentence?: boolean;
  /** The quote ended on a comma (“…,” he said): a cue must follow. */
  endsWithComma?: boolean;
  /** The quote ended a sentence and the tokens run up to the next quote: a cue ending them is the next's. */
  leadsNext?: boolean;
}

export const isTell = (t: Token) => TELL_VERBS.has(t.lower);
const opensClause = (lower: string) => COORDINATORS.has(lower) || SUBORDINATORS.has(lower);
export const stops = (t: Token) => t.text === '“' || t.text === '"' || /^[.!?;]$/.test(t.text);
const isDash = (t: Token) => /^[-–—―]$|^--$/.test(t.text);

/** The first word after the quote's closing mark and spaces (within three tokens), or -1. */
function firstWord(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length && !tokens[i].word && i < 3) i++;
  return i < tokens.length ? i : -1;
}

/** “…,” according to X. */
export function afterAccording(tokens: Token[]): CueMatch | null {
  const i = firstWord(tokens);
  if (i < 0 || tokens[i].lower !== 'according' || tokens[i + 1]?.lower !== 'to') return null;
  const np = phraseAfter(tokens, i + 2);
  return np.length
    ? { rule: 'after.according', cue: span(tokens[i], tokens[i + 1]), source: np, where: 'according' }
    : null;
}

/** “…” — Sahil Kapur (@sahilkapur) / “…” ¶ -Michelle Marks, Philadelphia: a dash and a name ending the line. */
export function afterDash(tokens: Token[]): CueMatch | null {
  const dash = tokens.findIndex((t, k) => k < 3 && isDash(t));
  if (dash < 0 || !tokens[dash + 1]?.cap) return null;
  const np = phraseAfter(tokens, dash + 1);
  const after = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
  if (!np.length || !np.some((t) => t.cap) || (after && !/^[,(.]$/.test(after.text))) return null;
  return { rule: 'after.dash', cue: span(tokens[dash], tokens[dash]), source: np, where: 'after' };
}

/** Verb first: “…,” said Borrell / “…” Asks the analyst. "told X" names a listener, not the source. */
export function afterVerbFirst(tokens: Token[]): CueMatch | null {
  const i = firstWord(tokens);
  const len = i < 0 ? 0 : cueLength(tokens, i);
  if (!len || isTell(tokens[i]) || /ing$/.test(tokens[i].lower)) return null;
  const np = phraseAfter(tokens, i + len);
  if (!np.length || introducesNext(tokens, np.at(-1)!)) return null;
  return { rule: 'after.verb-first', cue: span(tokens[i], tokens[i + len - 1]), source: np, where: 'after' };
}

/** A participle right after the quote (“…,” referencing …): its subject is elsewhere, a cue with no source. */
export function afterParticiple(tokens: Token[]): CueMatch | null {
  const i = firstWord(tokens);
  const len = i < 0 ? 0 : cueLength(tokens, i);
  if (!len || isTell(tokens[i]) || !/ing$/.test(tokens[i].lower)) return null;
  return { rule: 'after.participle', cue: span(tokens[i], tokens[i + len - 1]), source: [], where: 'after' };
}

/**
 * Subject first: “…,” he said / “…” Kassenova speculates / “…,” Jeff Weaver, Sanders’ manager, said.
 * After a full stop a new sentence starts; its verb cues this quote only if that is all it says.
 */
export function afterSubjectFirst(tokens: Token[], options: AfterOptions = {}): CueMatch | null {
  const i = firstWord(tokens);
  if (i < 0) return null;
  const first = tokens[i];
  if (opensClause(first.lower)) return null;
  const newSentence = options.endsSentence && first.cap;
  // "Dylan Nelson, a postdoctoral fellow at the Max Planck Institute …, said": a name and its apposition
  // may run long before the verb.
  const named = first.cap && tokens.slice(i, i + 6).some((t) => t.text === ',');
  let depth = 0;
  for (let j = i + 1; j < Math.min(tokens.length, i + (named ? 48 : 24)); j++) {
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
    // "Blige sings to Clinton before asking her": a name and a verb the lexicon lacks came first. An
    // apposition after the name's comma is a description ("…, winner of the New Hampshire primaries,").
    const comma = nameAndApposition(np) ? np.findIndex((t) => t.text === ',') : -1;
    const head = comma > 0 ? np.slice(0, comma) : np;
    if (
      head.some(
        (u, k) =>
          k > 0 &&
          head[k - 1].cap &&
          u.word &&
          !u.cap &&
          /(s|ed)$/.test(u.lower) &&
          !isPerson(u) &&
          !POSSESSIVES.has(u.lower) &&
          !AUXILIARIES.has(u.lower),
      )
    )
      return null;
    if (newSentence && !/^[.!?]$/.test(tokens.slice(j + n).find((u) => !u.word || !isTimeWord(u.lower))?.text ?? '.'))
      return null;
    const rest = tokens.slice(j + n).filter((u) => u.word && !isAdverb(u) && !isTimeWord(u.lower));
    if (options.leadsNext && rest.length === 0) return null;
    if (np.length && (isSourcePhrase(np) || nameAndApposition(np)) && !introducesNext(tokens, tokens[j + n - 1])) {
      return { rule: 'after.subject-first', cue: span(t, tokens[j + n - 1]), source: np, where: 'after' };
    }
    return null;
  }
  return null;
}

/** A name (a few capitalised words) and, after its comma, an apposition of any length. */
function nameAndApposition(np: Token[]): boolean {
  const comma = np.findIndex((t) => t.text === ',');
  const name = np.slice(0, comma);
  return comma > 0 && comma <= 6 && name.every((t) => t.cap || !t.word) && isSourcePhrase(name);
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
export function afterUnknownVerb(tokens: Token[], options: AfterOptions = {}): CueMatch | null {
  const i = firstWord(tokens);
  if (i < 0 || !options.endsWithComma || (options.endsSentence && tokens[i].cap)) return null;
  const a = tokens[i];
  const b = tokens[i + 1];
  if (a?.word && !a.cap && /ed$/.test(a.lower) && b?.word && b.cap) {
    const np = phraseAfter(tokens, i + 1);
    if (np.length) return { rule: 'after.unknown-verb', cue: span(a, a), source: np, where: 'after' };
  }
  for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
    const t = tokens[j];
    if (!t.word || t.cap || !/(ed|s)$/.test(t.lower) || CLAUSE_WORDS.has(t.lower)) continue;
    const np = trimSubject(tokens.slice(i, j));
    if (np.length && isSourcePhrase(np) && (np.some((w) => w.cap) || (np.length === 1 && PRONOUNS[np[0].lower]))) {
      return { rule: 'after.unknown-verb', cue: span(t, t), source: np, where: 'after' };
    }
    return null;
  }
  return null;
}

/** Tokens a later cue's subject may take ("Justice Department senior trial counsel Caroline Lewis Wolverton"). */
const MAX_LATER_SUBJECT = 10;

// Further on, after a comma: "“…” in the 2008 primary, said Ohio State professor Paul Beck." /
// "“…” and against the Brady law, Clinton said."
export function afterLater(tokens: Token[], options: AfterOptions = {}): CueMatch | null {
  const i = firstWord(tokens);
  if (i < 0 || (options.endsSentence && tokens[i].cap)) return null;
  for (let j = i + 1; j < Math.min(tokens.length, i + 30); j++) {
    if (stops(tokens[j])) break;
    if (tokens[j - 1].text !== ',') continue;
    const t = tokens[j];
    const n = cueLength(tokens, j, false);
    if (n && !isTell(t)) {
      const np = namedInApposition(tokens, phraseAfter(tokens, j + n));
      if (np.length && np.some((w) => w.cap))
        return { rule: 'after.later', cue: span(t, tokens[j + n - 1]), source: np, where: 'after-late' };
      continue;
    }
    for (let v = j + 1; v < Math.min(tokens.length, j + MAX_LATER_SUBJECT); v++) {
      if (stops(tokens[v]) || tokens[v].text === ',') break;
      const m = cueLength(tokens, v, false);
      if (!m) continue;
      const np = trimSubject(tokens.slice(j, v));
      const ends = tokens[v + m];
      if (
        np.length &&
        isSourcePhrase(np) &&
        (np.some((w) => w.cap) || PRONOUNS[np[0].lower]) &&
        (!ends || /^[.,;]$/.test(ends.text) || isTimeWord(ends.lower) || VENUE_PREPOSITIONS.has(ends.lower))
      ) {
        return { rule: 'after.later', cue: span(tokens[v], tokens[v + m - 1]), source: np, where: 'after-late' };
      }
      break;
    }
  }
  return null;
}

/** The rules after a quote in the order news most often writes them: the first that matches. */
export function firstAfter(tokens: Token[], options: AfterOptions = {}): CueMatch | null {
  return (
    afterAccording(tokens) ??
    afterDash(tokens) ??
    afterParticiple(tokens) ??
    afterVerbFirst(tokens) ??
    afterSubjectFirst(tokens, options) ??
    afterUnknownVerb(tokens, options) ??
    afterLater(tokens, options)
  );
}

/**
 * "“A,” Rubio said: “B”": a cue ending in a colon, which the rules above leave to the quote after it, read
 * for the quote before too — most often both are the same speaker's; the speaker model weighs it apart.
 */
export function afterColonCue(tokens: Token[], options: AfterOptions = {}): CueMatch | null {
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 0) return null;
  const open = tokens.slice();
  open[colon] = { ...tokens[colon], text: ',' };
  const hit = afterVerbFirst(open) ?? afterSubjectFirst(open, options);
  if (!hit) return null;
  // The colon must end the cue itself ("Rubio said:"), not something further on.
  const end = Math.max(hit.cue.end, hit.source.at(-1)?.end ?? 0);
  if (tokens[colon - 1]?.end !== end) return null;
  return { ...hit, rule: 'after.colon' };
}

/** "“A,” Trump said: “B”": a cue ending in a colon introduces the quote after it, not the one before. */
export function introducesNext(tokens: Token[], last: Token): boolean {
  return tokens[tokens.indexOf(last) + 1]?.text === ':';
}
