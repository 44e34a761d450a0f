// What a sentence says of its names, outside any one quote: who is used with a verb of saying (a
// speaker), which names of a title-case headline are names, a sentence's subject for a cue with no
// source of its own, and whether a quote sits inside the writer's sentence.
import {
  ARTICLES,
  AUXILIARIES,
  COORDINATORS,
  isAdverbWord,
  isInflected,
  isPersonRole,
  isSpeechVerb,
  MODIFIED_NOUNS,
  PLURAL_NOUNS,
  PREPOSITIONS,
  SHORT_TITLES,
  TITLES,
} from '../lexicon/index.js';
import type { Article, Sentence } from '../types.js';
import type { ArticleEntities, Entity } from './entities.js';
import type { Mention } from './mentions.js';
import { speechVerb, type Token, type TokenTable } from './tokens.js';
import { firstNotBefore } from './bisect.js';

/**
 * Names used as the subject or object of a verb of saying anywhere in the article ("Benjamin said he
 * believes …", "said Kassenova") are speakers: "he" can point back to them even without a title. Names
 * followed by an inflected verb or an auxiliary ("Carson defied", "Cruz has") act: a bare surname that
 * acts is likelier a person than a word the capitals made a name.
 */
export function markSpeakers(table: TokenTable, entities: ArticleEntities): void {
  const tokens = table.tokens;
  let k = 0;
  for (const { mention, entity } of entities.mentions) {
    if (mention.quoted || mention.possessive) continue;
    while (k < tokens.length && tokens[k].start < mention.end) k++;
    let after = k;
    while (after < tokens.length && tokens[after].word && isAdverbWord(tokens[after].lower)) after++;
    const next = tokens[after];
    let before = k - 1;
    while (before >= 0 && tokens[before].start >= mention.start) before--;
    const prev = tokens[before];
    if ((next?.word && !next.cap && speechVerb(next)) || (prev?.word && !prev.cap && speechVerb(prev)))
      entity.speaks = true;
    if (next?.word && !next.cap && acting(next.lower, after > k)) entity.acts = true;
    const age = ageAround(tokens, before, k);
    if (age) entity.age = age;
  }
}

/** "Derek Lyle, 52, …" (the tokens after the name) or "52-year-old Derek Lyle" (the token before it). */
function ageAround(tokens: Token[], before: number, after: number): number | undefined {
  const [comma, n, close] = [tokens[after], tokens[after + 1], tokens[after + 2]];
  if (comma?.text === ',' && n && /^\d{1,3}$/.test(n.text) && !close?.word) return Number(n.text);
  const lead = before >= 0 ? /^(\d{1,3})-year-old$/.exec(tokens[before].lower) : null;
  return lead ? Number(lead[1]) : undefined;
}

/** A verb after a name, not a noun the name modifies ("Trump supporters", "Smith campaign"). */
function acting(lower: string, adverb: boolean): boolean {
  if (AUXILIARIES.has(lower)) return true;
  if (MODIFIED_NOUNS.has(lower) || PLURAL_NOUNS.has(lower) || isPersonRole(lower) || PREPOSITIONS.has(lower))
    return false;
  return adverb || isInflected(lower);
}

// A headline in title case capitalises every word; only the names the story also uses are names there.
export function headlineNames(article: Article, mentions: Mention[]): Mention[] {
  const title = article.paragraphs[0];
  if (!title?.title) return mentions;
  const words = article.text
    .slice(title.start, title.end)
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  if (words.length < 4 || capitalised / words.length < 0.6) return mentions;
  const body = new Set(mentions.filter((m) => m.start >= title.end).flatMap((m) => m.words));
  return mentions.filter((m) => m.start >= title.end || m.words.every((w) => body.has(w)));
}

/** A role or title right after a name makes the name a modifier: "Trump spokeswoman", "Fight for $15 director". */
function modifierAfter(text: string, end: number): boolean {
  const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(end, end + 30))?.[1];
  return !!next && (isPersonRole(next) || TITLES.has(next) || MODIFIED_NOUNS.has(next));
}

