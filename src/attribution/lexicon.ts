// The words attribution reads: cue verbs learned from annotated news (lexicon.json, made by
// scripts/learn-cues.ts from PolNeAR's train split) plus a small core of speech verbs any English news
// uses, pronouns, titles, and the nouns that name people by their role.
import { createRequire } from 'node:module';
import { stem } from '../text/stemmer.js';
import type { Lexicon } from './learn.js';

const lexicon: Lexicon = createRequire(import.meta.url)('./lexicon.json');

// Verbs of saying that a corpus of US election news may lack but any news uses.
const CORE_SPEECH = `say says said saying tell tells told ask asks asked explain explains explained add adds added
 write writes wrote state states stated declare declares declared note notes noted claim claims claimed insist
 insists insisted reply replies replied respond responds responded answer answers answered remark remarks
 remarked comment comments commented warn warns warned argue argues argued suggest suggests suggested recall
 recalls recalled admit admits admitted acknowledge acknowledges acknowledged announce announces announced
 conclude concludes concluded continue continues continued tweet tweets tweeted read reads speculate
 speculates speculated wonder wonders wondered observe observes observed stress stresses stressed emphasize
 emphasizes emphasized underline underlines underlined clarify clarifies clarified confirm confirms confirmed
 deny denies denied complain complains complained quip quips quipped joke jokes joked shout shouts shouted
 exclaim exclaims exclaimed whisper whispers whispered report reports reported testify testifies testified
 predict predicts predicted promise promises promised vow vows vowed urge urges urged point points pointed
 accuse accuses accused reiterate reiterates reiterated repeat repeats repeated affirm affirms affirmed
 assert asserts asserted maintain maintains maintained contend contends contended mention mentions mentioned
 lament laments lamented concede concedes conceded muse muses mused recount recounts recounted describe
 describes described call calls called`.split(/\s+/).filter(Boolean);

const speech = new Set<string>(CORE_SPEECH.map(stem));
for (const v of lexicon.verbs) {
  if (v.direct >= 2 || (v.count >= 10 && v.direct >= 1)) speech.add(v.stem);
}
// Learned cue heads include nouns ("allegations", "criticism"); only the core forms are sure verbs.
const NOUNISH = /(er|ers|or|ors|ion|ions|ment|ments|ance|ances|ist|ists|ship|ness|ity|ism)$/;
const CORE_FORMS = new Set(CORE_SPEECH);
// Stems that collide with common non-cue words once stemmed.
for (const s of ['us', 'hi', 'from', 'word', 'past', 'end', 'follow', 'recent', 'clearli', 'forward', 'plai', 'huffpost', 'nyt', 'wapo', 'conclus', 'stood', 'broke', 'cut', 'ran', 'like', 'made', 'took', 'came', 'went', 'goe', 'give', 'gave', 'put', 'sent', 'shot', 'look', 'back', 'take', 'make', 'see', 'seen', 'found', 'find', 'known', 'know', 'come', 'set', 'hold', 'held', 'lai', 'laid', 'open', 'pass', 'turn', 'start', 'began', 'try', 'tri', 'list', 'order', 'rule', 'name', 'sign', 'file', 'vote', 'show', 'shown', 'seem', 'appear', 'expect', 'want', 'support', 'endors', 'critic', 'agre', 'consid', 'plan', 'hope', 'seek', 'sought', 'push', 'focus', 'favor', 'prefer', 'aim', 'spent', 'taken']) {
  speech.delete(s);
}

/** A verb that introduces speech ("said", "tweeted", "explains"), from its lower-case form. */
// Asked of the same few thousand words over and over while reading around every quote.
const speechCache = new Map<string, boolean>();

export function isSpeechVerb(word: string): boolean {
  let yes = speechCache.get(word);
  if (yes === undefined) {
    yes = speech.has(stem(word)) && (CORE_FORMS.has(word) || !NOUNISH.test(word));
    if (speechCache.size < 100_000) speechCache.set(word, yes);
  }
  return yes;
}

// Verbs that cue speech only with their particle: "shot back", "fired back", "chimed in".
const PHRASAL: Record<string, string> = {
  shot: 'back', fired: 'back', hit: 'back', shoots: 'back', fires: 'back', hits: 'back', chimed: 'in', chimes: 'in',
  went: 'on', goes: 'on', pointed: 'out', points: 'out', put: 'it', puts: 'it', summed: 'up', sums: 'up',
};

/** A verb and the word after it cue speech together ("shot back"). */
export function isPhrasalCue(word: string, next: string | undefined): boolean {
  return PHRASAL[word] !== undefined && PHRASAL[word] === next;
}

