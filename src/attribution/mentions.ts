// Names in an article: runs of capitalised words, with the titles before them ("Sen.", "Former
// minister") and the appositions after them (", an analyst at Carnegie Moscow,") that describe them.
import {
  ARTICLES,
  CHAMBER_RANKS,
  isDemonym,
  CHAMBERS,
  COMMON_CAPITALISED as COMMON,
  COURTESY_TITLES,
  isFirstName,
  isPersonRole,
  isPlace,
  NAME_PARTICLES as PARTICLES,
  NAME_SUFFIXES as SUFFIXES,
  ORG_LINKS,
  ORG_TITLE_WORDS,
  PAST_QUALIFIERS,
  ORG_WORDS,
  PREPOSITIONS,
  SHORT_TITLES,
  TITLES,
} from '../lexicon/index.js';
import { apposition, leadingRole, titleDescription } from './described.js';
import { speechVerb, type Token, type TokenTable, tokenIndex } from './tokens.js';

export interface Mention {
  start: number;
  end: number;
  /** The name as written, titles and possessive off ("Mukhtar Ablyazov"). */
  name: string;
  words: string[];
  /** Title words before the name ("President", "Sen."), as written. */
  titles: string[];
  kind: 'person' | 'org' | 'place' | 'unknown';
  possessive: boolean;
  /** After a preposition ("a photo of Heidi Cruz"): named as a thing is, not as one who acts. */
  governed: boolean;
  /** Inside a quotation: named by a speaker, so never the speaker of that quote. */
  quoted: boolean;
  /** Appositions and leading role phrases that describe the name. */
  descriptions: string[];
  /** Index of its sentence and paragraph in the article (set by the caller; -1 until then). */
  sentence: number;
  paragraph: number;
}

/** A line break in text[from, to), read in place: a slice for each gap between words was garbage. */
function newlineIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function isNameWord(t: Token): boolean {
  if (!t.word || !t.cap) return false;
  // /^\d/ by char code: asked of every capitalised token, twice.
  const c = t.text.charCodeAt(0);
  return !(c >= 48 && c <= 57);
}

// "von der Leyen": particles may chain before the name word they belong to.
function nameAfterParticles(tokens: Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && k - j < 3 && PARTICLES.has(tokens[k].lower)) k++;
  if (k === j) k++; // an org link ("of", "for") stands alone
  return k < tokens.length && isNameWord(tokens[k]);
}

/** Name mentions in an article's text. `quoted` ranges mark quotations. */
export function findMentions(table: TokenTable, quoted: Array<[number, number]>): Mention[] {
  const { text, tokens } = table;
  const out: Mention[] = [];
  const surnames = knownSurnames(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isNameWord(t)) {
      i++;
      continue;
    }
    const sentenceStart = i === 0 || /[.!?:"“”]/.test(tokens[i - 1].text);
    // Collect the capitalised run, with particles and org links inside it.
    let j = i;
    const run: Token[] = [];
    while (j < tokens.length) {
      const u = tokens[j];
      // A name never runs over a line break: "… in Brussels ¶ José Manuel Barroso" are two.
      if (run.length && newlineIn(text, tokens[j - 1].end, u.start)) break;
      if (isNameWord(u)) run.push(u);
      else if (run.length && (PARTICLES.has(u.lower) || ORG_LINKS.has(u.lower)) && nameAfterParticles(tokens, j))
        run.push(u);
      else break;
      // A possessive ends the name: "Nazarbaev’s grandson".
      if (/['’]s?$/.test(u.text) && u.text.length > 2) {
        j++;
        break;
      }
      j++;
    }
    // "Democratic National Committee Chairman Ed Rendell": an organisation, then a titled person.
    const lead = run.findIndex((u) => !COMMON.has(u.lower));
    const titled = run.findIndex(
      (u, k) =>
        k - lead >= 2 &&
        k < run.length - 1 &&
        TITLES.has(u.lower.replace(/\.$/, '')) &&
        run.slice(lead, k).some((w) => ORG_WORDS.has(w.lower) || isPlace([w.lower]) || /^[A-Z&]{2,6}$/.test(w.text)) &&
        !run.slice(lead, k).every((w) => CHAMBERS.has(w.lower) || TITLES.has(w.lower.replace(/\.$/, ''))),
    );
    if (titled > 0) {
      const org = toMention(text, tokens, run.slice(0, titled), sentenceStart, quoted, surnames);
      if (org) out.push(org);
      i += titled;
      continue;
    }
    // "Meenakshi Ganguly of Human Rights Watch": a person, then their organisation — two names.
    // "Sen. Sherrod Brown of Ohio" stays whole: a place after a title is how the US press writes the name.
    const link = run.findIndex((u, k) => k > 0 && (u.lower === 'of' || u.lower === 'for'));
    const titledPlace = link > 0 && isTitleToken(run[0]) && isPlace(run.slice(link + 1).map((u) => u.lower));
    if (link > 0 && !titledPlace && personLike(run.slice(0, link))) {
      j = i + link;
      run.length = link;
    }
    const mention = toMention(text, tokens, run, sentenceStart, quoted, surnames);
    if (mention) out.push(mention);
    i = Math.max(j, i + 1);
  }
  return sharedSurnames(text, out);
}

/** "Sarah and James Okoro": the given name before "and" takes the surname after it (Sarah Okoro). */
function sharedSurnames(text: string, mentions: Mention[]): Mention[] {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const [m, n] = [mentions[k], mentions[k + 1]];
    if (m.words.length !== 1 || m.possessive || !isFirstName(m.words[0])) continue;
    if (n.words.length < 2 || !isFirstName(n.words[0]) || !/^\s+and\s+$/.test(text.slice(m.end, n.start))) continue;
    const surname = n.name.split(' ').slice(1).join(' ');
    m.name = `${m.name} ${surname}`;
    m.words = [m.words[0], ...n.words.slice(1)];
    m.kind = 'person';
    n.kind = 'person';
  }
  return mentions;
}

