// Verbs of saying: a core any English news uses, plus the cue verbs learned from annotated news
// (learned.json, written by scripts/learn-cues.ts from PolNeAR's train split). Also the nouns that name
// words said ("his promise", "the remark") and the verb forms that are nouns more often than verbs.
import { stem } from '../text/stemmer.js';
import { learned } from './learned.js';
import { wordFacts } from './word-memo.js';
import { union, words } from './words.js';

// One line a verb: its forms. The stems of all of them are verbs of saying.
const CORE = `say says said saying | tell tells told | ask asks asked | explain explains explained | add adds added
 | write writes wrote | state states stated | declare declares declared | note notes noted | claim claims claimed
 | insist insists insisted | reply replies replied | respond responds responded | answer answers answered
 | remark remarks remarked | comment comments commented | warn warns warned | argue argues argued
 | suggest suggests suggested | recall recalls recalled | admit admits admitted | acknowledge acknowledges acknowledged
 | announce announces announced | conclude concludes concluded | continue continues continued | tweet tweets tweeted
 | read reads | speculate speculates speculated | wonder wonders wondered | observe observes observed
 | stress stresses stressed | emphasize emphasizes emphasized | underline underlines underlined
 | clarify clarifies clarified | confirm confirms confirmed | deny denies denied | complain complains complained
 | quip quips quipped | joke jokes joked | shout shouts shouted | exclaim exclaims exclaimed
 | whisper whispers whispered | report reports reported | testify testifies testified | predict predicts predicted
 | promise promises promised | vow vows vowed | urge urges urged | point points pointed | accuse accuses accused
 | reiterate reiterates reiterated | repeat repeats repeated | affirm affirms affirmed | assert asserts asserted
 | maintain maintains maintained | contend contends contended | mention mentions mentioned | lament laments lamented
 | concede concedes conceded | muse muses mused | recount recounts recounted | describe describes described
 | call calls called`;

const CORE_FORMS = words(CORE.replace(/\|/g, ' '));

/** The core verbs of saying, each as its forms: base, third person, past (and "saying"). */
export const SPEECH_VERBS: ReadonlyArray<readonly string[]> = CORE.split('|').map((l) => l.trim().split(/\s+/));

/** The forms of a core verb of saying, from any one of them ("say" → say, says, said, saying). */
export function speechForms(form: string): string[] {
  return [...(SPEECH_VERBS.find((forms) => forms.includes(form)) ?? [])];
}

// Stems that collide with common non-cue words once stemmed, or that head cues without saying anything.
const NOT_SPEECH = words(`us hi from word past end follow recent clearli forward plai huffpost nyt wapo conclus stood
 broke cut ran like made took came went goe give gave put sent shot look back take make see seen found find known know
 come set hold held lai laid open pass turn start began try tri list order rule name sign file vote show shown seem
 appear expect want support endors critic agre consid plan hope seek sought push focus favor prefer aim spent taken`);

const speech = new Set<string>([...CORE_FORMS].map(stem));
for (const v of learned.verbs) {
  // A verb annotators saw cue direct quotes at least twice, or often and once with a quote.
  if (v.direct >= 2 || (v.count >= 10 && v.direct >= 1)) speech.add(v.stem);
}
for (const s of NOT_SPEECH) speech.delete(s);
// Learned cue heads include nouns ("allegations", "criticism"); only the core forms are sure verbs.
const NOUNISH = /(er|ers|or|ors|ion|ions|ment|ments|ance|ances|ist|ists|ship|ness|ity|ism)$/;

// Asked of the same few thousand words over and over while reading around every quote.
const speechVerb = wordFacts.question(
  (word) => speech.has(stem(word)) && (CORE_FORMS.has(word) || !NOUNISH.test(word)),
);

/** A verb that introduces speech ("said", "tweeted", "explains"), from its lower-case form. */
export function isSpeechVerb(word: string): boolean {
  return speechVerb(word);
}

/**
 * Recordings and what shows or hears them: "footage of Clinton asking", "the video shows Trump saying". The
 * name after one of these and before a participle of saying is the participle's speaker.
 */
export const WITNESS_WORDS = words(`of with and shows showed show showing features featured hear heard hears see saw
 sees watch watched`);

