// Question forms beyond "who said …" and "what did X say …": other openings of a who-said question
// (who doesn't think, did anyone say, which economist warned, who implored), questions about a subject
// ("quotes about Y", "reactions to Y") and checks of a quote ("Did X say Y?").
import {
  ANYONE,
  ARTICLES,
  AUDIENCES,
  AUXILIARIES,
  COORDINATORS,
  DEMONSTRATIVES,
  DENIALS,
  GENERIC_PERSON_NOUNS,
  POSSESSIVES,
  PREPOSITIONS,
  QUESTION_IRREGULAR_PAST,
  SAY_VERBS,
  STANCE_PREPOSITIONS,
  TOPIC_NOUNS,
  union,
  VERIFY_VERBS as VERIFY_VERB_LIST,
  WHAT_VERBS,
} from '../lexicon/index.js';
import { senses } from './wordnet.js';
import { cleanSnippet, cleanTopic, trimName } from './clean.js';

export interface WhoSaid {
  snippet: string;
  role?: string;
  negated?: boolean;
}

/** A subject is a few words, not a clause or quoted words (those are a who-said snippet). */
export const NOT_A_SUBJECT = /["“”‘’«»„]|\b(?:that|saying|said|says|is|are|was|were|will|would|has|have|had)\b/i;
export const MAX_SUBJECT_WORDS = 8;

const alt = (words: readonly string[]) => `(?:${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
export const SAY_VERB_SET = new Set(SAY_VERBS);
const SAY = alt(SAY_VERBS);
const WHAT = alt(WHAT_VERBS);
const AUDIENCE = alt(AUDIENCES);
const NEGATION = `(?:${DENIALS.map((n) => n.replace(/'/g, "['’]")).join('|')})`;
const ANYONE_ALT = alt(ANYONE);
const ADVERBS = String.raw`(?:(?:ever|actually|really|else|also|once|publicly)\s+)*`;

// Function words, and words in -s that are no verb ("news", "always"): "who <word> …" asks no who-said.
const NOT_A_VERB = union(
  [AUXILIARIES, ARTICLES, DEMONSTRATIVES, POSSESSIVES, PREPOSITIONS, COORDINATORS],
  'else us as news politics plus physics always perhaps also ever never really actually',
);

// "Who doesn't think …", "who never said …"
const WHO_NEGATED = new RegExp(
  String.raw`^who\s+${NEGATION}\s+(?:really\s+|actually\s+)?([\p{Ll}]+)\s+(?:that\s+)?(.+)$`,
  'iu',
);
// "Did anyone say …", "has anybody claimed …"
const ANYONE_SAID = new RegExp(
  String.raw`^(?:did|has|have|does|do|had)\s+${ANYONE_ALT}\s+${ADVERBS}(${WHAT})\s+(?:that\s+)?(.+)$`,
  'i',
);
// "Which economist warned …", "which Steelers player said …", "which of the lawyers said …": one to four
// words of role, then a verb.
const WHICH_ROLE = new RegExp(
  String.raw`^which\s+(?:of\s+(?:the|these|those|our|their)\s+)?((?:[\p{L}\p{N}'’.&-]+\s+){0,3}?[\p{L}\p{N}'’.&-]+)\s+` +
    String.raw`(?:(?:has|had|did|was|is|once|also|actually|really)\s+)*` +
    String.raw`(${SAY}|[\p{Ll}]+ed|[\p{Ll}]+s)\s+(?:that\s+)?(.+)$`,
  'iu',
);
// "Who was complaining that …": a verb in -ing after who is / who was.
const WHO_DOING =
  /^[Ww]ho\s+(?:is|was|are|were|has been|had been)\s+(?:(?:also|actually|really)\s+)?([\p{Ll}]{3,}ing)\s+(.+)$/u;
// "Who is worried about inflation?", "who was against the deal": a stance (an adjective, not a noun: "who is
// president of France" asks who someone is) and what it is about.
const WHO_STANCE = new RegExp(
  String.raw`^who(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+seems|\s+seemed)\s+` +
    String.raw`(?:(?:also|more|most|less|least|very|so|really|still|particularly|deeply)\s+)?([\p{Ll}]+)\s+(.+)$`,
  'u',
);
const STANCE_OBJECT = /^(?:about|of|with|over|on|by|that|to|at|against|for|behind)\s/i;
// "Who implored …", "who hoped …": any verb after who.
const WHO_VERB = /^[Ww]ho\s+(?:(?:also|once|actually|really|first|publicly)\s+)*([\p{Ll}]+)\s+(.+)$/u;
/** Generic person words say nothing of who ("which person said"); "which economist" does. */
const PERSON_WORD = new RegExp(`^${alt(GENERIC_PERSON_NOUNS)}$`, 'i');
/** "which officials are quoted": not a who-said. */
const COPULA = /^(?:is|are|was|were)$/i;

/** The kind of person a "which <role> said …" question asks about, unless it is any person. */
export function roleAsked(plain: string): string | undefined {
  const which = WHICH_ROLE.exec(plain);
  return which && !PERSON_WORD.test(which[1]) ? which[1] : undefined;
}

/** Who-said questions that open otherwise than "who said": negated, "did anyone", "which X", any verb. */
export function otherWhoSaid(plain: string): WhoSaid | null {
  const negated = WHO_NEGATED.exec(plain);
  if (negated) return { snippet: cleanSnippet(saidWords(negated[1], negated[2])), negated: true };
  const anyone = ANYONE_SAID.exec(plain);
  if (anyone && !/^(?:anything|something|nothing|much|a lot)\b/i.test(anyone[2])) {
    return { snippet: cleanSnippet(saidWords(anyone[1], anyone[2])) };
  }
  const which = WHICH_ROLE.exec(plain);
  if (which && !COPULA.test(which[2])) {
    const role = roleAsked(plain);
    return { snippet: cleanSnippet(saidWords(which[2], which[3])), ...(role ? { role } : {}) };
  }
  const stance = WHO_STANCE.exec(plain);
  if (stance && isStance(stance[1], stance[2])) return { snippet: cleanSnippet(`${stance[1]} ${stance[2]}`) };
  const doing = WHO_DOING.exec(plain);
  if (doing && doing[2].split(/\s+/).length >= 2) return { snippet: cleanSnippet(saidWords(doing[1], doing[2])) };
  const verb = WHO_VERB.exec(plain);
  if (verb && looksLikeVerb(verb[1]) && verb[2].split(/\s+/).length >= 2) {
    return { snippet: cleanSnippet(saidWords(verb[1], verb[2])) };
  }
  return null;
}

/** A stance preposition ("against the deal"), or an adjective WordNet knows as no noun ("worried about"). */
function isStance(word: string, rest: string): boolean {
  if (STANCE_PREPOSITIONS.includes(word)) return true;
  return STANCE_OBJECT.test(rest) && senses(word, 'a').length > 0 && senses(word, 'n').length === 0;
}

function looksLikeVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_A_VERB.has(w)) return false;
  return SAY_VERB_SET.has(w) || QUESTION_IRREGULAR_PAST.has(w) || /[^e]ed$|ied$|eed$|[^s]s$|ches$|shes$|sses$/.test(w);
}

/** The words asked about: a verb of saying says nothing of them; another verb ("threatened") may. */
function saidWords(verb: string, rest: string): string {
  const saying = SAY_VERB_SET.has(verb.toLowerCase()) || /^(?:say|tell|claim|state|think|believe|mention)$/i.test(verb);
  return saying ? rest : `${verb} ${rest}`;
}

const ON = '(?:about|on|regarding|concerning|over|to|of|around)';
const PEOPLE = alt([
  'people',
  'others',
  'they',
  'everyone',
  'everybody',
  'the sources',
  'sources',
  'commentators',
  'observers',
  'critics',
]);
/** "quotes about Y", "what has been said about Y", "reactions to Y", "what do people say about Y". */
const TOPIC_FORMS: RegExp[] = [
  new RegExp(
    String.raw`^(?:(?:show|give|list|find|get|fetch|any|all|see)\s+(?:me\s+)?` +
      String.raw`(?:the\s+|all\s+|some\s+|any\s+)?)?` +
      String.raw`${alt(TOPIC_NOUNS)}\s+${ON}\s+(.+)$`,
    'i',
  ),
  new RegExp(
    String.raw`^what\s+(?:has|have|had|was|were|is)\s+(?:been\s+)?(?:said|written|reported|claimed)\s+${ON}\s+(.+)$`,
    'i',
  ),
  new RegExp(
    String.raw`^what\s+(?:do|did|does|are|were|have|has)\s+${PEOPLE}\s+` +
      String.raw`(?:say|said|saying|think|thought|thinking|written)\s+${ON}\s+(.+)$`,
    'i',
  ),
  new RegExp(
    String.raw`^(?:how\s+(?:did|have|has|do)\s+(?:people|others|they|everyone|the world)\s+react(?:ed)?|` +
      String.raw`what\s+(?:were|are|was|is)\s+(?:the\s+)?reactions?)\s+(?:to|on)\s+(.+)$`,
    'i',
  ),
];
// "Did anyone mention Y?": who spoke of it, so names are asked for.
const ANYONE_ON = new RegExp(
  String.raw`^(?:did|has|have)\s+${ANYONE_ALT}\s+(?:ever\s+)?` +
    String.raw`(?:say|said|comment|commented|talk|talked|speak|spoke|mention|mentioned)\s+` +
    String.raw`(?:anything|something)?\s*(?:about|on|regarding)?\s*(.+)$`,
  'i',
);

/** "quotes about Y" and the like: the subject, and whether names are what is asked. */
export function topicForm(plain: string): { topic: string; names?: boolean } | null {
  for (const re of TOPIC_FORMS) {
    const t = cleanTopic(re.exec(plain)?.[1]);
    if (t && t.split(/\s+/).length <= MAX_SUBJECT_WORDS) return { topic: t };
  }
  const anyone = ANYONE_ON.exec(plain);
  // "Did anyone say the ceasefire will hold?" holds a clause: a who-said, not a subject.
  const t = anyone && !NOT_A_SUBJECT.test(anyone[1]) ? cleanTopic(anyone[1]) : undefined;
  return t && t.split(/\s+/).length <= MAX_SUBJECT_WORDS ? { topic: t, names: true } : null;
}

const VERIFY_VERBS = alt(VERIFY_VERB_LIST);
const CHECK = alt([
  'is it true',
  'is it correct',
  'is it right',
  'is it accurate',
  'is it a fact',
  'was it true',
  'was it really',
  'can you confirm',
  'could you confirm',
  'can you check',
  'could you check',
  'can you verify',
  'could you verify',
  'confirm',
  'verify',
  'fact check:?',
  'fact-check:?',
  'true or false:?',
  'i heard',
  'i read',
  'i saw',
  'somebody said',
  'someone said',
]);
const SAID = String.raw`${VERIFY_VERBS}\s+(?:${AUDIENCE}\s+)?(?:that\s+)?(.+)$`;
const VERIFY_FORMS: RegExp[] = [
  // "Is it true that the mayor said …", "Can you confirm the mayor said …"
  new RegExp(String.raw`^${CHECK}\s+(?:that\s+)?(.+?)\s+(?:really\s+|actually\s+|once\s+)?${SAID}`, 'i'),
  // "Was it Borrell who said …"
  new RegExp(String.raw`^(?:was|is)\s+it\s+(?:really\s+|actually\s+)?(.+?)\s+(?:who|that)\s+${SAID}`, 'i'),
  // "Did the mayor say the bridge would reopen in May?"
  new RegExp(String.raw`^(?:did|does|has|have|had)\s+(.+?)\s+${ADVERBS}${SAID}`, 'i'),
];
const ANYONE_NAME = new RegExp(`^${ANYONE_ALT}$`, 'i');
/** "Did X say anything about …": what X said, not words to check. */
const ABOUT_NOT_WORDS = /^(?:anything|something|nothing|much|a lot|a word|a thing|what|about|on|regarding|so)\b/i;

/** "Did X say Y?": whose words to check, and the words. Not "did X say anything about Y" (a what-said). */
export function verification(plain: string): { speaker: string; snippet: string } | null {
  for (const re of VERIFY_FORMS) {
    const m = re.exec(plain);
    if (!m) continue;
    const who = trimName(m[1]);
    const said = cleanSnippet(m[2]);
    if (!who || ANYONE_NAME.test(who)) return null;
    // Quoted words are the words, whatever they open with; unquoted, "anything about …" asks what was said.
    const quoted = /^["“”‘'«„]/u.test(m[2].trim());
    if (!quoted && ABOUT_NOT_WORDS.test(said)) return null;
    if (said.split(/\s+/).length < 2 || who.split(/\s+/).length > 7) return null;
    return { speaker: who, snippet: said };
  }
  return null;
}
