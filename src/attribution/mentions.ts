// Names in an article: runs of capitalised words, with the titles before them ("Sen.", "Former
// minister") and the appositions after them (", an analyst at Carnegie Moscow,") that describe them.
import { naturalStopwords } from '../text/natural.js';
import { isFirstName } from './firstnames.js';
import { isPersonRole, isSpeechVerb, TITLES } from './lexicon.js';
import { isPlace } from './places.js';
import type { Token, TokenTable } from './tokens.js';

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
  /** Inside a quotation: named by a speaker, so never the speaker of that quote. */
  quoted: boolean;
  /** Appositions and leading role phrases that describe the name. */
  descriptions: string[];
  /** Index of its sentence and paragraph in the article (set by the caller; -1 until then). */
  sentence: number;
  paragraph: number;
}

const PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'di', 'y', 'ibn', 'abu', 'st.']);
const ORG_LINKS = new Set(['of', 'for', '&']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const ORG_WORDS = new Set(`department ministry committee party council commission union university center centre institute
 foundation association campaign times post news network agency office bureau corporation corp inc group bank court
 senate house congress administration government consulate embassy service fund organization organisation
 coalition alliance journal magazine press club company co llc church school college board authority police army
 forces movement reuters ap afp cnn abc nbc cbs fox msnbc bbc npr pac super-pac caucus federation league
 tribune herald gazette daily weekly review foundation trust commission council cabinet parliament assembly
 farnesina kremlin pentagon whitehouse dpa ansa tass interfax xinhua politico breitbart huffpost`.split(/\s+/).filter(Boolean));

// Capitalised at the start of a sentence, but ordinary words, not names.
const COMMON = new Set([
  ...naturalStopwords,
  ...`however meanwhile moreover still yet also although though while when where after before since because
  as if then thus so but and or nor for according asked speaking recalling finally later earlier last next first
  second third one two three many some several most few both each every all no not never even only just indeed
  instead already now today yesterday tomorrow tonight here there this that these those such other another
  former latter new old said says say told tells asked asks added adding noted wrote writes calling called
  in on at by with from into over under about against between among through during without within across
  behind beyond near like unlike despite until unless whether whose whom which what who why how perhaps maybe
  sources source officials supporters critics democrats republicans americans voters analysts experts
  sen rep gov dr mr mrs ms president senator governor secretary minister monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october november
  december jan feb mar apr jun jul aug sep sept oct nov dec republican republicans democrat democrats democratic
  gop conservative conservatives liberal liberals libertarian progressive progressives independent
  resident residents witness witnesses neighbour neighbor neighbours neighbors shopkeeper shopper shoppers
  student students teacher teachers nurse nurses doctor doctors farmer farmers worker workers driver drivers
  passenger passengers fan fans parent parents local locals tourist tourists protester
  protesters activist activists survivor survivors victim victims owner owners customer customers
  commuter commuters volunteer volunteers veteran veterans retiree pensioner`.split(/\s+/),
]);

function isNameWord(t: Token): boolean {
  return t.word && t.cap && !/^\d/.test(t.text);
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
      if (run.length && text.slice(tokens[j - 1].end, u.start).includes('\n')) break;
      if (isNameWord(u)) run.push(u);
      else if (run.length && (PARTICLES.has(u.lower) || ORG_LINKS.has(u.lower)) && nameAfterParticles(tokens, j)) run.push(u);
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
    const titled = run.findIndex((u, k) => k - lead >= 2 && k < run.length - 1 && TITLES.has(u.lower.replace(/\.$/, '')) &&
      run.slice(lead, k).some((w) => ORG_WORDS.has(w.lower) || isPlace([w.lower])) &&
      !run.slice(lead, k).every((w) => /^(house|senate|state|congressional|assembly)$/.test(w.lower) || TITLES.has(w.lower.replace(/\.$/, ''))));
    if (titled > 0) {
      const org = toMention(text, tokens, run.slice(0, titled), sentenceStart, quoted);
      if (org) out.push(org);
      i = tokens.indexOf(run[titled]);
      continue;
    }
    // "Meenakshi Ganguly of Human Rights Watch": a person, then their organisation — two names.
    const link = run.findIndex((u, k) => k > 0 && (u.lower === 'of' || u.lower === 'for'));
    if (link > 0 && personLike(run.slice(0, link))) {
      j = tokens.indexOf(run[link]);
      run.length = link;
    }
    const mention = toMention(text, tokens, run, sentenceStart, quoted);
    if (mention) out.push(mention);
    i = Math.max(j, i + 1);
  }
  return out;
}

