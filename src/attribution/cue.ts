// The cue stage: around a quotation, the verb (or colon, dash, label) that attributes it and the words
// naming its source. The rules that read after a quote are in cue-after.ts, before it in cue-before.ts;
// here, the ones that read inside its marks and the possessive frame around it. rules.ts lists them
// all. Saying who the source is belongs to the resolve stage.
import { FIRST_PERSON, PRONOUNS, SAYING_NOUNS } from '../lexicon/index.js';
import { firstAfter, isTell } from './cue-after.js';
import { cueLength, isPerson, phraseAfter, span } from './phrase.js';
import type { Token } from './tokens.js';

export interface CueMatch {
  /** The rule that matched (an id of rules.ts). */
  rule: string;
  cue: { start: number; end: number };
  /** The tokens naming the source, as written; empty when the verb's subject is elsewhere ("…, saying"). */
  source: Token[];
  /** Where the cue stood: after the quote, further on, before it, inside it, a colon, "according to". */
  where: 'after' | 'after-late' | 'before' | 'inside' | 'colon' | 'according';
}

/** A cue inside the marks, and the stretch of the quote it takes up. */
export interface InnerCue {
  match: CueMatch;
  from: number;
  to: number;
}

/** A cue set inside the marks between dashes: “Massimov – explains Aleksandr Baunov, an analyst – was …”. */
export function cueInside(tokens: Token[]): InnerCue | null {
  for (let a = 1; a < tokens.length - 2; a++) {
    if (!/^[–—-]$/.test(tokens[a].text) && tokens[a].text !== '--') continue;
    const b = tokens.findIndex((t, k) => k > a + 1 && /^[–—-]$|^--$/.test(t.text));
    if (b < 0 || b - a > 20) continue;
    const hit = firstAfter(tokens.slice(a + 1, b));
    // "– unfounded, I think –" is the speaker's aside, still inside the quote.
    const firstPerson = hit?.source.length === 1 && FIRST_PERSON.has(hit.source[0].lower);
    if (hit?.source.length && !firstPerson && (hit.source.some((t) => t.cap) || hit.source.some(isPerson))) {
      return { match: { ...hit, rule: 'inside.dashes', where: 'inside' }, from: tokens[a].start, to: tokens[b].end };
    }
  }
  return null;
}

/** A transcript line inside the marks: “WALLACE: But, Governor Pence, …” — the speaker in capitals. */
export function transcriptSpeaker(tokens: Token[]): InnerCue | null {
  const colon = tokens.findIndex((t, k) => k > 0 && k <= 4 && t.text === ':');
  if (colon < 0) return null;
  const name = tokens.slice(0, colon).filter((t) => t.word);
  if (!name.length || name.length !== colon || !name.every((t) => /^[\p{Lu}.'’-]{2,}$/u.test(t.text))) return null;
  const match: CueMatch = {
    rule: 'inside.transcript',
    cue: span(tokens[colon], tokens[colon]),
    source: name,
    where: 'inside',
  };
  return { match, from: tokens[0].start, to: tokens[colon].end };
}

/**
 * A quote whose closing mark the page lost runs on into its own cue: “There wasn't a lot of education …
 * to keep, said Kessel, whose organization …”. A ", said Name," inside it is where the quote ended.
 */
export function cueInOpenQuote(tokens: Token[]): InnerCue | null {
  for (let j = 1; j < tokens.length - 1; j++) {
    if (tokens[j - 1].text !== ',') continue;
    const n = cueLength(tokens, j, false);
    if (!n || isTell(tokens[j]) || /ing$/.test(tokens[j].lower)) continue;
    const np = phraseAfter(tokens, j + n);
    const next = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
    if (np.length && np[0].cap && !PRONOUNS[np[0].lower] && (!next || /^[,.;]$/.test(next.text))) {
      const match: CueMatch = {
        rule: 'inside.open-quote',
        cue: span(tokens[j], tokens[j + n - 1]),
        source: np,
        where: 'inside',
      };
      return { match, from: tokens[j - 1].start, to: next ? next.end : np.at(-1)!.end };
    }
  }
  return null;
}

// Obama's "if you like your plan, you can keep it" promise: a name's possessive, the quote, then a noun
// for words someone said.
export function possessiveFrame(pre: Token[], post: Token[]): CueMatch | null {
  const last = pre[pre.length - 1];
  const next = post.find((t) => t.word);
  if (
    !last?.word ||
    !last.cap ||
    !/['’]s?$/.test(last.text) ||
    !next ||
    post.indexOf(next) > 1 ||
    !SAYING_NOUNS.has(next.lower)
  )
    return null;
  const name: Token[] = [];
  for (let k = pre.length - 1; k >= 0 && pre[k].word && pre[k].cap && name.length < 4; k--) name.unshift(pre[k]);
  return { rule: 'frame.possessive', cue: span(next, next), source: name, where: 'after' };
}