/** "tell", "told": a verb whose object is a listener, not a source. */
export const TELL_VERBS = words([...speechForms('tell'), 'telling'].join(' '));

// Verbs that cue speech only with their particle: "shot back", "fired back", "chimed in".
const PHRASAL: Record<string, string> = {
  shot: 'back',
  fired: 'back',
  hit: 'back',
  shoots: 'back',
  fires: 'back',
  hits: 'back',
  chimed: 'in',
  chimes: 'in',
  went: 'on',
  goes: 'on',
  pointed: 'out',
  points: 'out',
  put: 'it',
  puts: 'it',
  summed: 'up',
  sums: 'up',
};

// A Map: indexing an object by a word the tokenizer made (not an interned string) takes V8's slow path.
const phrasal = new Map(Object.entries(PHRASAL));

/** A verb and the word after it cue speech together ("shot back"). */
export function isPhrasalCue(word: string, next: string | undefined): boolean {
  const particle = phrasal.get(word);
  return particle !== undefined && particle === next;
}

/** Past tenses without -ed: a verb form that cannot be a noun before a name. */
export const IRREGULAR_PAST = words(`said told wrote spoke thought read put hit shot went knew felt saw meant gave
 took made quipped`);

/** Inflected: past (-ed or irregular), third person (-s), or a participle (-ing). */
export function isInflected(lower: string): boolean {
  return /(ed|s|ing)$/.test(lower) || IRREGULAR_PAST.has(lower);
}

// Verbs that report what someone said or thinks, followed by what they said ("said the talks failed").
const REPORTING = union([
  words(`said says say told tells argued argues claimed claims believes believed thinks thought
 warned warns insisted insists noted notes explained explains stated states suggested suggests added adds predicted
 acknowledged admitted announced contended maintained asserted wrote writes reported denied conceded concluded
 promised vowed pledged testified recalled responded replied reiterated stressed emphasized emphasised argue claim
 believe think warn insist explain state suggest predict acknowledge admit announce contend maintain assert report
 deny concede conclude promise vow pledge recall respond reply reiterate stress emphasize`),
]);
const reportingStems = new Set([...REPORTING].map(stem));

const reportingVerb = wordFacts.question((lower) => reportingStems.has(stem(lower)));

/** A verb of saying or thinking that takes what was said as its clause ("said the talks failed"). */
export function isReportingVerb(lower: string): boolean {
  return reportingVerb(lower);
}

/** Nouns for words someone said: Obama's "…" promise, his "…" remark. */
export const SAYING_NOUNS = words(`promise pledge line lines claim remark remarks quip slogan vow mantra warning comment
 comments statement catchphrase refrain motto boast assertion rallying battle war campaign signature famous infamous
 question message words phrase call cry description characterization characterisation label insult nickname tweet
 retort admission declaration prediction jab putdown put-down dictum maxim credo prescription answer response
 rejoinder riposte joke gaffe`);

/** Plurals that are verbs of saying only with what follows them ("states that", "notes:"), else nouns. */
export const PLURAL_NOUNS = words(`states notes claims comments remarks answers replies posts quotes points statements
 warnings`);

/** Words cited when someone is quoted: forms of say, tell and quote ("who is quoted saying"). */
export const QUOTING_WORDS = union(
  [words('quote quotes quoted quoting'), words(speechForms('say').join(' ')), words(speechForms('tell').join(' '))],
  'telling',
  'said tells',
);

const evidence = new Map(learned.verbs.map((v) => [v.stem, v]));

/** How often annotators saw this word's stem cue an attribution, and a direct quote (0 when never). */
const evidenceCache = new Map<string, { count: number; direct: number }>();

export function cueEvidence(word: string): { count: number; direct: number } {
  let e = evidenceCache.get(word);
  if (e === undefined) {
    const v = evidence.get(stem(word.toLowerCase()));
    e = v ? { count: v.count, direct: v.direct } : NO_EVIDENCE;
    if (evidenceCache.size < 100_000) evidenceCache.set(word, e);
  }
  return e;
}

const NO_EVIDENCE = Object.freeze({ count: 0, direct: 0 });
