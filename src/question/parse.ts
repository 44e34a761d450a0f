import { DamerauLevenshteinDistance } from '../text/natural.js';
import type { Intent } from '../types.js';
import { ANYONE, AUDIENCES, MEDIA, NEGATIONS, PERSON_NOUNS, SAY_VERBS, TO_WHOM_VERBS, WHAT_VERBS as WHAT_VERB_LIST } from './lexicon.js';
import { cleanQuestion, hasWords } from './normalize.js';

export interface ParsedQuestion {
  /** The question as cleaned (what the engine reads). */
  text: string;
  intent: Intent;
  /** who_said: the words whose speaker is wanted. search: the words to look for. */
  snippet?: string;
  /** what_said / who_is / verify: how the question names the speaker. */
  speaker?: string;
  /** who_said: the kind of person asked about ("which economist said …"): a hint, not a filter. */
  role?: string;
  /** who_said: the verb was denied ("Who doesn't think …"): the quote may say it either way. */
  negated?: boolean;
  /** what_said: what the speaker should have talked about. topic: the subject of the quotes asked for. */
  topic?: string;
  /** what_said: whom or where it was said ("tell the teachers", "in a statement"): a hint for ranking. */
  setting?: string;
  /** topic: the question asks for names ("Who talked about Y?") rather than quotes ("quotes about Y"). */
  names?: boolean;
  /** what_said from a loose form ("Borrell on tensions"): only holds if the name is a known speaker. */
  loose?: boolean;
  /** help: an overview of the corpus was asked for ("Who is quoted?", "Which articles do you have?"). */
  overview?: 'speakers' | 'articles';
  /** overview of speakers: words of the article they should be quoted in ("… in the Kazakhstan article"). */
  article?: string;
  truncated: boolean;
}

