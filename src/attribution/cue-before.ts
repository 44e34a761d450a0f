// Cue rules that read the words before a quote: Borrell said: “…” / the former minister says that “…” /
// According to X, “…” / a headline's "Nazarbayev's spokesman: “…”". Each returns the cue span and the
// words naming the source, as written, or null.
import {
  ARTICLE_OR_POSSESSIVE,
  ARTICLES,
  BE_FORMS,
  isPersonRole,
  COORDINATORS,
  cueEvidence,
  isAdverbWord,
  isDocument,
  isFirstName,
  isInflected,
  NAME_PARTICLES,
  PREPOSITIONS,
  SAYING_NOUNS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  VENUE_PREPOSITIONS,
  WITNESS_WORDS,
} from '../lexicon/index.js';
import { isTell } from './cue-after.js';
import type { CueMatch } from './cue.js';
import {
  cueLength,
  inRelativeAside,
  isAdverb,
  isPerson,
  isSourcePhrase,
  isTimeWord,
  namedInApposition,
  passiveAgent,
  phraseAfter,
  phraseEndingAt,
  span,
} from './phrase.js';
import type { Token } from './tokens.js';

export interface BeforeOptions {
  /** The quote stands in a headline, where verbs are capitalised. */
  headline?: boolean;
  /** How far back (in tokens) a verb may stand and still govern the quote. Default 16. */
  reach?: number;
}

/** According to X, “…” — and "In the words of one analyst, Tom Riley, the fine is “…”". */
export function beforeAccording(tokens: Token[]): CueMatch | null {
  const n = tokens.length;
  for (let k = n - 1; k >= 0; k--) {
    if (tokens[k].lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const np = namedInApposition(tokens, phraseAfter(tokens, k + 2));
      if (np.length)
        return { rule: 'before.according', cue: span(tokens[k], tokens[k + 1]), source: np, where: 'according' };
    }
    if (
      tokens[k].lower === 'in' &&
      tokens[k + 1]?.lower === 'the' &&
      tokens[k + 2]?.lower === 'words' &&
      tokens[k + 3]?.lower === 'of'
    ) {
      const np = namedInApposition(tokens, phraseAfter(tokens, k + 4));
      if (np.length)
        return { rule: 'before.according', cue: span(tokens[k], tokens[k + 3]), source: np, where: 'according' };
    }
  }
  return null;
}

/** The nearest verb of saying before the quote, within `reach` tokens, with its subject. */
export function beforeVerb(tokens: Token[], options: BeforeOptions = {}): CueMatch | null {
  return lastVerb(tokens, Math.max(0, tokens.length - (options.reach ?? 16)), options.headline ?? false);
}

/**
 * Further back in the same sentence, a verb with a subject of its own still governs the quote: "Trump
 * said he holds Clinton … responsible for the crisis that led to “hundreds of thousands …”".
 */
export function beforeFar(tokens: Token[], options: BeforeOptions = {}): CueMatch | null {
  const far = lastVerb(tokens, Math.max(0, tokens.length - 60), options.headline ?? false);
  return far?.source.length ? { ...far, rule: 'before.far' } : null;
}

/** Most words after the cue of a sentence that introduces the next one's quote ("said in a statement"). */
const MAX_LEAD_TAIL = 4;

/**
 * A sentence that ends in its own cue, before a quote that opens the next: "Dianne Bystrom agreed.", "Sam
 * Lau, the party's spokesman, said in a statement." Read as if it ended in a colon; the cue must close it,
 * but for where the words were said.
 */
export function beforeLead(sentence: Token[]): CueMatch | null {
  const n = sentence.length;
  if (n < 3 || sentence[n - 1].text !== '.') return null;
  const open = sentence.slice();
  open[n - 1] = { ...sentence[n - 1], text: ':' };
  const m = lastVerb(open, 0, false) ?? stance(sentence, n - 2);
  if (!m?.source.length || m.rule !== 'before.subject-verb') return issuedLead(sentence);
  const tail = sentence.filter((t) => t.word && t.start >= m.cue.end);
  // "tweeted a warning.", "issued a statement.": the words the next sentence quotes, named as a noun.
  // "continued his scathing remarks.": a word may describe the noun.
  const said = (u: Token, m: number) => m > 0 && m < 3 && SAYING_NOUNS.has(u.lower);
  const noun = ARTICLE_OR_POSSESSIVE.has(tail[0]?.lower ?? '') ? tail.findIndex(said) : -1;
  const rest = tail.slice(noun + 1);
  if (tail.length > MAX_LEAD_TAIL || (rest.length && !VENUE_PREPOSITIONS.has(rest[0].lower))) return null;
  return { ...m, rule: 'before.lead' };
}

