// What the words around a name say of the person: the titles before it ("Sen." spelled "Senator"), a role
// phrase before it ("the former president"), and an apposition after it (", an analyst at Carnegie Moscow,").
import {
  AFFILIATION,
  ARTICLES,
  COORDINATORS,
  COURTESY_TITLES,
  isPersonRole,
  POSSESSIVES,
  PREPOSITIONS,
  RELATIVES,
  SETTING_PREPOSITIONS,
  spellTitle,
  SUBORDINATORS,
  TITLES,
} from '../lexicon/index.js';
import type { Mention } from './mentions.js';
import { speechVerb, type Token } from './tokens.js';

// "Sen." and "Senator" describe alike: a description spells its title out.
export function titleDescription(titles: Token[]): string[] {
  const words = titles.filter((t) => !ARTICLES.has(t.lower) && t.lower !== 'former' && t.lower !== 'late');
  if (!words.length || !titles.some((t) => !COURTESY_TITLES.has(t.lower.replace(/\.$/, '')))) return [];
  return [titles.map((t) => spellTitle(t.text)).join(' ')];
}

// A role phrase read backwards stops at a word that cannot be in it: a preposition, a conjunction, a verb.
const stopsRole = (t: Token) =>
  PREPOSITIONS.has(t.lower) || SUBORDINATORS.has(t.lower) || t.lower === 'that' || speechVerb(t);

// "Former minister and former banker Mukhtar Ablyazov", "the former president Nursultan Nazarbayev":
// the role phrase right before a name, read backwards to its determiner or to a preposition.
export function leadingRole(tokens: Token[], at: number): string[] {
  const words: Token[] = [];
  // "Its chief executive, Dr Amara Obi,": a role set before the name with a comma, opened by a determiner
  // or the sentence.
  const comma = tokens[at - 1]?.text === ',';
  let opened = false;
  for (let k = at - (comma ? 2 : 1); k >= 0 && words.length < 7; k--) {
    const t = tokens[k];
    if (!t.word || stopsRole(t)) break;
    const starts = k === 0 || /[.!?]/.test(tokens[k - 1]?.text ?? '.');
    if (t.cap && !TITLES.has(t.lower) && !starts) break;
    words.unshift(t);
    opened = starts;
    if (ARTICLES.has(t.lower) || POSSESSIVES.has(t.lower)) {
      opened = true;
      break;
    }
  }
  while (words.length && words[0].lower === 'and') words.shift();
  if (!words.length || !isPersonRole(words[words.length - 1].lower) || (comma && !opened)) return [];
  return [words.map((w) => w.text).join(' ')];
}

// ", an analyst at Carnegie Moscow," / " (D-N.Y.)" / ", researcher at Harvard University’s Davis Center".
export function apposition(text: string, tokens: Token[], k: number, kind: Mention['kind']): string[] {
  if (kind === 'org' || k >= tokens.length) return [];
  const open = tokens[k].text;
  if (open !== ',' && open !== '(') return [];
  const words: Token[] = [];
  let j = k + 1;
  while (j < tokens.length && words.length < 18) {
    const t = tokens[j];
    // "research director of gaming VR/AR at …", "head of mergers & acquisitions": marks inside a description.
    if (!t.word && t.text !== '’' && t.text !== "'" && t.text !== '-' && t.text !== '/' && t.text !== '&') break;
    words.push(t);
    j++;
  }
  const closed = j < tokens.length ? tokens[j].text : '.';
  if (!words.length || !/[,.)]|;|[–—]/.test(closed) || COORDINATORS.has(words[0].lower)) return [];
  // An apposition describes a person: its head noun (before "at", "of", "in"…) names a role.
  const cut = words.findIndex(
    (w, n) => n > 0 && (SETTING_PREPOSITIONS.has(w.lower) || AFFILIATION.has(w.lower) || w.lower === 'and'),
  );
  const head = words[(cut > 0 ? cut : words.length) - 1];
  const party = /^[RDI]-[A-Z]/.test(words[0].text);
  const describes =
    isPersonRole(head.lower) || TITLES.has(head.lower) || party || (open === '(' && words.length <= 3 && party);
  if (!describes || words.some((w) => speechVerb(w) || RELATIVES.has(w.lower))) return [];
  return [text.slice(words[0].start, words[words.length - 1].end)];
}