// "Who is quoted?", "List the speakers", "Who is quoted in the Kazakhstan article?" (group 1: the article).
const SPEAKERS_OVERVIEW = /^(?:who(?:'s| is| are| was| were| gets| got)? (?:quoted|cited|speaking|talking|interviewed)|who (?:speaks|talks)|(?:who are |list |show |name |give me |show me |list all |all )?(?:the )?(?:speakers|sources|people quoted|quoted people|people who (?:are|were) quoted)|which (?:people|persons|speakers|sources|officials) (?:are|were) quoted|(?:which|what) (?:speakers|sources) (?:are there|do you have|are quoted))(?:\s+(?:in|from|by)\s+(?:the\s+|these\s+|your\s+|this\s+)?(.*?))?$/i;
// "Which articles do you have?", "list the articles", "what's in the corpus?"
const ARTICLES_OVERVIEW = /^(?:(?:which|what) (?:articles|stories|news|texts|documents|sources of news)(?: (?:do you have|are there|are in (?:the|your) corpus|can you search|do you know|have you got|have you read))?|(?:list|show|show me|give me|list all)(?: the| all| your)? (?:articles|stories)|(?:the |your )?articles|what(?:'s| is) in (?:the|your) corpus|what (?:do you have|have you read|can you search)|how many (?:articles|quotes|speakers)(?: (?:are there|do you have|are in the corpus))?)$/i;
const CORPUS_WORDS = /^(?:articles?|corpus|news|stories|story|texts?|documents?|them|it|here)$/i;

const SAY_VERB_SET = new Set(SAY_VERBS);

// "is quoted as saying", "was quoted saying", "made the remark", "came up with the line"
const WHO_LEAD = new RegExp(
  String.raw`^(?:who(?:'s| is| was| has| had| did| would| else)?|which (?:person|people|one|official|politician|candidate|speaker|analyst|source|man|woman|leader|expert|reporter|journalist|organi[sz]ation|group|agency|ministry|government)|whom)\s+` +
    String.raw`(?:(?:is|was|were|are|been|being|actually|first|really|originally|once|once)\s+)*` +
    String.raw`(?:quoted|cited|heard|reported|credited|on record)?\s*(?:as\s+|with\s+|for\s+)?(?:having\s+)?(?:saying|said|say)?\s*`,
  'i',
);

const WHO_PHRASES: RegExp[] = [
  /^(?:who|which person)\s+(?:made|gave|delivered|uttered|wrote|coined|came up with|is behind|was behind|is the (?:source|author) of|was the (?:source|author) of)\s+(?:the|this|that)?\s*(?:remark|comment|statement|quote|quotation|line|words|claim|phrase)?\s*(?:that|about|:)?\s*/i,
  /^(?:whose (?:words|quote|quotation|line|remark|statement|claim) (?:is|was|are|were))\s*:?\s*/i,
  /^(?:who(?:'s| is| was)? the (?:source|author|speaker) of|(?:identify|name|find|give me|tell me) the (?:source|author|speaker)(?: of)?(?: (?:this|the|that) (?:quote|line|remark|statement))?|source of|speaker of|author of|attribute|attribution for|find the speaker of|find who said|tell me who said|do you know who said|can you tell me who said|i (?:want|need) to know who said)\s*:?\s*/i,
];

// "Who talked about sanctions?", "Which officials commented on the coup?", "Who mentioned Unicredit?":
// the people quoted on a subject, not the speaker of given words. Group 1 is the subject.
const WHO_ABOUT = new RegExp(
  String.raw`^(?:who(?:'s| has| have| had| did| else| all| exactly)?|which (?:[\p{L}-]+ )?(?:person|people|one|ones|officials?|politicians?|experts?|analysts?|leaders?|sources?|speakers?|candidates?|countries|groups?|organi[sz]ations?|senators?|lawmakers?|ministers?))\s+(?:(?:also|ever|publicly|actually|else|has|have|had|did)\s+)*` +
    String.raw`(?:(?:talk|talked|talks|speak|spoke|speaks|spoken|comment|commented|comments|remark|remarked|weigh|weighed in|testify|testified|write|wrote|writes|written|complain|complained|complains|warn|warned|warns|(?:is|was|are|were|been) quoted|quoted)\s+(?:(?:something|anything|things|a lot|much|publicly|out|in|up)\s+)*` +
    String.raw`|(?:said|say|says)\s+(?:something|anything|things|what|a lot|much)\s+)(?:about|on|regarding|concerning|over|against|of)\s+(.+)$` +
    String.raw`|^(?:who|which (?:[\p{L}-]+ )?(?:person|people|one|officials?|politicians?|experts?|leaders?))\s+(?:(?:also|ever|publicly|has|have|had|did)\s+)*` +
    String.raw`(?:mention|mentioned|mentions|criticize|criticized|criticizes|criticise|criticised|criticises|praise|praised|praises|blame|blamed|blames|attack|attacked|attacks|defend|defended|defends|discuss|discussed|discusses|address|addressed|addresses|condemn|condemned|condemns)\s+(.+)$`,
  'iu',
);
/** A subject is a few words, not a clause or quoted words (those are a who-said snippet). */
const NOT_A_SUBJECT = /["“”‘’«»„]|\b(?:that|saying|said|says|is|are|was|were|will|would|has|have|had)\b/i;
const MAX_SUBJECT_WORDS = 8;

const TRAILING_WHO = /^(.{4,}?)[\s,.;:—–-]*\b(?:who said (?:that|this|it)|who(?:'s| is| was) (?:that|this|it) (?:from|by)|whose (?:words|quote|quotation|line|remark|statement) (?:is|are|was|were) (?:that|this|these|it)|who was it|who(?:'s| is) the (?:source|speaker|author)|source|speaker)\s*\??$/i;

const HELP = /^(?:help|\/help|hi|hello|hey|hiya|yo|hallo|greetings|good (?:morning|afternoon|evening)|start|\/start|commands|menu|usage|\?+|what can you do|how do(?:es)? (?:this|it|you) work|what do you do|how do i use (?:this|you|it)|what are you|who are you|thanks|thank you)\b[\s!.?]*$/i;

const WHAT_VERBS = `(?:${WHAT_VERB_LIST.map((v) => v.replace(/ /g, '\\s+')).join('|')})`;
// Whom a thing was said to: "what did X tell reporters about Y".
const AUDIENCE = `(?:${AUDIENCES.join('|')})`;
const TOPIC_PREP = String.raw`(?:with (?:regards? to|respect to)|in (?:regards? to|relation to|connection with)|on the (?:subject|topic|issue|matter|question) of|when it comes to|as (?:to|regards|for)|relating to|related to|pertaining to|about|on|of|regarding|concerning|re|over|to|for|after|at)`;

/**
 * `loose`: a form that could as well be a search; it holds only if the name is a known speaker.
 * `tail`: the words after the verb, read by `readTail` (whom it was said to, where, about what).
 */
const WHAT_PATTERNS: Array<{ re: RegExp; speaker: number; topic?: number; verb?: number; tail?: number; loose?: boolean }> = [
  // what did X say (about Y)
  { re: new RegExp(String.raw`^(?:(?:so|and|ok|okay|then)\s+)?(?:what|wat|wht|waht|what's|whats)(?:\s+else)?\s+(?:did|does|do|has|have|had|would|will|is|was|can|could)\s+(.+?)(?<!\b(?:the|a|an|his|her|their|its|this|that|my|our|your))\s+(?:ever\s+|actually\s+|really\s+|just\s+|also\s+|publicly\s+|been\s+|recently\s+)*(?:(?:quoted|cited|heard|reported|on record)\s+(?:as\s+)?)?(${WHAT_VERBS})(?!\s+${WHAT_VERBS}\b)(?:\s+(?:publicly|exactly|so far|recently|then))?(?:\s+(.+))?$`, 'i'), speaker: 1, verb: 2, tail: 3 },
  // what is X saying / what was X quoted as saying (about Y)
  { re: new RegExp(String.raw`^(?:what|wat)\s+(?:is|was|are|were|has been|have been)\s+(.+?)\s+(?:quoted\s+(?:as\s+)?)?(?:saying|telling|claiming|arguing|thinking)(?:\s+${TOPIC_PREP}\s+(.+))?$`, 'i'), speaker: 1, topic: 2 },
  // what X said / thinks (about Y)
  { re: new RegExp(String.raw`^(?:tell me |show me |give me |find |list )?(?:what|wat)\s+(.+?)\s+${WHAT_VERBS}(?:\s+${TOPIC_PREP}\s+(.+))?$`, 'i'), speaker: 1, topic: 2 },
  // what is X's view/position/take on Y
  { re: new RegExp(String.raw`^(?:what(?:'s| is| was| are| were)?|how about|and)\s+(.+?)['’]s?\s+(?:view|views|position|positions|opinion|opinions|take|stance|comment|comments|reaction|response|quote|quotes|statement|statements|remark|remarks|words|thoughts|answer|line|message)(?:\s+${TOPIC_PREP}\s+(.+))?$`, 'i'), speaker: 1, topic: 2 },
  // how did X describe / react to Y
  { re: new RegExp(String.raw`^how\s+(?:did|does|do|has|have|would)\s+(.+?)\s+(?:describe|describes|described|react|reacted|respond|responded|view|see|characteri[sz]e|explain|justify|defend|feel|comment|talk|speak|write|address|discuss|frame|portray)(?:\s+(?:to|on|about|of|regarding))?(?:\s+(.+))?$`, 'i'), speaker: 1, topic: 2 },
  // did X say anything about Y / has X commented on Y
  { re: new RegExp(String.raw`^(?:did|does|has|have|had)\s+(.+?)\s+(?:say|said|comment|commented|talk|talked|speak|spoke|mention|mentioned|tell|told)\s+(?:anything|something|much|a word|a thing)?\s*${TOPIC_PREP}\s+(.+)$`, 'i'), speaker: 1, topic: 2 },
  // did X mention / discuss / bring up Y
  { re: /^(?:did|does|has|have|had)\s+(.+?)\s+(?:ever\s+|also\s+|publicly\s+)*(?:mention|mentioned|discuss|discussed|address|addressed|bring up|brought up|raise|raised|talk about|talked about|speak about|spoke about|weigh in on|comment on)\s+(.+)$/i, speaker: 1, topic: 2 },
  // quotes from/by X (about Y)
  { re: new RegExp(String.raw`^(?:(?:show|give|list|find|get|fetch|display|any|all|see)\s+(?:me\s+)?(?:the\s+|all\s+|some\s+|any\s+)?)?(?:quotes?|quotations?|statements?|remarks?|comments?|words|sayings|lines)\s+(?:from|by|of|attributed to|said by)\s+(.+?)(?:\s+${TOPIC_PREP}\s+(.+))?$`, 'i'), speaker: 1, topic: 2 },
  // X's quotes/remarks (about Y)
  { re: new RegExp(String.raw`^(.+?)['’]s?\s+(?:quotes?|quotations?|statements?|remarks?|comments?|words|views?|opinions?|position|take|stance)(?:\s+${TOPIC_PREP}\s+(.+))?$`, 'i'), speaker: 1, topic: 2 },
  // "Burman quotes on taxes", "quotes where Burman talks about taxes", "taxes according to Burman"
  { re: new RegExp(String.raw`^(?:(?:find|show|give|get|list)\s+(?:me\s+)?)?(?:(?:the\s+|all\s+|any\s+)?(?:quotes?|times|places|passages)\s+(?:where|in which|when)\s+)?(.+?)\s+(?:quotes?|quotations?|statements?|remarks?|comments?|talks?|talked|talking|speaks?|spoke|speaking|says?|said|saying|commented|commenting)\s+${TOPIC_PREP}\s+(.+)$`, 'i'), speaker: 1, topic: 2, loose: true },
  { re: /^(?:what\s+(?:about\s+)?)?(.+?),?\s+according to\s+(.+)$/i, speaker: 2, topic: 1, loose: true },
  { re: /^according to\s+(.+?),\s*(?:(?:what|how)(?:'s| is| was| about| of)?\s+)?(.+)$/i, speaker: 1, topic: 2, loose: true },
  // X said (about Y) — a bare subject and verb, as typed in a hurry
  { re: new RegExp(String.raw`^(.+?)\s+(?:quotes|said what|says what|sayings)$`, 'i'), speaker: 1 },
];

// "Borrell on tensions", "Kassenova about the coup": only when the name is a known speaker.
const LOOSE_ON = new RegExp(String.raw`^(.+?)\s+(?:on|about|regarding|re:?|concerning)\s+(.+)$`, 'i');

const WHO_IS = /^(?:who(?:'s| is| was| are| were)|whos|tell me (?:more )?about|what do you know about|info(?:rmation)? (?:on|about)|describe|who the (?:hell|heck) is|give me (?:info|background) on|background on|profile of|what(?:'s| is| was) the (?:role|job|title) of)\s+(.+?)$/i;

/** Reads a person's question: what they want (intent) and its parts. */
export function parseQuestion(input: string): ParsedQuestion {
  const { text, truncated } = cleanQuestion(input);
  const base = { text, truncated };
  if (!hasWords(text)) return { ...base, intent: 'empty' };
  const plain = unwrap(fixTypos(text.replace(/[?!.。？！\s]+$/u, '').trim()));
  if (HELP.test(plain)) return { ...base, intent: 'help' };
  if (ARTICLES_OVERVIEW.test(plain)) return { ...base, intent: 'help', overview: 'articles' };
  const speakers = SPEAKERS_OVERVIEW.exec(plain);
  if (speakers) {
    const article = (speakers[1] ?? '').replace(/\s+(?:article|story|piece|report)s?$/i, '').trim();
    return { ...base, intent: 'help', overview: 'speakers', ...(article && !CORPUS_WORDS.test(article) ? { article } : {}) };
  }

  const topic = topicQuestion(plain);
  if (topic) return { ...base, intent: 'topic', ...topic };

  const verify = verification(plain);
  if (verify) return { ...base, intent: 'verify', ...verify };

  const who = whoSaid(plain);
  if (who !== null) return { ...base, intent: 'who_said', ...who };

  const quoted = onlyQuoted(plain);
  if (quoted) return { ...base, intent: 'who_said', snippet: quoted };

  const whoIs = WHO_IS.exec(plain);
  if (whoIs && !/\b(quoted|saying|said)\b/i.test(whoIs[1])) {
    return { ...base, intent: 'who_is', speaker: trimName(whoIs[1]) };
  }

  for (const { re, speaker, topic, verb, tail, loose } of WHAT_PATTERNS) {
    const m = re.exec(plain);
    if (!m) continue;
    const name = trimName(m[speaker]);
    if (!name || !hasWords(name)) continue;
    const read = tail ? readTail(m[verb!], m[tail]) : { topic: topic ? cleanTopic(m[topic]) : undefined };
    const t = read.topic;
    const setting = 'setting' in read ? read.setting : undefined;
    return { ...base, intent: 'what_said', speaker: name, ...(t ? { topic: t } : {}), ...(setting ? { setting } : {}), ...(loose ? { loose } : {}) };
  }
  const loose = LOOSE_ON.exec(plain);
  if (loose && loose[1].split(/\s+/).length <= 5) {
    return { ...base, intent: 'what_said', speaker: trimName(loose[1]), topic: cleanTopic(loose[2]), loose: true };
  }
  // A bare name ("Borrell") is a what_said if it names a speaker, else a search: the engine decides.
  if (plain.split(/\s+/).length <= 4 && /^[\p{Lu}]/u.test(plain) && !/^(what|who|whom|whose|how|why|when|where|which|did|does|do|is|are|was|were|can|could|will|would|should|has|have|had)\b/i.test(plain)) {
    return { ...base, intent: 'what_said', speaker: trimName(plain), loose: true, snippet: plain };
  }
  return { ...base, intent: 'search', snippet: plain };
}

function whoSaidWords(plain: string): string | null {
  for (const re of WHO_PHRASES) {
    const m = re.exec(plain);
    if (m && m[0].length < plain.length) return cleanSnippet(plain.slice(m[0].length));
  }
  const lead = WHO_LEAD.exec(plain);
  if (lead) {
    const rest = plain.slice(lead[0].length);
    const words = rest.split(/\s+/);
    const verb = words[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
    // "who said X": the lead took "said" already. "who described X as Y": the verb is the next word.
    if (/\b(said|say|saying)\s*$/i.test(lead[0]) || /quoted|cited|credited/i.test(lead[0])) {
      const snippet = cleanSnippet(rest);
      if (snippet) return snippet;
    } else if (SAY_VERB_SET.has(verb)) {
      const snippet = cleanSnippet(words.slice(1).join(' '));
      if (snippet) return snippet;
    }
  }
  const trailing = TRAILING_WHO.exec(plain);
  if (trailing && /["“”‘’«»]/.test(trailing[1])) return cleanSnippet(trailing[1]);
  // A bare "source" or "speaker" at the end may be a word of the words; "who said that" asks.
  if (trailing && !/\b(?:source|speaker)\s*$/i.test(plain)) return cleanSnippet(trailing[1]);
  return null;
}

interface WhoSaid {
  snippet: string;
  role?: string;
  negated?: boolean;
}

const SAY_VERB_ALT = SAY_VERBS.join('|');
const NEGATION = `(?:${NEGATIONS.map((n) => n.replace(/'/g, "['’]")).join('|')})`;
const ANYONE_ALT = `(?:${ANYONE.join('|')})`;
// Verbs whose past is not in -ed, for "who <verb> …" with a verb no list holds.
const IRREGULAR_PAST = new Set([
  'thought', 'told', 'wrote', 'spoke', 'felt', 'gave', 'made', 'took', 'saw', 'knew', 'sang', 'chose', 'drew', 'won',
  'lost', 'held', 'led', 'left', 'meant', 'put', 'sent', 'went', 'came', 'became', 'began', 'brought', 'bought',
  'caught', 'fought', 'kept', 'let', 'paid', 'ran', 'sold', 'stood', 'taught', 'understood', 'found', 'swore', 'rang',
]);
const NOT_A_VERB = /^(?:is|was|are|were|has|had|have|did|does|do|will|would|can|could|should|may|might|must|else|the|a|an|this|that|these|those|his|her|its|their|of|in|on|at|for|to|and|or|us|as|news|politics|plus|physics|always|perhaps|also|ever|never|really|actually|else's)$/i;
// "Who doesn't think …", "who never said …"
const WHO_NEGATED = new RegExp(String.raw`^who\s+${NEGATION}\s+(?:really\s+|actually\s+)?([\p{Ll}]+)\s+(?:that\s+)?(.+)$`, 'iu');
// "Did anyone say …", "has anybody claimed …"
const ANYONE_SAID = new RegExp(String.raw`^(?:did|has|have|does|do|had)\s+${ANYONE_ALT}\s+(?:ever\s+|actually\s+|really\s+|else\s+)*(${WHAT_VERBS})\s+(?:that\s+)?(.+)$`, 'i');
// "Which economist warned …", "which Steelers player said …": one to four words of role, then a verb.
const WHICH_ROLE = new RegExp(String.raw`^which\s+((?:[\p{L}\p{N}'’.&-]+\s+){0,3}?[\p{L}\p{N}'’.&-]+)\s+(?:(?:has|had|did|was|is|once|also|actually|really)\s+)*(${SAY_VERB_ALT}|[\p{Ll}]+ed|[\p{Ll}]+s)\s+(?:that\s+)?(.+)$`, 'iu');
// "Who implored …", "who hoped …": any verb after who.
const WHO_VERB = /^[Ww]ho\s+(?:(?:also|once|actually|really|first|publicly)\s+)*([\p{Ll}]+)\s+(.+)$/u;

/** A who-said question: the words, and the kind of person asked about when the question names one. */
function whoSaid(plain: string): WhoSaid | null {
  const words = whoSaidWords(plain);
  const which = WHICH_ROLE.exec(plain);
  const role = which && !PERSON_WORD.test(which[1]) ? which[1] : undefined;
  if (words !== null) return { snippet: words, ...(role ? { role } : {}) };
  const negated = WHO_NEGATED.exec(plain);
  if (negated) return { snippet: cleanSnippet(saidWords(negated[1], negated[2])), negated: true };
  const anyone = ANYONE_SAID.exec(plain);
  if (anyone && !/^(?:anything|something|nothing|much|a lot)\b/i.test(anyone[2])) {
    return { snippet: cleanSnippet(saidWords(anyone[1], anyone[2])) };
  }
  if (which && !SPEAKERS_WORD.test(which[2])) return { snippet: cleanSnippet(saidWords(which[2], which[3])), ...(role ? { role } : {}) };
  const verb = WHO_VERB.exec(plain);
  if (verb && looksLikeVerb(verb[1]) && verb[2].split(/\s+/).length >= 2) return { snippet: cleanSnippet(saidWords(verb[1], verb[2])) };
  return null;
}

/** Generic person words say nothing of who ("which person said"); "which economist" does. */
const PERSON_WORD = new RegExp(String.raw`^(?:${PERSON_NOUNS.join('|')})$`, 'i');
/** "which officials are quoted", "which speakers …": not a who-said. */
const SPEAKERS_WORD = /^(?:is|are|was|were)$/i;

function looksLikeVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_A_VERB.test(w)) return false;
  return SAY_VERB_SET.has(w) || IRREGULAR_PAST.has(w) || /[^e]ed$|ied$|eed$|[^s]s$|ches$|shes$|sses$/.test(w) || /[^aeiou]ed$/.test(w);
}

/** The words asked about: a verb of saying says nothing of them; another verb ("threatened") may. */
function saidWords(verb: string, rest: string): string {
  return SAY_VERB_SET.has(verb.toLowerCase()) || /^(?:say|tell|claim|state|think|believe|mention)$/i.test(verb) ? rest : `${verb} ${rest}`;
}

const TOPIC_PREP_RE = `(?:about|on|regarding|concerning|over|to|of|around)`;
/** "quotes about Y", "what has been said about Y", "reactions to Y", "what do people say about Y". */
const TOPIC_FORMS: RegExp[] = [
  new RegExp(String.raw`^(?:(?:show|give|list|find|get|fetch|any|all|see)\s+(?:me\s+)?(?:the\s+|all\s+|some\s+|any\s+)?)?(?:quotes?|quotations|statements|remarks|comments|reactions?|responses|opinions|views)\s+${TOPIC_PREP_RE}\s+(.+)$`, 'i'),
  new RegExp(String.raw`^what\s+(?:has|have|had|was|were|is)\s+(?:been\s+)?(?:said|written|reported|claimed)\s+${TOPIC_PREP_RE}\s+(.+)$`, 'i'),
  new RegExp(String.raw`^what\s+(?:do|did|does|are|were|have|has)\s+(?:people|others|they|everyone|everybody|the sources|sources|commentators|observers|critics)\s+(?:say|said|saying|think|thought|thinking|written)\s+${TOPIC_PREP_RE}\s+(.+)$`, 'i'),
  new RegExp(String.raw`^(?:how\s+(?:did|have|has|do)\s+(?:people|others|they|everyone|the world)\s+react(?:ed)?|what\s+(?:were|are|was|is)\s+(?:the\s+)?reactions?)\s+(?:to|on)\s+(.+)$`, 'i'),
  new RegExp(String.raw`^(?:did|has|have)\s+${ANYONE_ALT}\s+(?:ever\s+)?(?:say|said|comment|commented|talk|talked|speak|spoke|mention|mentioned)\s+(?:anything|something)?\s*(?:about|on|regarding)?\s*(.+)$`, 'i'),
];

/** A question about what was said on a subject; `names`: who said it is what is asked. */
function topicQuestion(plain: string): { topic: string; names?: boolean } | null {
  const about = WHO_ABOUT.exec(plain);
  const raw = about ? about[1] ?? about[2] : '';
  const subject = !NOT_A_SUBJECT.test(raw) && cleanTopic(raw);
  if (subject && subject.split(/\s+/).length <= MAX_SUBJECT_WORDS) return { topic: subject, names: true };
  for (const [i, re] of TOPIC_FORMS.entries()) {
    const m = re.exec(plain);
    if (!m) continue;
    // "Did anyone say the ceasefire will hold?" holds a clause: a who-said, not a subject.
    if (i === TOPIC_FORMS.length - 1 && NOT_A_SUBJECT.test(m[1])) continue;
    const t = cleanTopic(m[1]);
    if (t && t.split(/\s+/).length <= MAX_SUBJECT_WORDS) return { topic: t, ...(i === TOPIC_FORMS.length - 1 ? { names: true } : {}) };
  }
  return null;
}

const VERIFY_VERBS = `(?:say|said|says|tell|told|claim|claimed|state|stated|write|wrote|call|called|describe|described|warn|warned|admit|admitted|tweet|tweeted|argue|argued|insist|insisted|predict|predicted|promise|promised|suggest|suggested|deny|denied|threaten|threatened|announce|announced|declare|declared)`;
const VERIFY_FORMS: Array<{ re: RegExp; speaker: number; words: number }> = [
  // "Is it true that the mayor said …", "Can you confirm the mayor said …"
  { re: new RegExp(String.raw`^(?:is it (?:true|correct|right|accurate|a fact)|was it (?:true|really)|(?:can|could) you (?:confirm|check|verify)|confirm|verify|fact[- ]check:?|true or false:?|i (?:heard|read|saw)|somebody said|someone said)\s+(?:that\s+)?(.+?)\s+(?:really\s+|actually\s+|once\s+)?${VERIFY_VERBS}\s+(?:${AUDIENCE}\s+)?(?:that\s+)?(.+)$`, 'i'), speaker: 1, words: 2 },
  // "Was it Borrell who said …"
  { re: new RegExp(String.raw`^(?:was|is)\s+it\s+(?:really\s+|actually\s+)?(.+?)\s+(?:who|that)\s+${VERIFY_VERBS}\s+(?:that\s+)?(.+)$`, 'i'), speaker: 1, words: 2 },
  // "Did the mayor say the bridge would reopen in May?"
  { re: new RegExp(String.raw`^(?:did|does|has|have|had)\s+(.+?)\s+(?:really\s+|actually\s+|ever\s+|once\s+|also\s+|publicly\s+)*${VERIFY_VERBS}\s+(?:${AUDIENCE}\s+)?(?:that\s+)?(.+)$`, 'i'), speaker: 1, words: 2 },
];

/** "Did X say Y?": whose words to check, and the words. Not "did X say anything about Y" (a what-said). */
function verification(plain: string): { speaker: string; snippet: string } | null {
  for (const { re, speaker, words } of VERIFY_FORMS) {
    const m = re.exec(plain);
    if (!m) continue;
    const who = trimName(m[speaker]);
    const said = cleanSnippet(m[words]);
    if (!who || new RegExp(String.raw`^${ANYONE_ALT}$`, 'i').test(who)) return null;
    // Quoted words are the words, whatever they open with; unquoted, "anything about …" asks what was said.
    const quoted = /^["“”‘'«„]/u.test(m[words].trim());
    if (!quoted && /^(?:anything|something|nothing|much|a lot|a word|a thing|what|about|on|regarding|so)\b/i.test(said)) return null;
    if (said.split(/\s+/).length < 2 || who.split(/\s+/).length > 7) return null;
    return { speaker: who, snippet: said };
  }
  return null;
}

function onlyQuoted(plain: string): string | null {
  const m = /^["“”‘’'«»„]+(.+?)["“”‘’'«»]*$/u.exec(plain);
  if (m && /^["“„«]/.test(plain) && m[1].split(/\s+/).length >= 2) return cleanSnippet(m[1]);
  return null;
}

/** The quoted words of a who-said question: frame words and marks off. */
function cleanSnippet(s: string): string {
  return s
    .replace(/^(?:that|this|the following|these words|the words|the line|the phrase|the quote|the remark|the statement|:|,)\s*/i, '')
    .replace(/^(?:that|:)\s+/i, '')
    .replace(/^["“”‘’'«»„]+|["“”‘’'«»]+$/gu, '')
    .replace(/\s+(?:in the corpus|in these articles|in the news|in the article)$/i, '')
    .trim();
}

const TO_WHOM = new Set(TO_WHOM_VERBS);
const MEDIUM = new RegExp(String.raw`^(?:(?:in|on|during|at|via|through|with)\s+(?:(?:a|an|the|his|her|their|its|this|that|one|[\p{L}.-]+['’]s?)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${MEDIA.join('|')})\b|(?:publicly|exactly|so far|recently|then|today|yesterday|later|afterwards?)\b)[\s,]*`, 'iu');
const LEADING_PREP = new RegExp(String.raw`^(?:${TOPIC_PREP}|in)\s+`, 'i');

/**
 * The words after the verb of "What did X say …": whom it was told ("tell the BBC"), where ("in a
 * statement", "on Twitter") and then the topic, with or without its preposition ("call the hearings",
 * "say about the hearings").
 */
function readTail(verb: string, tail: string | undefined): { topic?: string; setting?: string } {
  let rest = (tail ?? '').trim();
  const setting: string[] = [];
  if (!rest) return {};
  if (TO_WHOM.has(verb.toLowerCase())) {
    // Whom: the words up to the topic's preposition, or all of them.
    const m = new RegExp(String.raw`^(.{1,60}?)\s+(?=${TOPIC_PREP}\s)`, 'i').exec(rest);
    if (m && !LEADING_PREP.test(rest)) {
      setting.push(m[1]);
      rest = rest.slice(m[0].length);
    } else if (!LEADING_PREP.test(rest) && rest.split(/\s+/).length <= 5) {
      return { setting: rest };
    }
  }
  for (let m = MEDIUM.exec(rest); m && m[0]; m = MEDIUM.exec(rest)) {
    setting.push(m[0].trim());
    rest = rest.slice(m[0].length);
  }
  rest = rest.replace(LEADING_PREP, '');
  // "in her statement after the hearing": what is left after a medium is when, not what about.
  if (setting.length && /^(?:after|before|during|at|following)\s/i.test(rest)) {
    setting.push(rest);
    rest = '';
  }
  const topic = cleanTopic(rest);
  return { ...(topic ? { topic } : {}), ...(setting.length ? { setting: setting.join(' ') } : {}) };
}

function cleanTopic(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.replace(/^(?:the|a|an|his|her|their|its)\s+/i, '').replace(/["“”‘’«»]/g, '').trim();
  return t || undefined;
}

/** A name as typed: articles and quote marks off, possessive kept (the resolver reads "X's spokesman"). */
function trimName(s: string): string {
  return s
    // "Lindsey Graham (R-SC)": party and state, in parentheses or not, are not part of the name.
    .replace(/\(([^)]*)\)/g, ' ')
    .replace(/\b[LR]RB-|\b[RDI]-[A-Z][A-Za-z.]{1,5}(?![\p{L}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^["“”‘’«»]+|["“”‘’«»,;:]+$/g, '')
    // "Give me Burman's quotes", "any Burman quotes": request words are not part of a name.
    .replace(/^(?:(?:give|show|get|find|fetch|list|display)(?:\s+me)?|any|all(?:\s+of)?|some)\s+/i, '')
    // "what did, then, Brafman say": words that open a clause are not part of a name.
    .replace(/^(?:(?:then|if|and|but|so|when|well|now|also|just|ever|really|exactly)\b[\s,]*)+/i, '')
    .trim();
}

// Requests and framing around the question itself: "Can you find who said …", "I'd like to know what
// X said", "Who was it that said …", "Sanctions: what did X say?".
const REQUEST = /^(?:(?:please|pls|ok|okay|so|hey|quick question|question)[,:]?\s+|(?:can|could|would|will) you (?:please )?(?:tell me|show me|find(?: out)?|look up|check|let me know|say)\s+|(?:i(?:'d| would) (?:like|love) to know|i (?:want|need) to know|i wonder|i'?m wondering|i am wondering|do you know|does anyone know|any idea|i'?m curious|tell me|show me|give me|get me|let me know|find out|look up|search for|find|list|show|summari[sz]e|recap|explain|describe)\s*:?\s+(?=(?:who|whom|whose|what|how|which|if|whether)\b))/i;
const FRAMED_WHO = /^(who)\s+(?:(?:was|is) it|exactly|actually|really|do you think|would you say|do you guess|might have|could have|could it be that)\s+(?:that\s+|who\s+)?(?=said|says|stated|wrote|told|claimed)/i;
const SAYING = /\b(?:say|said|says|think|thinks|thought|tell|told|comment|commented|talk|talked)\b/i;
const TOPIC_FIRST = /^([^:?]{2,60}):\s*((?:what|how)\s.+)$/i;

function unwrap(plain: string): string {
  let q = plain;
  for (let m = REQUEST.exec(q); m && m[0].length < q.length; m = REQUEST.exec(q)) q = q.slice(m[0].length);
  q = q.replace(/^(?:if|whether)\s+/i, '').replace(/,?\s+please$/i, '');
  q = q.replace(FRAMED_WHO, '$1 ');
  const topicFirst = TOPIC_FIRST.exec(q);
  if (topicFirst && SAYING.test(topicFirst[2]) && !/\b(?:about|on|regarding)\s/i.test(topicFirst[2])) q = `${topicFirst[2]} about ${topicFirst[1]}`;
  return q;
}

const QUESTION_WORDS: Record<string, string> = { who: 'who', what: 'what' };

// "woh siad" → "who said": the first words of a question are few; a typo there would lose the intent.
function fixTypos(text: string): string {
  const words = text.split(' ');
  for (let i = 0; i < Math.min(2, words.length); i++) {
    const w = words[i].toLowerCase();
    if (w.length < 3 || w.length > 8 || SAY_VERB_SET.has(w) || QUESTION_WORDS[w]) continue;
    if (i === 0) {
      if (/^(woh|hwo|whoo|wo|whom?o|wgo|whp)$/.test(w)) words[i] = 'who';
      else if (/^(waht|wath|whta|wat|wht|whay)$/.test(w)) words[i] = 'what';
      continue;
    }
    if (words[0].toLowerCase() !== 'who') continue;
    for (const verb of ['said', 'says', 'stated', 'wrote', 'claimed', 'told', 'described']) {
      if (DamerauLevenshteinDistance(w, verb, { restricted: true }) === 1 && w[0] === verb[0]) {
        words[i] = verb;
        break;
      }
    }
  }
  return words.join(' ');
}
