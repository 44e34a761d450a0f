// The words people ask with, beyond those news is written with. The verbs a question asks with are the
// core verbs of saying (verbs.ts) in the forms a question types, plus the verbs only questions use
// ("What does X think", "Who praised …", "Did X threaten …"); the other lists name what only a
// question says: whom or where a thing was said, anyone, a generic person, a topic's quotes.
import { IRREGULAR_PAST, SPEECH_VERBS } from './verbs.js';
import { union, words } from './words.js';

/** A list of words and phrases, comma-separated: phrases ("the press") have spaces. */
const phrases = (list: string): string[] =>
  list
    .split(',')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

// Verbs of thinking, judging and naming that news seldom cues a quote with but questions ask with, one a
// line as in verbs.ts: base, third person, past.
const QUESTION_VERBS = `think thinks thought | believe believes believed | mean means meant | reveal reveals revealed
 | speak speaks spoke | talk talks talked | feel feels felt | post posts posted | blame blames blamed
 | criticize criticizes criticized | criticise criticises criticised | praise praises praised
 | propose proposes proposed | demand demands demanded | find finds found | sing sings sang sung
 | chant chants chanted | recommend recommends recommended | expect expects expected | fear fears feared
 | hope hopes hoped | pledge pledges pledged | advise advises advised | threaten threatens threatened
 | utter utters uttered | refer refers referred | label labels labeled labelled | dub dubs dubbed
 | characterize characterizes characterized | compare compares compared | question questions questioned`;

const ALL_VERBS: ReadonlyArray<readonly string[]> = [
  ...SPEECH_VERBS,
  ...QUESTION_VERBS.split('|').map((l) => l.trim().split(/\s+/)),
];
const formsOf = (base: string): readonly string[] => ALL_VERBS.find((f) => f[0] === base) ?? [];
/** Base and past: what follows "did", "has" or a name in a question ("did X say", "X said"). */
const basePast = (forms: readonly string[]) => forms.filter((f, i) => i === 0 || (i > 1 && !f.endsWith('ing')));
/** Third person and past: what follows "who" ("who says", "who said"). */
const afterWho = (forms: readonly string[]) => forms.filter((f, i) => i > 0 && !f.endsWith('ing'));

// Core verbs a what-said question does not ask with: names or nouns as often as verbs ("What did Point …",
// "Muse"), verbs that carry another ("what did X continue to say"), and ones questions were never seen to
// use; each one let in would end a speaker's name where it now does not.
const NOT_ASKED = words(`continue read underline clarify confirm quip joke shout exclaim whisper point reiterate
 repeat affirm assert maintain contend lament muse observe recount`);
// Verbs only questions ask "what did X <verb>" with.
const WHAT_ONLY = words(`think believe mean reveal speak talk feel post blame criticize criticise praise propose
 demand find sing chant recommend expect fear hope pledge advise`);

/**
 * Verbs a what-said question may ask with ("What did X tell …", "What does X sing …"), base and past.
 * Longer than SAY_VERBS: after "what did X", any of them ends the speaker's name.
 */
export const WHAT_VERBS: readonly string[] = [
  ...SPEECH_VERBS.filter((f) => !NOT_ASKED.has(f[0])).flatMap(basePast),
  ...[...WHAT_ONLY].flatMap((v) => basePast(formsOf(v))),
  // Typed so ("What does X says"), and the idiom of having something to say.
  ...phrases('says, saying, thinks, have to say, had to say, has to say, got to say'),
];

// Core verbs whose forms a "who <verb> …" question is not read with: they are kept in the words asked
// about ("who confirmed the deal" looks for "confirmed the deal"), as any verb outside this list is.
const NOT_AFTER_WHO = words(`conclude continue read underline clarify confirm shout exclaim whisper testify reiterate
 repeat affirm assert maintain contend lament muse recount`);
// Verbs only questions ask "who <verb> …" with: of thinking ("who thinks"), judging and naming ("who dubbed").
const WHO_ONLY = words(`think believe criticize criticise praise blame utter talk speak refer label dub characterize
 compare question`);

/** Verbs of saying (and of holding a view) after "who", in the forms people type: -ed, -s, base. */
export const SAY_VERBS: readonly string[] = [
  'say',
  ...SPEECH_VERBS.filter((f) => !NOT_AFTER_WHO.has(f[0])).flatMap(afterWho),
  ...[...WHO_ONLY].flatMap((v) => afterWho(formsOf(v))),
];

/** Verbs whose object is whom it was said to, not what about: "What did X tell the BBC?" */
export const TO_WHOM_VERBS: readonly string[] = [...words('tell ask urge warn advise')].flatMap((v) =>
  basePast(formsOf(v)),
);

/** Verbs a check of a quote asks with ("Did X say …", "Was it X who claimed …"). */
export const VERIFY_VERBS: readonly string[] = [
  'says',
  ...[
    ...words(`say tell claim state write call describe warn admit tweet argue insist predict promise suggest deny
 threaten announce declare`),
  ].flatMap((v) => basePast(formsOf(v))),
];

/** Past tenses a question's "who <verb> …" may use that no list of verbs holds ("who swore …"). */
export const QUESTION_IRREGULAR_PAST = union(
  [IRREGULAR_PAST],
  `sang chose drew won lost held led left sent came became began brought bought caught fought kept let paid ran sold
 stood taught understood found swore rang`,
);

/** Where a thing was said, not what about: "in a statement", "in her letter", "on Twitter". */
export const MEDIA = phrases(`statement, statements, letter, letters, interview, interviews, tweet, tweets, post, posts,
 speech, speeches, testimony, filing, filings, email, emails, memo, note, op-ed, column, press conference,
 news conference, briefing, court, hearing, video, podcast, blog, book, report, study, paper, message, release,
 press release, remarks, twitter, facebook, instagram`);

/** Words that deny the verb after "who": "Who doesn't think …", "Who did not want …". */
export const DENIALS = phrases(`doesn't, doesnt, does not, didn't, didnt, did not, don't, do not, won't, will not,
 isn't, is not, wasn't, was not, aren't, are not, weren't, were not, hasn't, haven't, can't, cannot, never`);

/** Nouns for people too common to hint at who ("which official said"), unlike "which economist". */
export const GENERIC_PERSON_NOUNS = phrases(`person, people, one, ones, official, officials, politician, politicians,
 candidate, speaker, analyst, analysts, source, sources, man, woman, leader, leaders, expert, experts, reporter,
 journalist, organization, organisation, group, groups, agency, ministry, government, senator, senators, lawmaker,
 lawmakers, minister, ministers, countries`);

/** Prepositions that hold a stance after "who is" ("who is against the ceasefire"), as adjectives do. */
export const STANCE_PREPOSITIONS = phrases('against, for, behind');

/** Openings that ask who, of anyone: "did anyone say …", "has somebody mentioned …". */
export const ANYONE = phrases('anyone, anybody, someone, somebody, any one, no one, nobody');

/** Words that mark a question about the things said on a subject: "quotes about Y", "reactions to Y". */
export const TOPIC_NOUNS = phrases(
  'quotes, quote, quotations, statements, remarks, comments, reactions, reaction, responses, opinions, views',
);

/** Whom a thing is said to, in "Did X tell reporters …". */
export const AUDIENCES = phrases(`reporters, journalists, the press, the media, the crowd, the audience, supporters,
 voters, viewers, listeners, the public, congress, lawmakers, the senate, the committee, the court, us, you, him,
 her, them, people, the nation, the country, fans, students, donors, the jury, the judge`);