export const PRONOUNS: Record<string, 'he' | 'she' | 'they' | 'it' | 'i'> = {
  he: 'he', him: 'he', his: 'he', she: 'she', her: 'she', they: 'they', them: 'they', it: 'it', i: 'i', we: 'they',
};

/** Titles that stand before a name and are not part of it. */
export const TITLES = new Set(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady sen sen. senator
 rep rep. representative congressman congresswoman gov gov. governor president vice secretary minister premier
 chancellor mayor judge justice gen gen. general lt lt. col col. colonel sgt sgt. capt capt. captain adm adm.
 admiral maj maj. major rev rev. reverend father pope king queen prince princess sheikh ambassador amb. commissioner
 chairman chairwoman chair speaker leader former ex late state deputy chief attorney atty. candidate nominee
 republican democratic democrat gop first lady foreign prime high representative spokesman spokeswoman
 spokesperson businessman billionaire analyst researcher professor economist activist dissident officer official
 director executive ceo founder majority minority whip president-elect presidential hopeful rival adviser advisor aide strategist
 pollster host anchor reporter columnist correspondent editor author writer del del. delegate assemblyman
 assemblywoman councilman councilwoman councillor councilor alderman sheriff superintendent commander
 inspector detective mp mep msp lawmaker legislator`.split(/\s+/).filter(Boolean));

// Nouns that name a person by role. The source heads learn-cues also writes (lexicon.json `roles`) are
// not read: this list is the whole of it.
const CORE_ROLES = `analyst researcher expert scholar professor economist strategist pollster dissident minister
 spokesman spokeswoman spokesperson official officer leader president senator governor candidate nominee
 adviser advisor aide director chief chairman chairwoman executive founder activist lawyer attorney judge
 diplomat ambassador commander general banker businessman billionaire mogul tycoon journalist reporter
 editor columnist writer author host anchor witness source insider observer critic opponent rival ally
 friend wife husband mother father son daughter brother sister doctor physician scientist historian
 lawmaker legislator congressman congresswoman representative mayor premier chancellor prosecutor
 investigator detective police policeman officer soldier veteran student teacher resident voter
 supporter protester demonstrator organizer campaigner manager staffer strategist consultant
 secretary deputy head owner partner colleague man woman`.split(/\s+/).filter(Boolean);

const personRoles = new Set<string>(CORE_ROLES);

// Roles that are kin: "the analyst" may point back to someone introduced as a researcher.
const ROLE_KIN: string[][] = [
  ['analyst', 'researcher', 'expert', 'scholar', 'professor', 'economist', 'strategist', 'pollster', 'observer', 'specialist', 'historian', 'scientist', 'fellow'],
  ['dissident', 'opposition', 'opponent', 'critic', 'activist', 'exile', 'refugee'],
  ['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'press'],
  ['minister', 'secretary', 'official', 'officer'],
  ['lawyer', 'attorney', 'counsel'],
  ['adviser', 'advisor', 'aide', 'strategist', 'consultant', 'staffer'],
  ['leader', 'chief', 'head', 'chairman', 'chairwoman', 'president'],
];
const kin = new Map<string, Set<string>>();
for (const group of ROLE_KIN) {
  const stems = new Set(group.map(stem));
  for (const s of stems) kin.set(s, new Set([...(kin.get(s) ?? []), ...stems]));
}

/** A noun that names a person by role ("the analyst", "a spokesman"). */
export function isPersonRole(word: string): boolean {
  const w = word.toLowerCase();
  return personRoles.has(w) || (w.endsWith('s') && personRoles.has(w.slice(0, -1))) || (w.endsWith('men') && personRoles.has(`${w.slice(0, -3)}man`));
}

/** Role stems that a role noun can point back to (itself and its kin). */
export function roleKin(word: string): Set<string> {
  const s = stem(word);
  return kin.get(s) ?? new Set([s]);
}

// Things that speak for someone: "a statement read", "reads a note", "the report said".
const DOCUMENTS = new Set(`statement note release communique communiqué memo letter email e-mail report document
 post tweet message announcement notice filing brief transcript interview editorial ad advertisement
 video website site page press`.split(/\s+/).filter(Boolean).map(stem));

export function isDocument(word: string): boolean {
  return DOCUMENTS.has(stem(word));
}

// "a source", "officials", "people familiar with": speakers the article does not name.
const ANONYMOUS = new Set(`source sources official officials insider insiders aide aides person people someone
 adviser advisers advisor advisors staffer staffers spokesperson diplomat diplomats observers witness
 witnesses`.split(/\s+/).filter(Boolean));

export function isAnonymousHead(word: string): boolean {
  return ANONYMOUS.has(word);
}