// "the DNC issued a statement apologizing to Sanders …." before a quote opening the next paragraph: the
// words quoted, named as a noun and then described; whoever issued them speaks.
function issuedLead(sentence: Token[]): CueMatch | null {
  const noun = (m: number) =>
    SAYING_NOUNS.has(sentence[m]?.lower ?? '') && /[a-z]ing$/.test(sentence[m + 1]?.lower ?? '');
  const k = sentence.findIndex(
    (t, m) => m > 0 && ARTICLE_OR_POSSESSIVE.has(t.lower) && noun(m + 1) && cueLength(sentence, m - 1, false) === 1,
  );
  if (k < 0) return null;
  const m = lastVerb([...sentence.slice(0, k + 2), { ...sentence[k + 1], text: ':' }], 0, false);
  return m?.source.length && m.rule === 'before.subject-verb' ? { ...m, rule: 'before.lead' } : null;
}

/** Times annotators saw a verb cue a quote before it ends a lead sentence though it says nothing itself. */
const STANCE_EVIDENCE = 10;

/** "Dianne Bystrom agreed.", "Reneus disagrees.": a verb of stance closing the sentence, and its subject. */
function stance(tokens: Token[], k: number): CueMatch | null {
  const t = tokens[k];
  if (!t?.word || t.cap || !/(ed|s)$/.test(t.lower) || cueEvidence(t.lower).count < STANCE_EVIDENCE) return null;
  const source = subjectBefore(tokens, k);
  return source ? { rule: 'before.subject-verb', cue: span(t, t), source, where: 'before' } : null;
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
    if (inRelativeAside(tokens, k, len)) continue;
    const prev = tokens[k - 1];
    // "a report suggesting …": a participle after a noun describes the noun; an earlier verb is the cue.
    if (
      /ing$/.test(t.lower) &&
      prev?.word &&
      !prev.cap &&
      !isAdverb(prev) &&
      !PREPOSITIONS.has(prev.lower) &&
      !SUBORDINATORS.has(prev.lower) &&
      !COORDINATORS.has(prev.lower)
    ) {
      deferred ??= k;
      continue;
    }
    const cue = span(t, tokens[k + len - 1]);
    if (/ing$/.test(t.lower) && !progressive(tokens, k)) {
      // "with Trump reportedly yelling: “…”", "footage of Clinton asking, “…”": after "with", "of" or a
      // verb of showing, the name before the participle is its subject.
      let b = k - 1;
      while (b >= 0 && isAdverb(tokens[b])) b--;
      let a = b;
      while (a > 0 && tokens[a - 1].word && (tokens[a - 1].cap || NAME_PARTICLES.has(tokens[a - 1].lower))) a--;
      const own = tokens[b]?.cap
        ? WITNESS_WORDS.has(tokens[a - 1]?.lower)
          ? tokens.slice(a, b + 1)
          : phraseEndingAt(tokens, b)
        : null;
      const lead = own ? tokens[tokens.indexOf(own[0]) - 1] : undefined;
      const withBefore = own && (!lead || WITNESS_WORDS.has(lead.lower) || /^[–—]$|^--$/.test(lead.text));
      const said = withBefore ? null : sayerBefore(tokens, b);
      return withBefore || said
        ? { rule: 'before.participle-subject', cue, source: (withBefore ? own : said)!, where: 'before' }
        : { rule: 'before.participle', cue, source: [], where: 'before' };
    }
    // "The paradox of Nancy, says Carl Anthony, historian …, is that …": a cue set between commas.
    if (prev?.text === ',' && !isTell(t)) {
      const np = phraseAfter(tokens, k + len);
      const next = np.length ? tokens[tokens.indexOf(np.at(-1)!) + 1] : undefined;
      if (np.length && np[0].cap && next?.text === ',')
        return { rule: 'before.aside', cue, source: np, where: 'before' };
    }
    // "allowed Mosseri to claim that …", "urged Ms. Hale to explain": the name before "to" says it.
    if (prev?.lower === 'to' && tokens[k - 2]?.cap && tokens[k - 2].word) {
      const np = phraseEndingAt(tokens, k - 2);
      if (np?.some((w) => w.cap)) return { rule: 'before.infinitive', cue, source: np, where: 'before' };
    }
    // "the statement released by Fox News", "remarks posted by the senator": a passive names its source after "by".
    const agent = tokens[k + len]?.lower === 'by' && /ed$/.test(t.lower) ? passiveAgent(tokens, k + len + 1) : [];
    if (agent.some((w) => w.cap)) return { rule: 'before.subject-verb', cue, source: agent, where: 'before' };
    const subject = subjectBefore(tokens, k);
    if (subject) return { rule: 'before.subject-verb', cue, source: subject, where: 'before' };
    // "In other words, explained CBS moderator Nancy Cordes: “…”": with no subject before it, the source
    // follows its verb ("Trump Praises Boyle: ‘…’" has one, and Boyle is only praised).
    const after = /^[:,]$/.test(tokens[n - 1].text) && !isTell(t) ? phraseAfter(tokens, k + len) : [];
    if (after.length && after.some((w) => w.cap) && after.at(-1)!.end >= tokens[n - 2].end) {
      return { rule: 'before.verb-first', cue, source: after, where: 'before' };
    }
    return { rule: 'before.verb', cue, source: [], where: 'before' };
  }
  if (deferred !== undefined)
    return { rule: 'before.verb', cue: span(tokens[deferred], tokens[deferred]), source: [], where: 'before' };
  return null;
}

