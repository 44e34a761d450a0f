// What-said questions: "What did X say (about Y)?", "X's remarks on Y", "quotes from X", "Y according to
// X". Each form gives the speaker, and the topic, whom or where it was said when the question says.
import { ARTICLE_OR_POSSESSIVE, MEDIA, TO_WHOM_VERBS, union, WHAT_VERBS as WHAT_VERB_LIST } from '../lexicon/index.js';
import { cleanTopic, trimName } from './clean.js';
import { hasWords } from './normalize.js';

export interface WhatSaid {
  speaker: string;
  topic?: string;
  setting?: string;
  loose?: boolean;
}

const alt = (words: Iterable<string>) => `(?:${[...words].map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
const WHAT_VERBS = alt(WHAT_VERB_LIST);
// The preposition before the topic: "about", "on the subject of", "with regard to".
const TOPIC_PREP =
  '(?:with (?:regards? to|respect to)|in (?:regards? to|relation to|connection with)' +
  '|on the (?:subject|topic|issue|matter|question) of|when it comes to|as (?:to|regards|for)' +
  '|relating to|related to|pertaining to|about|on|of|regarding|concerning|re|over|to|for|after|at)';
const TOPIC = String.raw`(?:\s+${TOPIC_PREP}\s+(.+))?$`;
// A name does not end in a determiner: "what did the … say" has more name to come.
const DETERMINER = alt(union([ARTICLE_OR_POSSESSIVE], 'this that', 'whose'));
const WHAT = "(?:what|wat|wht|waht|what's|whats)";
const AUXILIARY = '(?:did|does|do|has|have|had|would|will|is|was|can|could)';
const BEFORE_VERB = String.raw`(?:ever\s+|actually\s+|really\s+|just\s+|also\s+|publicly\s+|been\s+|recently\s+)*`;
const QUOTED_AS = String.raw`(?:(?:quoted|cited|heard|reported|on record)\s+(?:as\s+)?)?`;
const VIEW_NOUNS =
  '(?:view|views|position|positions|opinion|opinions|take|stance|comment|comments|reaction|response|quote|quotes' +
  '|statement|statements|remark|remarks|words|thoughts|answer|line|message)';
const HOW_VERBS =
  '(?:describe|describes|described|react|reacted|respond|responded|view|see|characteri[sz]e|explain|justify|defend' +
  '|feel|comment|talk|speak|write|address|discuss|frame|portray)';
const QUOTE_NOUNS = 'quotes?|quotations?|statements?|remarks?|comments?';
const GIVE_ME = String.raw`(?:show|give|list|find|get|fetch|display|any|all|see)\s+(?:me\s+)?`;

/**
 * `loose`: a form that could as well be a search; it holds only if the name is a known speaker.
 * `tail`: the words after the verb, read by `readTail` (whom it was said to, where, about what).
 */
const WHAT_PATTERNS: Array<{
  re: RegExp;
  speaker: number;
  topic?: number;
  verb?: number;
  tail?: number;
  loose?: boolean;
}> = [
  // what did X say (about Y)
  {
    re: new RegExp(
      String.raw`^(?:(?:so|and|ok|okay|then)\s+)?${WHAT}(?:\s+else)?\s+${AUXILIARY}\s+(.+?)(?<!\b${DETERMINER})\s+` +
        String.raw`${BEFORE_VERB}${QUOTED_AS}(${WHAT_VERBS})(?!\s+${WHAT_VERBS}\b)` +
        String.raw`(?:\s+(?:publicly|exactly|so far|recently|then))?(?:\s+(.+))?$`,
      'i',
    ),
    speaker: 1,
    verb: 2,
    tail: 3,
  },
  // what is X saying / what was X quoted as saying (about Y)
  {
    re: new RegExp(
      String.raw`^(?:what|wat)\s+(?:is|was|are|were|has been|have been)\s+(.+?)\s+(?:quoted\s+(?:as\s+)?)?` +
        `(?:saying|telling|claiming|arguing|thinking)${TOPIC}`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // what X said / thinks (about Y)
  {
    re: new RegExp(
      String.raw`^(?:tell me |show me |give me |find |list )?(?:what|wat)\s+(.+?)\s+${WHAT_VERBS}${TOPIC}`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // what is X's view/position/take on Y
  {
    re: new RegExp(
      String.raw`^(?:what(?:'s| is| was| are| were)?|how about|and)\s+(.+?)['’]s?\s+${VIEW_NOUNS}${TOPIC}`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // how did X describe / react to Y
  {
    re: new RegExp(
      String.raw`^how\s+(?:did|does|do|has|have|would)\s+(.+?)\s+${HOW_VERBS}` +
        String.raw`(?:\s+(?:to|on|about|of|regarding))?(?:\s+(.+))?$`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // did X say anything about Y / has X commented on Y
  {
    re: new RegExp(
      String.raw`^(?:did|does|has|have|had)\s+(.+?)\s+` +
        '(?:say|said|comment|commented|talk|talked|speak|spoke|mention|mentioned|tell|told)' +
        String.raw`\s+(?:anything|something|much|a word|a thing)?\s*${TOPIC_PREP}\s+(.+)$`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // did X say anything / has X commented / did X speak: what X said, about anything
  {
    re: new RegExp(
      String.raw`^(?:did|does|has|have|had)\s+(.+?)\s+(?:ever\s+|also\s+|publicly\s+)*` +
        '(?:say|said|comment|commented|talk|talked|speak|spoke|spoken)' +
        String.raw`(?:\s+(?:anything|something|much|a word|publicly|out|up))*$`,
      'i',
    ),
    speaker: 1,
  },
  // did X mention / discuss / bring up Y
  {
    re: new RegExp(
      String.raw`^(?:did|does|has|have|had)\s+(.+?)\s+(?:ever\s+|also\s+|publicly\s+)*` +
        '(?:mention|mentioned|discuss|discussed|address|addressed|bring up|brought up|raise|raised|talk about' +
        String.raw`|talked about|speak about|spoke about|weigh in on|comment on)\s+(.+)$`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // quotes from/by X (about Y)
  {
    re: new RegExp(
      String.raw`^(?:${GIVE_ME}(?:the\s+|all\s+|some\s+|any\s+)?)?(?:${QUOTE_NOUNS}|words|sayings|lines)\s+` +
        String.raw`(?:from|by|of|attributed to|said by)\s+(.+?)${TOPIC}`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // X's quotes/remarks (about Y)
  {
    re: new RegExp(
      String.raw`^(.+?)['’]s?\s+(?:${QUOTE_NOUNS}|words|views?|opinions?|position|take|stance)${TOPIC}`,
      'i',
    ),
    speaker: 1,
    topic: 2,
  },
  // "Burman quotes on taxes", "quotes where Burman talks about taxes", "taxes according to Burman"
  {
    re: new RegExp(
      String.raw`^(?:(?:find|show|give|get|list)\s+(?:me\s+)?)?` +
        String.raw`(?:(?:the\s+|all\s+|any\s+)?(?:quotes?|times|places|passages)\s+(?:where|in which|` +
        String.raw`when)\s+)?(.+?)\s+` +
        `(?:${QUOTE_NOUNS}|talks?|talked|talking|speaks?|spoke|speaking|says?|said|saying|commented|commenting)` +
        String.raw`\s+${TOPIC_PREP}\s+(.+)$`,
      'i',
    ),
    speaker: 1,
    topic: 2,
    loose: true,
  },
  { re: /^(?:what\s+(?:about\s+)?)?(.+?),?\s+according to\s+(.+)$/i, speaker: 2, topic: 1, loose: true },
  {
    re: /^according to\s+(.+?),\s*(?:(?:what|how)(?:'s| is| was| about| of)?\s+)?(.+)$/i,
    speaker: 1,
    topic: 2,
    loose: true,
  },
  // X said (about Y) — a bare subject and verb, as typed in a hurry
  { re: new RegExp(String.raw`^(.+?)\s+(?:quotes|said what|says what|sayings)$`, 'i'), speaker: 1 },
];

// "Borrell on tensions", "Kassenova about the coup": only when the name is a known speaker.
const LOOSE_ON = new RegExp(String.raw`^(.+?)\s+(?:on|about|regarding|re:?|concerning)\s+(.+)$`, 'i');

/** A what-said question's speaker and what else it says, or null when it is no what-said question. */
export function whatSaid(plain: string): WhatSaid | null {
  for (const { re, speaker, topic, verb, tail, loose } of WHAT_PATTERNS) {
    const m = re.exec(plain);
    if (!m) continue;
    const name = trimName(m[speaker]);
    if (!name || !hasWords(name)) continue;
    const read = tail ? readTail(m[verb!], m[tail]) : { topic: topic ? cleanTopic(m[topic]) : undefined };
    const t = read.topic;
    const setting = 'setting' in read ? read.setting : undefined;
    return { speaker: name, ...(t ? { topic: t } : {}), ...(setting ? { setting } : {}), ...(loose ? { loose } : {}) };
  }
  const loose = LOOSE_ON.exec(plain);
  if (loose && loose[1].split(/\s+/).length <= 5) {
    return { speaker: trimName(loose[1]), topic: cleanTopic(loose[2]), loose: true };
  }
  return null;
}

const TO_WHOM = new Set(TO_WHOM_VERBS);
// "in a statement", "on her Twitter feed", "in Tuesday's interview"; or a word of when ("later").
const MEDIUM = new RegExp(
  String.raw`^(?:(?:in|on|during|at|via|through|with)\s+(?:(?:a|an|the|his|her|their|its|this|that|one|` +
    String.raw`[\p{L}.-]+['’]s?)\s+)?` +
    String.raw`(?:[\p{L}-]+\s+){0,2}?(?:${MEDIA.join('|')})\b` +
    String.raw`|(?:publicly|exactly|so far|recently|then|today|yesterday|later|afterwards?)\b)[\s,]*`,
  'iu',
);
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
  for (let m = MEDIUM.exec(rest); m?.[0]; m = MEDIUM.exec(rest)) {
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