/**
 * The subject of a sentence, for a participle or a colon with no subject of its own ("Romney went after
 * Trump, calling it …"): the first name before `before` that is not a modifier ("Republican candidate
 * Lindsey Graham"), not a place, and not the object of a verb or preposition ("in South Carolina").
 */
export function sentenceSubject(
  text: string,
  entities: ArticleEntities,
  sentence: Sentence,
  index: number,
  before: number,
): Entity | null {
  const { mentions } = entities;
  for (let k = firstNotBefore(mentions, (m) => m.mention.start < sentence.start); k < mentions.length; k++) {
    const { mention, entity } = mentions[k];
    if (mention.start >= sentence.end) break;
    if (mention.sentence !== index || mention.quoted) continue;
    if (mention.start > before) break;
    if (mention.possessive || entity.kind === 'place' || modifierAfter(text, mention.end)) continue;
    let lead = text.slice(sentence.start, mention.start);
    let prev = lastWord(lead);
    // "He urged Mr. Trump …": a title before the name is the name's; the word before the title decides.
    while (prev && SHORT_TITLES.has(prev.toLowerCase().replace(/\.$/, ''))) {
      lead = lead.slice(0, lead.lastIndexOf(prev));
      prev = lastWord(lead);
    }
    const opensClause =
      !lead.trim() ||
      /,\s*$/.test(lead) ||
      // "“…,” Carson told the AP after hinting …": the name right after a quote opens the writer's clause.
      /[,!?]\s*[”"]\s*$/.test(lead) ||
      /^\p{Lu}/u.test(prev) ||
      isPersonRole(prev) ||
      TITLES.has(prev.toLowerCase()) ||
      ARTICLES.has(prev.toLowerCase()) ||
      COORDINATORS.has(prev.toLowerCase()) ||
      prev === 'then' ||
      // "The paradox of Nancy, says Carl Anthony, …": the name after a cue set between commas is its subject.
      // A participle there (", saying Monday that") opens a clause of the subject before it instead.
      (/,\s*\p{Ll}+\s*$/u.test(lead) && isSpeechVerb(prev) && !prev.endsWith('ing'));
    // The object of a preposition ("in South Carolina", "for the Senate") is not the subject.
    const leadWords = lead.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    const last = leadWords.at(-1) ?? '';
    // Nor is the one a verb of saying is said to ("told the AP").
    const governed = (w: string | undefined) => !!w && (PREPOSITIONS.has(w) || (isSpeechVerb(w) && !w.endsWith('ing')));
    const afterComma = /,\s*\p{L}+\s*$/u.test(lead);
    const object = PREPOSITIONS.has(last) || (ARTICLES.has(last) && !afterComma && governed(leadWords.at(-2)));
    if (!opensClause || object) continue;
    const likely =
      entity.kind === 'person' ||
      entity.kind === 'org' ||
      entity.speaks ||
      (entity.kind === 'unknown' && entity.words.length > 1);
    return likely ? entity : null;
  }
  return null;
}

/**
 * "called the plan “a disaster”": the quote sits inside the writer's sentence. Not after a round-up's
 * byline ("“…” ― Jane Roe “…”"): a dash right after the quote before opens the name of its speaker.
 */
export function isMixed(pre: Token[]): boolean {
  if (pre.length && /^[-–—―]$|^--$/.test(pre[0].text)) return false;
  const last = pre.filter((t) => t.word).at(-1);
  const lastTok = pre.at(-1);
  return !!last && !!lastTok && lastTok.word && !speechVerb(last) && last.lower !== 'that' && last.lower !== 'and';
}

/** The last word of a stretch of text (with its periods and inner marks: "Mr.", "O’Rourke"), or ''. */
function lastWord(text: string): string {
  return /([\p{L}.’'-]+)[^\p{L}]*$/u.exec(text)?.[1] ?? '';
}