/**
 * Headline style: "spokesman for … Nazarbayev: “He did not leave the country”". When the words before
 * the colon are a clause ("Perez lobbies for a higher minimum wage:"), its opening name speaks; a longer
 * clause ("Jeb Bush broke down … to the newspaper NRC Handelsblad:") leaves its subject to the sentence.
 */
export function beforeColon(tokens: Token[]): CueMatch | null {
  const n = tokens.length;
  if (!n || tokens[n - 1].text !== ':') return null;
  let k = n - 2;
  const np: Token[] = [];
  while (k >= 0 && tokens[k].text !== ',' && !/^[.!?;–—-]$|^--$/.test(tokens[k].text) && np.length < 12)
    np.unshift(tokens[k--]);
  const cue = span(tokens[n - 1], tokens[n - 1]);
  // "From Bush's Facebook post:", "In her letter:": where the words are taken from names whose they are.
  const head = np.at(-1);
  if (np.length > 2 && PREPOSITIONS.has(np[0].lower) && head?.word && isDocument(head.lower)) np.shift();
  // "Smith agreed: “…”": a name and a verb the lexicon lacks are a clause, not a source phrase.
  const clause = np.some(
    (u, k) => k > 0 && np[k - 1].cap && u.word && !u.cap && /(s|ed)$/.test(u.lower) && !isPerson(u),
  );
  if (np.length && np.length <= 10 && !clause && isSourcePhrase(np) && np.some((w) => w.cap || isPerson(w))) {
    return { rule: 'colon.source', cue, source: np, where: 'colon' };
  }
  const name: Token[] = [];
  for (const t of np) {
    if (!t.word || !t.cap) break;
    name.push(t);
  }
  const next = np[name.length];
  // "The timing of … doesn't surprise …:": a capitalised article opens the clause, no name.
  if (name.length && ARTICLES.has(name[0].lower)) name.shift();
  if (name.length && next?.word && !next.cap && isSourcePhrase(name))
    return { rule: 'colon.clause-name', cue, source: name, where: 'colon' };
  return np.length ? { rule: 'colon.clause', cue, source: [], where: 'colon' } : null;
}

/**
 * "John McCain: Populist Anger Appeals to ‘Bad Angels of Our Nature’": a headline that opens with a name
 * and a colon gives the words it quotes to that name.
 */
export function headlineName(tokens: Token[]): CueMatch | null {
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 6 || colon === tokens.length - 1) return null;
  const name = tokens.slice(0, colon);
  if (!name.every((t) => t.word && t.cap) || !isSourcePhrase(name)) return null;
  return { rule: 'headline.name-colon', cue: span(tokens[colon], tokens[colon]), source: name, where: 'colon' };
}

/**
 * "Ryan and Trump will meet, Spicer said, adding, “…”": a participle right after a verb of saying set
 * off by a comma shares that verb's subject, not the sentence's. `b` is the token before the participle.
 */