/** "Juanita Broaddrick, who said …": only people are "who". */
function relative(tokens: Token[], k: number): boolean {
  return tokens[k + 1]?.text === ',' && tokens[k + 2]?.lower === 'who';
}

function personLike(part: Token[]): boolean {
  if (part.some((t) => ORG_WORDS.has(t.lower.replace(/['’]s$/, '')) || TITLES.has(t.lower.replace(/\.$/, '')))) return false;
  return isFirstName(part[0].lower) || part.length >= 2;
}

function toMention(text: string, tokens: Token[], run: Token[], sentenceStart: boolean, quoted: Array<[number, number]>): Mention | null {
  let words = run.slice();
  // Ordinary words capitalised by position ("Meanwhile Russia", "The Farnesina") are not the name.
  // "Continued Stone: …" opens with a verb; "Read said" is a man called Read.
  const verbFirst = (k: number) => sentenceStart && words[k] === run[0] && words.length > 1 && isSpeechVerb(words[0].lower);
  while (words.length && (COMMON.has(words[0].lower) || verbFirst(0)) && !TITLES.has(words[0].lower) &&
    !isPlace(words.slice(0, 2).map((w) => w.lower)) && !isPlace(words.slice(0, 3).map((w) => w.lower))) words.shift();
  const titles: Token[] = [];
  const isTitle = (t: Token | undefined) => !!t && TITLES.has(t.lower.replace(/\.$/, '')) && t.lower !== 'house';
  // "Sen. Ted Cruz", "US Senator Jeff Sessions", "Foreign Minister of Kazakhstan": titles, not name.
  // "House Speaker Paul Ryan", "Senate Majority Leader Mitch McConnell": the chamber is part of the title.
  const chamber = (t: Token | undefined) => !!t && /^(house|senate|state|congressional|assembly)$/.test(t.lower);
  // "Vermont Sen. Bernie Sanders", "New York Gov. Andrew Cuomo": a place before a title is part of it.
  const placeBefore = () => [2, 1].find((n) => words.length > n + 1 && isPlace(words.slice(0, n).map((w) => w.lower)) && isTitle(words[n])) ?? 0;
  for (let n = placeBefore(); n > 0; n = placeBefore()) titles.push(...words.splice(0, n));
  while (words.length > 1 && (isTitle(words[0]) || ((/^[A-Z.]{2,4}$/.test(words[0].text) || chamber(words[0])) && isTitle(words[1])) ||
    (chamber(words[0]) && /^(majority|minority)$/i.test(words[1].text)))) titles.push(words.shift()!);
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
  while (words.length > 1 && /^(gov|sen|rep|gen|lt|col|dr|mr|mrs|ms|st|sgt|capt|adm|maj)\.?$/.test(words[words.length - 1].lower)) words.pop();
  if (!words.length) return null;
  if (words.length === 1 && COMMON.has(words[0].lower)) return null;
  // "CONGRESS HAS INVESTIGATED HIM —": a heading in capitals, not a name.
  if (words.length >= 3 && words.every((w) => /^[\p{Lu}\p{N}.&'’-]+$/u.test(w.text) && /\p{Lu}\p{Lu}/u.test(w.text))) return null;
  const last = words[words.length - 1];
  const possessive = /['’]s?$/.test(last.text);
  const names = words.map((w, k) => (k === words.length - 1 ? w.text.replace(/['’]s?$/, '') : w.text)).filter(Boolean);
  const lowerWords = names.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const isOrg = lowerWords.some((w) => ORG_WORDS.has(w)) || (names.length <= 2 && names.every((w) => /^[A-Z&.-]{2,6}$/.test(w)));
  const nameEndAt = tokens.indexOf(run[run.length - 1]);
  const described = apposition(text, tokens, nameEndAt + 1, isOrg ? 'org' : 'unknown');
  const leading = leadingRole(tokens, tokens.indexOf(words[0]) - titles.length);
  // A person needs evidence: a title, a known given name, or a description naming a role.
  const personish = titles.some((t) => !/^(former|the|state|foreign|high|first)$/i.test(t.lower)) ||
    (names.length >= 2 && isFirstName(lowerWords[0])) || described.length > 0 || leading.length > 0;
  if (!lowerWords.some((w) => !SUFFIXES.has(w))) return null;
  const start = words[0].start;
  const end = possessive ? last.start + names[names.length - 1].length : last.end;
  const kind: Mention['kind'] = isOrg ? 'org' : isPlace(lowerWords) ? 'place' : personish || relative(tokens, nameEndAt) ? 'person' : 'unknown';
  const descriptions = isOrg ? [] : [...titleDescription(titles), ...leading, ...described];
  return {
    start,
    end,
    name: names.filter((w) => !SUFFIXES.has(w.toLowerCase())).join(' '),
    words: lowerWords.filter((w) => !SUFFIXES.has(w)),
    titles: titles.map((t) => t.text),
    kind,
    possessive,
    quoted: quoted.some(([a, b]) => start >= a && end <= b),
    descriptions,
    sentence: -1,
    paragraph: -1,
  };
}

// "Sen." and "Senator" describe alike: a description spells its title out.
const SPELLED: Record<string, string> = {
  sen: 'Senator', rep: 'Representative', gov: 'Governor', gen: 'General', lt: 'Lieutenant', col: 'Colonel', sgt: 'Sergeant',
  capt: 'Captain', adm: 'Admiral', maj: 'Major', rev: 'Reverend', pres: 'President', atty: 'Attorney', amb: 'Ambassador',
  supt: 'Superintendent', del: 'Delegate', prof: 'Professor',
};

function titleDescription(titles: Token[]): string[] {
  const words = titles.map((t) => t.text).filter((w) => !/^(the|former|late)$/i.test(w));
  if (!words.length || !titles.some((t) => !/^(mr|mrs|ms|dr)\.?$/i.test(t.text))) return [];
  return [titles.map((t) => SPELLED[t.lower.replace(/\.$/, '')] ?? t.text).join(' ')];
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'former']);
const STOPS_BEFORE = new Set(['of', 'for', 'to', 'by', 'with', 'from', 'at', 'in', 'on', 'as', 'that', 'while', 'when', 'said', 'says', 'told']);

// "Former minister and former banker Mukhtar Ablyazov", "the former president Nursultan Nazarbayev":
// the role phrase right before a name, read backwards to its determiner or to a preposition.
function leadingRole(tokens: Token[], at: number): string[] {
  const words: Token[] = [];
  for (let k = at - 1; k >= 0 && words.length < 7; k--) {
    const t = tokens[k];
    if (!t.word || STOPS_BEFORE.has(t.lower)) break;
    if (t.cap && !TITLES.has(t.lower) && k !== 0 && !/[.!?]/.test(tokens[k - 1]?.text ?? '.')) break;
    words.unshift(t);
    if (DETERMINERS.has(t.lower) && t.lower !== 'former') break;
  }
  while (words.length && words[0].lower === 'and') words.shift();
  if (!words.length || !isPersonRole(words[words.length - 1].lower)) return [];
  return [words.map((w) => w.text).join(' ')];
}

// ", an analyst at Carnegie Moscow," / " (D-N.Y.)" / ", researcher at Harvard University’s Davis Center".
function apposition(text: string, tokens: Token[], k: number, kind: Mention['kind']): string[] {
  if (kind === 'org' || k >= tokens.length) return [];
  const open = tokens[k].text;
  if (open !== ',' && open !== '(') return [];
  const words: Token[] = [];
  let j = k + 1;
  while (j < tokens.length && words.length < 18) {
    const t = tokens[j];
    if (!t.word && t.text !== '’' && t.text !== "'" && t.text !== '-') break;
    words.push(t);
    j++;
  }
  const closed = j < tokens.length ? tokens[j].text : '.';
  if (!words.length || !/[,.)]|;|[–—]/.test(closed) || /^(and|or|but|nor)$/.test(words[0].lower)) return [];
  // An apposition describes a person: its head noun (before "at", "of", "in"…) names a role.
  const cut = words.findIndex((w, n) => n > 0 && /^(at|of|for|in|from|with|on|to|and)$/.test(w.lower));
  const head = words[(cut > 0 ? cut : words.length) - 1];
  const party = /^[RDI]-[A-Z]/.test(words[0].text);
  const describes = isPersonRole(head.lower) || TITLES.has(head.lower) || party || (open === '(' && words.length <= 3 && party);
  if (!describes || words.some((w) => /^(said|says|told|asked|added|who|which|that)$/.test(w.lower))) return [];
  return [text.slice(words[0].start, words[words.length - 1].end)];
}
