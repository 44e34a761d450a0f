import { AUXILIARIES, union, WH_WORDS } from '../lexicon/index.js';
import { DamerauLevenshteinDistance } from '../text/natural.js';
import type { Intent } from '../types.js';
import { cleanQuestion, hasWords } from './normalize.js';
import { cleanSnippet, cleanTopic, trimName } from './clean.js';
import { whatSaid } from './what-said.js';
import {
  MAX_SUBJECT_WORDS,
  NOT_A_SUBJECT,
  otherWhoSaid,
  roleAsked,
  SAY_VERB_SET,
  topicForm,
  verification,
  type WhoSaid,
} from './forms.js';

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
const SPEAKERS_OVERVIEW = new RegExp(
  "^(?:who(?:'s| is| are| was| were| gets| got)? (?:quoted|cited|speaking|talking|interviewed)|" +
    'who (?:speaks|talks)|(?:who are |list |show |name |give me |show me |list all |' +
    'all )?(?:the )?(?:speakers|sources|people quoted|quoted people|people who (?:are|were) quoted)|' +
    'which (?:people|persons|speakers|sources|officials) (?:are|were) quoted|(?:which|what) (?:speakers|' +
    String.raw`sources) (?:are there|do you have|are quoted))(?:\s+(?:in|from|by)\s+(?:the\s+|these\s+|your\s+|` +
    String.raw`this\s+)?(.*?))?$`,
  'i',
);
// "Which articles do you have?", "list the articles", "what's in the corpus?"
const ARTICLES_OVERVIEW = new RegExp(
  '^(?:(?:which|what) (?:articles|stories|news|texts|documents|sources of news)(?: (?:do you have|' +
    'are there|are in (?:the|your) corpus|can you search|do you know|have you got|have you read))?|(?:list|' +
    'show|show me|give me|list all)(?: the| all| your)? (?:articles|stories)|(?:the |your )?articles|' +
    "what(?:'s| is) in (?:the|your) corpus|what (?:do you have|have you read|can you search)|" +
    'how many (?:articles|quotes|speakers)(?: (?:are there|do you have|are in the corpus))?)$',
  'i',
);
const CORPUS_WORDS = /^(?:articles?|corpus|news|stories|story|texts?|documents?|them|it|here)$/i;

// "is quoted as saying", "was quoted saying", "made the remark", "came up with the line"
const WHO_LEAD = new RegExp(
  "^(?:who(?:'s| is| was| has| had| did| would| else)?|which (?:person|people|one|official|politician|" +
    'candidate|speaker|analyst|source|man|woman|leader|expert|reporter|journalist|organi[sz]ation|group|' +
    String.raw`agency|ministry|government)|whom)\s+` +
    String.raw`(?:(?:is|was|were|are|been|being|actually|first|really|originally|once|once)\s+)*` +
    String.raw`(?:quoted|cited|heard|reported|credited|on record)?\s*(?:as\s+|with\s+|` +
    String.raw`for\s+)?(?:having\s+)?(?:saying|said|say)?\s*`,
  'i',
);

const WHO_PHRASES: RegExp[] = [
  new RegExp(
    String.raw`^(?:who|which person)\s+(?:made|gave|delivered|uttered|wrote|coined|came up with|is behind|was behind|` +
      String.raw`is the (?:source|author) of|was the (?:source|author) of)\s+(?:the|this|that)?\s*(?:remark|comment|` +
      String.raw`statement|quote|quotation|line|words|claim|phrase)?\s*(?:that|about|:)?\s*`,
    'i',
  ),
  /^(?:whose (?:words|quote|quotation|line|remark|statement|claim) (?:is|was|are|were))\s*:?\s*/i,
  new RegExp(
    "^(?:who(?:'s| is| was)? the (?:source|author|speaker) of|(?:identify|name|find|give me|" +
      'tell me) the (?:source|author|speaker)(?: of)?' +
      '(?: (?:this|the|that) (?:quote|line|remark|statement))?|' +
      'source of|speaker of|author of|attribute|attribution for|find the speaker of|find who said|' +
      'tell me who said|do you know who said|can you tell me who said|i (?:want|' +
      String.raw`need) to know who said)\s*:?\s*`,
    'i',
  ),
];