/** "Juanita Broaddrick, who said …": only people are "who". */
function relative(tokens: Token[], k: number): boolean {
  return tokens[k + 1]?.text === ',' && tokens[k + 2]?.lower === 'who';
}

function personLike(part: Token[]): boolean {
  // "Insp Grace Okafor of Kent Police", "Dr Obi of the clinic": a title before a name says a person.
  let k = 0;
  while (k < part.length - 1 && TITLES.has(part[k].lower.replace(/\.$/, ''))) k++;
  const name = part.slice(k);
  if (name.some((t) => ORG_WORDS.has(t.lower.replace(/['’]s$/, '')) || TITLES.has(t.lower.replace(/\.$/, ''))))
    return false;
  return isFirstName(name[0].lower) || name.length >= 2 || k > 0;
}

/**
 * Surnames the article gives with a given name ("Ken Doctor"): alone and inside a sentence, such a word
 * is that person even when it is also a common word ("says Doctor").
 */
function knownSurnames(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let k = 1; k < tokens.length; k++) {
    if (isNameWord(tokens[k]) && isNameWord(tokens[k - 1]) && isFirstName(tokens[k - 1].lower))
      out.add(tokens[k].lower);
  }
  return out;
}

// Helpers of toMention at module level: a closure made for every run of capitals costs more than its work.
const isTitleToken = (t: Token | undefined) => !!t && TITLES.has(t.lower.replace(/\.$/, '')) && t.lower !== 'house';
const isChamber = (t: Token | undefined) => !!t && CHAMBERS.has(t.lower);
const placeOf = (words: Token[], n: number) => isPlace(words.slice(0, n).map((w) => w.lower));

/** "Vermont Sen. Bernie Sanders", "New York Gov. Andrew Cuomo": the words of a place before a title, or 0. */
function placeBeforeTitle(words: Token[]): number {
  for (const n of [2, 1]) if (words.length > n + 1 && placeOf(words, n) && isTitleToken(words[n])) return n;
  // "Health Secretary Wes Streeting", "Labour Leader Keir Starmer": the office's portfolio before its title.
  if (
    words.length > 2 &&
    isTitleToken(words[1]) &&
    !COURTESY_TITLES.has(words[1].lower.replace(/\.$/, '')) &&
    !isTitleToken(words[0]) &&
    !isFirstName(words[0].lower) &&
    !isFirstName(words[1].lower) &&
    !words.some((w) => ORG_WORDS.has(w.lower))
  )
    return 1;
  return 0;
}

/**
 * "Forecaster Bilal Chaudry", "Manager Ruth Abernethy": a role noun capitalised at a sentence's start or after
 * a comma, then a given name and a surname. The role describes the person; it is no part of the name.
 */
function roleBeforeName(words: Token[], tokens: Token[], text: string): boolean {
  const [role, ...rest] = words;
  if (rest.length < 2 || rest.length > 3 || !isPersonRole(role.lower) || isFirstName(role.lower)) return false;
  // Capitalised inside a sentence, the word belongs to a name ("the Witness Protection Programme").
  const before = tokens[tokenIndex(tokens, role) - 1];
  const opens = !before || /^[.!?:;,"“”‘’()–—]$/.test(before.text) || newlineIn(text, before.end, role.start);
  if (!opens) return false;
  const lower = rest.map((w) => w.lower);
  return (
    (isFirstName(lower[0]) || rest.length === 2) &&
    !lower.some((w) => ORG_WORDS.has(w) || COMMON.has(w) || ORG_LINKS.has(w) || TITLES.has(w)) &&
    !isPlace([lower[0]]) &&
    !isPlace(lower)
  );
}

function toMention(
  text: string,
  tokens: Token[],
  run: Token[],
  sentenceStart: boolean,
  quoted: Array<[number, number]>,
  surnames: Set<string>,
): Mention | null {
  let words = run.slice();
  // Ordinary words capitalised by position ("Meanwhile Russia", "The Farnesina") are not the name.
  // "Continued Stone: …" opens with a verb; "Read said" is a man called Read.
  const surname = run.length === 1 && !sentenceStart && surnames.has(run[0].lower);
  // "Doctors for Fair Care", "Students for Peace": a common word opening a name joined by "for" or "of" is
  // part of it.
  const joined = words.length >= 3 && ORG_LINKS.has(words[1].lower) && !sentenceStart;
  const nameEndAt = tokenIndex(tokens, run[run.length - 1]);
  // "He Jianxiong, the former director, said", "He Lifeng said": the Chinese surname He before a given name.
  const after = tokens[nameEndAt + 1];
  const he =
    words.length === 2 &&
    words[0].lower === 'he' &&
    !COMMON.has(words[1].lower) &&
    !speechVerb(words[1]) &&
    (after?.text === ',' || (!!after?.word && !after.cap && speechVerb(after)));
  while (
    words.length &&
    !surname &&
    !joined &&
    !he &&
    (COMMON.has(words[0].lower) ||
      (sentenceStart && words[0] === run[0] && words.length > 1 && speechVerb(words[0]))) &&
    !TITLES.has(words[0].lower) &&
    !placeOf(words, 2) &&
    !placeOf(words, 3)
  )
    words.shift();
  const titles: Token[] = [];
  // "Senate Foreign Relations Committee", "National First Ladies Library": a run that ends in a word for a
  // body is that body's name, and the title words in it are part of the name.
  const body = ORG_WORDS.has(words.at(-1)?.lower ?? '');
  while (body && words.length > 1 && PAST_QUALIFIERS.has(words[0].lower)) titles.push(words.shift()!);
  // "Sen. Ted Cruz", "US Senator Jeff Sessions", "Foreign Minister of Kazakhstan": titles, not name.
  // "House Speaker Paul Ryan", "Senate Majority Leader Mitch McConnell": the chamber is part of the title.
  // "Former Pennsylvania Gov. Ed Rendell": a place may stand after a qualifier of the title too.
  while (!body) {
    const place = placeBeforeTitle(words);
    if (place > 0) titles.push(...words.splice(0, place));
    else if (
      words.length > 1 &&
      (isTitleToken(words[0]) ||
        ((/^[A-Z.]{2,4}$/.test(words[0].text) || isChamber(words[0])) && isTitleToken(words[1])) ||
        (isChamber(words[0]) && CHAMBER_RANKS.has(words[1].lower)) ||
        roleBeforeName(words, tokens, text))
    )
      titles.push(words.shift()!);
    else break;
  }
  if (titles.length && words.length && ORG_LINKS.has(words[0].lower)) {
    // "President of Kazakhstan Kassym-Zhomart Tokayev": a title phrase, then perhaps a name at its end.
    const rest = words.slice(1);
    if (rest.length < 3) return null;
    titles.push(...words.slice(0, words.length - 2));
    words = words.slice(-2);
  }
  while (words.length && ORG_LINKS.has(words[0].lower)) words.shift();
  while (words.length && ORG_LINKS.has(words[words.length - 1].lower)) words.pop();
  // "former Pennsylvania Gov. and …": a title ending the run belongs to a name that never came.
  while (words.length > 1 && SHORT_TITLES.has(words[words.length - 1].lower.replace(/\.$/, ''))) words.pop();
  if (!words.length) return null;
  if (words.length === 1 && COMMON.has(words[0].lower) && !surname) return null;
  // "Delegates said": a plural noun for people, capitalised by its place, is no one's name.
  if (words.length === 1 && sentenceStart && words[0].lower.endsWith('s') && isPersonRole(words[0].lower)) return null;
  // "Growing up in El Paso, Mendoza …": a participle opening the sentence, not a name ("Manning said" is).
  if (
    words.length === 1 &&
    sentenceStart &&
    /ing$/.test(words[0].lower) &&
    after?.word &&
    !after.cap &&
    !speechVerb(after)
  )
    return null;
  // "CONGRESS HAS INVESTIGATED HIM —": a heading in capitals, not a name.
  if (words.length >= 3 && words.every((w) => /^[\p{Lu}\p{N}.&'’-]+$/u.test(w.text) && /\p{Lu}\p{Lu}/u.test(w.text)))
    return null;
  const last = words[words.length - 1];
  const possessive = /['’]s?$/.test(last.text);
  const names = words.map((w, k) => (k === words.length - 1 ? w.text.replace(/['’]s?$/, '') : w.text)).filter(Boolean);
  const lowerWords = names.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const isOrg =
    lowerWords.some((w) => ORG_WORDS.has(w)) ||
    (names.length <= 2 && names.every((w) => /^[A-Z&.-]{2,6}$/.test(w))) ||
    (lowerWords.some((w, k) => k > 0 && ORG_LINKS.has(w)) && !isFirstName(lowerWords[0]));
  const described = apposition(text, tokens, nameEndAt + 1, isOrg ? 'org' : 'unknown');
  // Where the name starts, titles included.
  const nameStartAt = tokenIndex(tokens, words[0]) - titles.length;
  const leading = leadingRole(tokens, nameStartAt);
  // A person needs evidence: a title, a known given name, or a description naming a role.
  const personish =
    titles.some((t) => !ORG_TITLE_WORDS.has(t.lower) && !ARTICLES.has(t.lower)) ||
    (names.length >= 2 && isFirstName(lowerWords[0])) ||
    described.length > 0 ||
    leading.length > 0;
  if (!lowerWords.some((w) => !SUFFIXES.has(w))) return null;
  const start = words[0].start;
  const end = possessive ? last.start + names[names.length - 1].length : last.end;
  // "Manchester United", "Texas Tribune": a place and more words name a team or a body, not a person;
  // "Palestinian" alone is a nationality.
  const placeFirst =
    names.length >= 2 && isPlace([lowerWords[0]]) && !isPlace(lowerWords) && !isFirstName(lowerWords[0]) && !personish;
  const kind: Mention['kind'] =
    isOrg || placeFirst
      ? 'org'
      : isPlace(lowerWords) || (names.length === 1 && isDemonym(lowerWords[0]))
        ? 'place'
        : personish || relative(tokens, nameEndAt)
          ? 'person'
          : 'unknown';
  const descriptions = isOrg ? [] : [...titleDescription(titles), ...leading, ...described];
  return {
    start,
    end,
    // "James Kennedy Jr.": the suffix stays in the name as written, not among the words that match it.
    name: names.join(' '),
    words: lowerWords.filter((w) => !SUFFIXES.has(w)),
    titles: titles.map((t) => t.text),
    kind,
    possessive,
    governed: PREPOSITIONS.has(tokens[nameStartAt - 1]?.lower ?? ''),
    quoted: quoted.some(([a, b]) => start >= a && end <= b),
    descriptions,
    sentence: -1,
    paragraph: -1,
  };
}
