// The attribution rules, declared: each a way news writes who said a quote, with where it looks and what
// it matches. The rules read around a quote all run; none is preferred to another here. What each
// proposes becomes a candidate speaker, and the speaker model (model.ts), fitted on annotated news,
// chooses among them. Every quote records the ids of the rules behind its speaker (Quote.rules).
import {
  afterAccording,
  afterColonCue,
  afterDash,
  afterLater,
  afterParticiple,
  afterSubjectFirst,
  afterUnknownVerb,
  afterVerbFirst,
  type AfterOptions,
} from './cue-after.js';
import { beforeAccording, beforeColon, beforeFar, beforeLead, beforeVerb, headlineName } from './cue-before.js';
import { possessiveFrame, type CueMatch } from './cue.js';
import { PERSONAL_SUBJECTS, PREPOSITIONS, SUBORDINATORS } from '../lexicon/index.js';
import type { Token } from './tokens.js';

/** The words around one quote that the cue rules read. */
export class QuoteWindow {
  private near?: CueMatch | null;
  private colonMatch?: CueMatch | null;

  constructor(
    /** Tokens before the quote, from its sentence's start (or the lead-in sentence ending in a colon). */
    readonly pre: Token[],
    /** Tokens after the quote, to the end of its sentence or the next quote. */
    readonly post: Token[],
    readonly after: AfterOptions,
    /** The quote stands in a headline. */
    readonly headline: boolean,
    /** The quote opens its paragraph after a sentence ending in a colon, which `pre` holds. */
    readonly leadIn: boolean,
    /** The sentence right before a quote that opens its own, when it ends in a full stop. */
    readonly lead: Token[] = [],
  ) {}

  /** The nearest verb before the quote, read once for the rules that look at it. */
  nearVerb(): CueMatch | null {
    const reach = this.leadIn ? 60 : 16;
    if (this.near === undefined) this.near = beforeVerb(this.pre, { headline: this.headline, reach });
    return this.near;
  }

  colon(): CueMatch | null {
    if (this.colonMatch === undefined) this.colonMatch = beforeColon(this.pre);
    return this.colonMatch;
  }
}

export type Where = 'inside' | 'line' | 'after' | 'before' | 'around' | 'reported' | 'sentence' | 'trail' | 'source';

export interface Rule {
  id: string;
  /** Where it looks: inside the marks, the quote's line, after or before it, around it, reported speech, … */
  where: Where;
  /** What it matches, as news writes it. */
  matches: string;
  /** For the rules read around a quote: the match in its window. The others run in the stage `where` names. */
  find?: (w: QuoteWindow) => CueMatch | null;
}

const nearAs = (id: string) => (w: QuoteWindow) => (w.nearVerb()?.rule === id ? w.nearVerb() : null);
const colonAs = (id: string) => (w: QuoteWindow) => (w.colon()?.rule === id ? w.colon() : null);