// "Who talked about sanctions?", "Which officials commented on the coup?", "Who mentioned Unicredit?":
// the people quoted on a subject, not the speaker of given words. Group 1 is the subject.
const WHO_ABOUT = new RegExp(
  String.raw`^(?:who(?:'s| has| have| had| did| else| all| exactly)?|which (?:[\p{L}-]+ )?(?:person|people|one|` +
    'ones|officials?|politicians?|experts?|analysts?|leaders?|sources?|speakers?|candidates?|countries|' +
    String.raw`groups?|organi[sz]ations?|senators?|lawmakers?|ministers?))\s+(?:(?:also|ever|publicly|actually|else|` +
    String.raw`has|have|had|did|is|was|were|are|been)\s+)*` +
    '(?:(?:talk|talked|talks|talking|speak|spoke|speaks|spoken|speaking|comment|commented|comments|' +
    'commenting|remark|remarked|weigh|weighed in|testify|testified|write|wrote|writes|written|complain|' +
    String.raw`complained|complains|warn|warned|warns|(?:is|was|are|were|been) quoted|quoted)\s+(?:(?:something|` +
    String.raw`anything|things|a lot|much|publicly|out|in|up)\s+)*` +
    String.raw`|(?:said|say|says)\s+(?:something|anything|things|what|a lot|much)\s+)(?:about|on|regarding|` +
    String.raw`concerning|over|against|of)\s+(.+)$` +
    String.raw`|^(?:who|which (?:[\p{L}-]+ )?(?:person|people|one|officials?|politicians?|experts?|` +
    String.raw`leaders?))\s+(?:(?:also|ever|publicly|has|have|had|did)\s+)*` +
    '(?:mention|mentioned|mentions|criticize|criticized|criticizes|criticise|criticised|criticises|' +
    'praise|praised|praises|blame|blamed|blames|attack|attacked|attacks|defend|defended|defends|discuss|' +
    'discussed|discusses|address|addressed|addresses|condemn|condemned|condemns|' +
    'oppose|opposed|opposes|support|supported|supports|welcome|welcomed|welcomes|' +
    String.raw`reject|rejected|rejects)\s+(.+)$`,
  'iu',
);

const TRAILING_WHO = new RegExp(
  String.raw`^(.{4,}?)[\s,.;:—–-]*\b(?:who said (?:that|this|it)|who(?:'s| is| was) (?:that|this|it) (?:from|by)|` +
    'whose (?:words|quote|quotation|line|remark|statement) (?:is|are|was|were) (?:that|this|these|it)|' +
    String.raw`who was it|who(?:'s| is) the (?:source|speaker|author)|source|speaker)\s*\??$`,
  'i',
);

const HELP = new RegExp(
  String.raw`^(?:help|\/help|hi|hello|hey|hiya|yo|hallo|greetings|good (?:morning|afternoon|evening)|start|\/start|` +
    String.raw`commands|menu|usage|\?+|what can you do|how do(?:es)? (?:this|it|you) work|what do you do|` +
    String.raw`how do i use (?:this|you|it)|what are you|who are you|thanks|thank you)\b[\s!.?]*$`,
  'i',
);

const WHO_IS = new RegExp(
  "^(?:who(?:'s| is| was| are| were)|whos|tell me (?:more )?about|what do you know about|" +
    'info(?:rmation)? (?:on|about)|describe|who the (?:hell|heck) is|give me (?:info|background) on|' +
    String.raw`background on|profile of|what(?:'s| is| was) the (?:role|job|title) of)\s+(.+?)$`,
  'i',
);