function sayerBefore(tokens: Token[], b: number): Token[] | null {
  if (tokens[b]?.text !== ',') return null;
  // "Spicer said, adding", "Pruitt went on, saying": a one-word cue or a phrasal one ends at the comma.
  const verb = [b - 1, b - 2].find((v) => v >= 0 && cueLength(tokens, v, false) === b - v);
  if (verb === undefined || /ing$/.test(tokens[verb].lower)) return null;
  const subject = subjectBefore(tokens, verb);
  const before = subject ? tokens[tokens.indexOf(subject[0]) - 1] : undefined;
  // Right after a comma or a quote ("“…,” Ruiz added, saying"); else the verb may be the sentence's own.
  return subject?.some((t) => t.cap) && (!before || /^[,"”]$/.test(before.text)) ? subject : null;
}

/** "is labeling", "was referring": a participle after a form of "be" is the sentence's verb. */
function progressive(tokens: Token[], k: number): boolean {
  let b = k - 1;
  while (b >= 0 && isAdverb(tokens[b]) && !BE_FORMS.has(tokens[b].lower)) b--;
  return BE_FORMS.has(tokens[b]?.lower ?? '');
}

/**
 * The subject of the verb at k. Right before it (after adverbs): a pronoun, a name or a role. When an
 * apposition or aside ends just before the verb (", where he has lived for 4 years, reported"), the
 * subject is the phrase that opens the clause. Null when the verb's subject is not in these tokens.
 */
function subjectBefore(tokens: Token[], k: number): Token[] | null {
  let j = k - 1;
  // "Ramsey on Tuesday said", "who in 2010 said": adverbs and times between the subject and its verb.
  const when = (m: number) =>
    isAdverb(tokens[m]) || isTimeWord(tokens[m].lower) || /^(1[89]|20)\d\d$/.test(tokens[m].text);
  // "Sanders during a Sunday thanked": an article may open the time.
  const time = (m: number) =>
    when(m) || (ARTICLES.has(tokens[m].lower) && m + 1 < k && isTimeWord(tokens[m + 1].lower));
  const setting = (m: number) => PREPOSITIONS.has(tokens[m].lower) && m + 1 < k && time(m + 1);
  while (j >= 0 && tokens[j].word && (time(j) || setting(j))) j--;
  if (j < 0) return null;
  // "…, Mitch Ramsey, now the majority leader, who said": the name the relative clause hangs on.
  if (tokens[j].lower === 'who' && tokens[j - 1]?.text === ',') return relativeAntecedent(tokens, j - 1);
  // "he looked into the camera, furrowed his brow and said": a second verb shares the clause's subject.
  if (COORDINATORS.has(tokens[j].lower) || tokens[j].lower === 'then') return clauseSubject(tokens, j);
  if (tokens[j].word) return unclosedApposition(tokens, clauseStart(tokens, j), j) ?? phraseEndingAt(tokens, j);
  if (tokens[j].text !== ',' && tokens[j].text !== ')') return null;
  // "Gov. John Kasich (R-OH), said": a name right before its parenthesis and the comma — unless that is an
  // apposition of a name before it ("Filippo Grandi, the UN High Commissioner for Refugees (UNHCR), said").
  const paren = tokens[j].text === ')' ? j : tokens[j - 1]?.text === ')' ? j - 1 : -1;
  if (paren > 0) {
    let e = paren;
    while (e >= 0 && tokens[e].text !== '(') e--;
    const near = phraseEndingAt(tokens, e - 1);
    const apposed = near && !near[0].cap && tokens[tokens.indexOf(near[0]) - 1]?.text === ',';
    if (near?.some((w) => w.cap) && near.filter((w) => w.word).length <= 10 && !apposed) return near;
  }
  let start = clauseStart(tokens, j);
  // "On the other side, Ted Cruz, a candidate, tweeted": a phrase of place or time set before the subject.
  const opener = tokens.findIndex((t, m) => m > start && m < j && t.text === ',');
  if (PREPOSITIONS.has(tokens[start].lower) && opener > 0) start = opener + 1;
  const comma = tokens.findIndex((t, m) => m >= start && (t.text === ',' || t.text === '('));
  const np = comma > start ? tokens.slice(start, comma) : [];
  if (!np.length || !isSourcePhrase(np)) return null;
  // "Clinton's campaign chairman, John Podesta, said": a role, then the name in apposition.
  const next = tokens.findIndex((t, m) => m > comma && (t.text === ',' || t.text === '('));
  const name = next > comma + 1 ? tokens.slice(comma + 1, next) : [];
  const named = np.some((t) => t.cap && !/['’]s?$/.test(t.text) && t !== np[0]);
  if (!named && name.length && name.length <= 4 && name.every((t) => t.cap || NAME_PARTICLES.has(t.lower)))
    return [...np, tokens[comma], ...name];
  return np;
}

/**
 * Where the clause ending at j opens: after a full stop, or after ", but", ", and" joining it to the one
 * before; a subordinator opening it ("As John Cornyn, …, put it:") is not part of the subject.
 */
function clauseStart(tokens: Token[], j: number): number {
  let start = j;
  while (
    start > 0 &&
    !/^[.!?;:"“”]$/.test(tokens[start - 1].text) &&
    !(start > 1 && tokens[start - 2].text === ',' && COORDINATORS.has(tokens[start - 1].lower))
  )
    start--;
  while (start < j && (SUBORDINATORS.has(tokens[start].lower) || COORDINATORS.has(tokens[start].lower))) start++;
  return start;
}

/**
 * "Anthony Anton, president and CEO of the Restaurant Association stated": a name opening the clause and a
 * role after its comma, the apposition's closing comma left out. The name and its role are the subject.
 */
function unclosedApposition(tokens: Token[], start: number, j: number): Token[] | null {
  const comma = tokens.findIndex((t, m) => m >= start && m <= j && t.text === ',');
  if (comma <= start || comma - start > 4 || j - comma > 12) return null;
  const name = tokens.slice(start, comma);
  const role = tokens.slice(comma + 1, j + 1);
  // "Finally, the opposition leader said", "In Paris, the minister said": an opening word, not a name.
  const opener = (t: Token) =>
    (isAdverbWord(t.lower) && !isFirstName(t.lower)) ||
    isTimeWord(t.lower) ||
    PREPOSITIONS.has(t.lower) ||
    ARTICLES.has(t.lower);
  if (!name.every((t) => t.cap || NAME_PARTICLES.has(t.lower)) || name.some(opener)) return null;
  if (!role.every((t) => t.word)) return null;
  return role.some((t) => !t.cap && isPersonRole(t.lower)) ? tokens.slice(start, j + 1) : null;
}

/** The name before the comma at `comma`, past one apposition ("Ramsey, now the majority leader, who"). */
function relativeAntecedent(tokens: Token[], comma: number): Token[] | null {
  const near = phraseEndingAt(tokens, comma - 1);
  if (near?.some((t) => t.cap && t !== near[0]) || (near?.length === 1 && near[0].cap)) return near;
  const start = near ? tokens.indexOf(near[0]) : -1;
  // "now the majority leader": an apposition, set off by commas; the name stands before it.
  let m = start - 1;
  while (m > 0 && tokens[m].word && comma - m < 12) m--;
  if (m <= 0 || tokens[m].text !== ',') return null;
  const name = phraseEndingAt(tokens, m - 1);
  return name?.some((t) => t.cap) ? name : null;
}

/** The subject of the clause a coordinated verb belongs to: the nearest pronoun or name before a verb. */
function clauseSubject(tokens: Token[], j: number): Token[] | null {
  for (let m = j - 1; m >= 0 && j - m < 30; m--) {
    const t = tokens[m];
    if (/^[.!?;:"“”]$/.test(t.text)) break;
    const next = tokens[m + 1];
    // "…, Suu Kyi, 70, said it was too early but added": a name opening its clause, then an apposition.
    if (t.cap && next?.text === ',') {
      const np = phraseEndingAt(tokens, m);
      const before = np ? tokens[tokens.indexOf(np[0]) - 1] : undefined;
      if (np?.some((w) => w.cap) && !before?.word) return np;
      continue;
    }
    // A subject opens its clause: after punctuation, not after a verb ("attacked Cruz and said").
    if (!t.word || !next?.word || next.cap || (m > 0 && tokens[m - 1].word)) continue;
    if (SUBJECT_PRONOUNS.has(t.lower) && t.lower !== 'i' && t.lower !== 'you') return [t];
    // "A spokesman for Platte River declined … but said": the clause's subject runs up to its first verb.
    const verb = tokens.findIndex((u, k) => k > m && k < j && u.word && !u.cap && isInflected(u.lower));
    const whole = t.cap && verb > m + 1 ? phraseEndingAt(tokens, verb - 1) : null;
    if (whole?.[0] === t && whole.some((w) => w.cap || isPersonRole(w.lower))) return whole;
    if (t.cap) {
      const np = phraseEndingAt(tokens, m);
      if (np?.some((w) => w.cap)) return np;
    }
  }
  return null;
}