export const RULES: readonly Rule[] = [
  // Inside the marks: the content stage splits the quote around them (content.ts).
  {
    id: 'inside.transcript',
    where: 'inside',
    matches: '“WALLACE: But, Governor …”: a name in capitals and a colon open the quote',
  },
  {
    id: 'inside.dashes',
    where: 'inside',
    matches: '“Massimov – explains Aleksandr Baunov – was …”: a cue between dashes',
  },
  {
    id: 'inside.open-quote',
    where: 'inside',
    matches: '“… to keep, said Kessel, whose …”: a quote whose closing mark was lost runs into its cue',
  },
  {
    id: 'line.interview',
    where: 'line',
    matches: 'Ressa: Every day. … / MR. SMITH: …: a name label in an interview or a transcript',
  },
  {
    id: 'line.answer',
    where: 'line',
    matches: 'A: Bread. …: an answer beside the questions of a Q/A interview, the guest’s',
  },
  {
    id: 'headline.name-colon',
    where: 'before',
    matches: 'John McCain: Populist Anger Appeals to ‘…’: a headline opened by a name and a colon',
    find: (w) => (w.headline ? headlineName(w.pre) : null),
  },
  // After the quote.
  { id: 'after.according', where: 'after', matches: '“…,” according to X', find: (w) => afterAccording(w.post) },
  {
    id: 'after.dash',
    where: 'after',
    matches: '“…” — Jane Roe, The Daily News: a dash and a name ending the line',
    find: (w) => afterDash(w.post),
  },
  {
    id: 'after.verb-first',
    where: 'after',
    matches: '“…,” said Borrell / “…” asks the analyst',
    find: (w) => afterVerbFirst(w.post),
  },
  {
    id: 'after.participle',
    where: 'after',
    matches: '“…,” referencing …: a participle whose subject is the sentence’s',
    find: (w) => afterParticiple(w.post),
  },
  {
    id: 'after.subject-first',
    where: 'after',
    matches: '“…,” he said / “…,” Jeff Weaver, Sanders’ manager, said',
    find: (w) => afterSubjectFirst(w.post, w.after),
  },
  {
    id: 'after.colon',
    where: 'after',
    matches: '“…,” Rubio said: “…”: a cue that introduces the next quote, read for the one before too',
    find: (w) => afterColonCue(w.post, w.after),
  },
  {
    id: 'after.unknown-verb',
    where: 'after',
    matches: '“…,” fumed Toomey: a past tense the lexicon lacks, beside a name',
    find: (w) => afterUnknownVerb(w.post, w.after),
  },
  {
    id: 'after.later',
    where: 'after',
    matches: '“…” in the 2008 primary, said Paul Beck.: a cue further on, after a comma',
    find: (w) => afterLater(w.post, w.after),
  },
  // Before the quote.
  {
    id: 'before.according',
    where: 'before',
    matches: 'According to X, “…” / In the words of X, “…”',
    find: (w) => beforeAccording(w.pre),
  },
  {
    id: 'before.subject-verb',
    where: 'before',
    matches: 'Borrell said: “…” / the former minister says that “…”',
    find: nearAs('before.subject-verb'),
  },
  {
    id: 'before.infinitive',
    where: 'before',
    matches: 'Instagram allowed Mosseri to claim that it wants to be “…”: the name before "to" and the verb',
    find: nearAs('before.infinitive'),
  },
  {
    id: 'before.verb-first',
    where: 'before',
    matches: 'In other words, explained moderator Nancy Cordes: “…”',
    find: nearAs('before.verb-first'),
  },
  {
    id: 'before.aside',
    where: 'before',
    matches: 'The paradox, says Carl Anthony, historian, is that “…”',
    find: nearAs('before.aside'),
  },
  {
    id: 'before.participle-subject',
    where: 'before',
    matches: 'with Trump reportedly yelling: “…”',
    find: nearAs('before.participle-subject'),
  },
  {
    id: 'before.participle',
    where: 'before',
    matches: '…, calling it “…”: a participle whose subject is the sentence’s',
    find: nearAs('before.participle'),
  },
  {
    id: 'before.verb',
    where: 'before',
    matches: 'a verb of saying before the quote with no subject in reach',
    find: nearAs('before.verb'),
  },
  {
    id: 'before.outer',
    where: 'before',
    matches: 'Pompeo said that Washington had concluded it was “…”: the reporter of a clause with a cue of its own',
    find: (w) => outerVerb(w),
  },
  {
    id: 'before.lead',
    where: 'before',
    matches: 'Bystrom agreed. “…” / Lau said in a statement. “…”: the sentence before ends in its cue',
    find: (w) => beforeLead(w.lead),
  },
  // Only when no verb stands near: further back, the same scan would find the same verb.
  {
    id: 'before.far',
    where: 'before',
    matches: 'Trump said he holds Clinton responsible for the crisis that led to “…”',
    find: (w) => (w.nearVerb() ? null : beforeFar(w.pre, { headline: w.headline })),
  },
  {
    id: 'colon.source',
    where: 'before',
    matches: "Nazarbayev's spokesman: “…”: a source phrase and a colon",
    find: colonAs('colon.source'),
  },
  {
    id: 'colon.clause-name',
    where: 'before',
    matches: 'Perez lobbies for a higher wage: “…”: the name opening the clause',
    find: colonAs('colon.clause-name'),
  },
  {
    id: 'colon.clause',
    where: 'before',
    matches: 'a clause ending in a colon: its subject is the sentence’s',
    find: colonAs('colon.clause'),
  },
  {
    id: 'frame.possessive',
    where: 'around',
    matches: "Obama's “…” promise: a possessive, the quote, a noun for words said",
    find: (w) => possessiveFrame(w.pre, w.post),
  },
  // Reported speech, without marks (indirect.ts).
  { id: 'reported.leading', where: 'reported', matches: 'Borrell said (that) the EU was ready …' },
  { id: 'reported.medial', where: 'reported', matches: 'The plan, the mayor said, would cost …' },
  { id: 'reported.according', where: 'reported', matches: 'According to the Dpa, weapons worth …' },
  { id: 'reported.trailing', where: 'reported', matches: 'The talks have failed, the minister said.' },
  // Candidates that no cue names.
  {
    id: 'sentence.subject',
    where: 'sentence',
    matches: 'Romney went after Trump, calling it “…”: the subject of a sourceless cue’s sentence',
  },
  {
    id: 'sentence.subject-pronoun',
    where: 'sentence',
    matches: 'She noted her years in office, saying “…”: whom the pronoun subject of a sourceless cue stands for',
  },
  {
    id: 'continue.previous',
    where: 'trail',
    matches: 'a quote with no cue of its own continues the speaker before it',
  },
  // How the words naming a source are read (resolve.ts).
  { id: 'source.name', where: 'source', matches: 'a name: its fullest form in the article' },
  { id: 'source.possessive', where: 'source', matches: "Obama's: the owner of the words quoted" },
  { id: 'source.pronoun', where: 'source', matches: 'he / she: a person named before (coref.ts)' },
  { id: 'source.org-pronoun', where: 'source', matches: 'it / they: an organisation named or quoted before' },
  {
    id: 'source.role',
    where: 'source',
    matches: 'the analyst: the person the article introduced so, or the one just quoted',
  },
  {
    id: 'source.epithet',
    where: 'source',
    matches: 'the German / the 56-year-old: the person given that age, else the person just named or quoted',
  },
  { id: 'source.document', where: 'source', matches: 'a statement read: its issuer' },
  {
    id: 'source.anonymous',
    where: 'source',
    matches: 'a source / one legal expert / officials: as described, unnamed',
  },
  {
    id: 'source.description',
    where: 'source',
    matches: 'the physicians / Teachers: people described but never named, as described',
  },
  { id: 'source.owner-role', where: 'source', matches: "Nazarbayev's spokesman / a spokeswoman for the Treasury" },
  { id: 'source.institution', where: 'source', matches: 'police said / the port authority said: the body as named' },
  {
    id: 'source.guest',
    where: 'source',
    matches: 'the person an interview is with: named in the headline, or the person most named',
  },
];