// Words that open a question, not a name: a bare "Borrell" may be a speaker, "Did Borrell" is not one.
const OPENERS = union([WH_WORDS, AUXILIARIES], 'when', 'be been being am shall may might must');
const QUESTION_OPENING = new RegExp(`^(?:${[...OPENERS].join('|')})\\b`, 'i');

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
    return {
      ...base,
      intent: 'help',
      overview: 'speakers',
      ...(article && !CORPUS_WORDS.test(article) ? { article } : {}),
    };
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

  const what = whatSaid(plain);
  if (what) return { ...base, intent: 'what_said', ...what };
  // A bare name ("Borrell") is a what_said if it names a speaker, else a search: the engine decides.
  if (plain.split(/\s+/).length <= 4 && /^[\p{Lu}]/u.test(plain) && !QUESTION_OPENING.test(plain)) {
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

/** A who-said question: the words, and the kind of person asked about when the question names one. */
function whoSaid(plain: string): WhoSaid | null {
  const words = whoSaidWords(plain);
  const role = roleAsked(plain);
  if (words !== null) return { snippet: words, ...(role ? { role } : {}) };
  return otherWhoSaid(plain);
}

/** A question about what was said on a subject; `names`: who said it is what is asked. */
function topicQuestion(plain: string): { topic: string; names?: boolean } | null {
  const about = WHO_ABOUT.exec(plain);
  const raw = about ? (about[1] ?? about[2]) : '';
  const subject = !NOT_A_SUBJECT.test(raw) && cleanTopic(raw);
  if (subject && subject.split(/\s+/).length <= MAX_SUBJECT_WORDS) return { topic: subject, names: true };
  return topicForm(plain);
}

function onlyQuoted(plain: string): string | null {
  const m = /^["“”‘’'«»„]+(.+?)["“”‘’'«»]*$/u.exec(plain);
  if (m && /^["“„«]/.test(plain) && m[1].split(/\s+/).length >= 2) return cleanSnippet(m[1]);
  return null;
}

// Requests and framing around the question itself: "Can you find who said …", "I'd like to know what
// X said", "Who was it that said …", "Sanctions: what did X say?".
const REQUEST = new RegExp(
  String.raw`^(?:(?:please|pls|ok|okay|so|hey|quick question|question)[,:]?\s+|(?:can|could|would|` +
    String.raw`will) you (?:please )?(?:tell me|show me|find(?: out)?|look up|check|let me know|say)\s+|(?:i(?:'d|` +
    " would) (?:like|love) to know|i (?:want|need) to know|i wonder|i'?m wondering|i am wondering|" +
    "do you know|does anyone know|any idea|i'?m curious|tell me|show me|give me|get me|let me know|" +
    String.raw`find out|look up|search for|find|list|show|summari[sz]e|recap|explain|describe)\s*:?\s+(?=(?:who|whom|` +
    String.raw`whose|what|how|which|if|whether)\b))`,
  'i',
);
const FRAMED_WHO = new RegExp(
  String.raw`^(who)\s+(?:(?:was|is) it|exactly|actually|really|do you think|would you say|do you guess|might have|` +
    String.raw`could have|could it be that)\s+(?:that\s+|who\s+)?(?=said|says|stated|wrote|told|claimed)`,
  'i',
);
const SAYING = /\b(?:say|said|says|think|thinks|thought|tell|told|comment|commented|talk|talked)\b/i;
const TOPIC_FIRST = /^([^:?]{2,60}):\s*((?:what|how)\s.+)$/i;

function unwrap(plain: string): string {
  let q = plain;
  for (let m = REQUEST.exec(q); m && m[0].length < q.length; m = REQUEST.exec(q)) q = q.slice(m[0].length);
  q = q.replace(/^(?:if|whether)\s+/i, '').replace(/,?\s+please$/i, '');
  q = q.replace(FRAMED_WHO, '$1 ');
  const topicFirst = TOPIC_FIRST.exec(q);
  if (topicFirst && SAYING.test(topicFirst[2]) && !/\b(?:about|on|regarding)\s/i.test(topicFirst[2]))
    q = `${topicFirst[2]} about ${topicFirst[1]}`;
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