/**
 * "Trump stated that Melania would discuss it “in a few weeks”": the near verb's subject may itself be
 * reported, so the verb of saying further back in the sentence, with its own subject, is a candidate too.
 */
function outerVerb(w: QuoteWindow): CueMatch | null {
  const near = w.nearVerb();
  if (near?.rule !== 'before.subject-verb' || !near.source.length) return null;
  const at = w.pre.indexOf(near.source[0]);
  if (at <= 0) return null;
  const before = w.pre.slice(0, at);
  const outer = beforeFar(before, { headline: w.headline });
  // The clause is what the outer verb reports only when no comma or subordinator sets it apart ("In a
  // statement published Monday, the ministries accused …", "He testified about a meeting when Sondland told …").
  const apart = (t: Token) =>
    t.text === ',' || t.text === ':' || (SUBORDINATORS.has(t.lower) && !PREPOSITIONS.has(t.lower));
  if (!outer || before.some((t) => t.start >= outer.cue.end && apart(t))) return null;
  // "Axelrod tweeted after Clinton argued that “…”": a word that may be a preposition, right before the
  // near verb's subject (a name or "he"), opens a clause of its own; its verb reports the quote.
  const subject = near.source[0];
  if (SUBORDINATORS.has(before[at - 1].lower) && (subject.cap || PERSONAL_SUBJECTS.has(subject.lower))) return null;
  return { ...outer, rule: 'before.outer' };
}

/** The rules read around a quote, in the table's order. */
export const WINDOW_RULES = RULES.filter((r) => r.find);

/** Every rule read around the quote that matches. A cue after the quote must follow it at once. */
export function fire(w: QuoteWindow): CueMatch[] {
  const out: CueMatch[] = [];
  for (const r of WINDOW_RULES) {
    const m = r.find!(w);
    if (m && (m.where !== 'after' || r.where !== 'after' || adjacent(m, w.post))) out.push(m);
  }
  return out;
}

/** A cue after the quote counts when it follows at once ("“…,” he said"), not sentences later. */
function adjacent(match: CueMatch, post: Token[]): boolean {
  const firstWord = post.findIndex((t) => t.word);
  const at = post.findIndex((t) => t.start >= Math.min(match.cue.start, match.source[0]?.start ?? Infinity));
  return at - firstWord <= 1;
}
