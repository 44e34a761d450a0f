// Words for people: pronouns, the titles written before a name ("Sen.", "Insp", "Dr"), the nouns that
// name someone by role ("the analyst", "a spokeswoman"), the things that speak for someone ("a
// statement"), and the bodies named only by what they are ("police", "the ministry").
import { stem } from '../text/stemmer.js';
import { wordFacts } from './word-memo.js';
import { holdsNoun, union, words } from './words.js';

export type Pronoun = 'he' | 'she' | 'they' | 'it' | 'i';

export const PRONOUNS: Readonly<Record<string, Pronoun>> = {
  he: 'he',
  him: 'he',
  his: 'he',
  she: 'she',
  her: 'she',
  they: 'they',
  them: 'they',
  it: 'it',
  i: 'i',
  we: 'they',
};

// Abbreviated titles and what they spell: descriptions write titles out ("Sen." and "Senator" describe alike).
const SPELLED: Readonly<Record<string, string>> = {
  sen: 'Senator',
  rep: 'Representative',
  gov: 'Governor',
  gen: 'General',
  lt: 'Lieutenant',
  col: 'Colonel',
  sgt: 'Sergeant',
  capt: 'Captain',
  adm: 'Admiral',
  maj: 'Major',
  rev: 'Reverend',
  pres: 'President',
  atty: 'Attorney',
  amb: 'Ambassador',
  supt: 'Superintendent',
  del: 'Delegate',
  prof: 'Professor',
  insp: 'Inspector',
  det: 'Detective',
  cmdr: 'Commander',
  cpl: 'Corporal',
};

/** "Mr", "Dr": titles of courtesy, which describe no one. */
export const COURTESY_TITLES = words('mr mrs ms dr');

/** Abbreviated titles that end a run of capitals when no name follows ("former Pennsylvania Gov."). */
export const SHORT_TITLES = union([COURTESY_TITLES], 'gov sen rep gen lt col st sgt capt adm maj');

/** Words written with a period that is no sentence end: titles, suffixes, "No.", "Mt.". */
export const ABBREVIATIONS = union(
  [COURTESY_TITLES, words(Object.keys(SPELLED).join(' '))],
  'st jr sr hon no nos vol fig mt ft',
);

/** A title's spelled-out form ("Sen." → "Senator"), or the word as written. */
export function spellTitle(word: string): string {
  return SPELLED[word.toLowerCase().replace(/\.$/, '')] ?? word;
}

/** Titles after which a given name follows, not a surname ("Sir Keir" is Keir Starmer). */
export const GIVEN_NAME_TITLES = words('sir dame');

/** Title words that also open organisations' names ("State Department", "High Court"): no sign of a person. */
export const ORG_TITLE_WORDS = words('former state foreign high first');

/** Words that make a title a legislature's ("House Speaker", "Senate Majority Leader"). */
export const CHAMBERS = words('house senate state congressional assembly');
export const CHAMBER_RANKS = words('majority minority');

/** Qualifiers that date a title, never part of a body's name ("Former Breitbart reporter …"). */
export const PAST_QUALIFIERS = words('former ex late');

// Offices and ranks written before a name.
const OFFICES = words(`professor sir dame lord lady senator representative congressman congresswoman governor president
 vice secretary minister premier chancellor mayor judge justice general colonel captain admiral major reverend father
 pope king queen prince princess sheikh ambassador commissioner chairman chairwoman chair speaker leader attorney
 delegate assemblyman assemblywoman councilman councilwoman councillor councilor alderman sheriff superintendent
 commander inspector detective mp mep msp whip president-elect`);
// Words that qualify a title ("former", "deputy", "Foreign Minister", "Prime Minister").
export const TITLE_QUALIFIERS = union(
  [PAST_QUALIFIERS],
  `state deputy chief first foreign prime high majority minority
 presidential vice`,
);
const PARTIES = words('republican democratic democrat gop');
// Roles that news writes as titles ("analyst Tom Riley", "Economist Aparna Mathur").
const ROLES_AS_TITLES = words(`candidate nominee spokesman spokeswoman spokesperson businessman billionaire analyst
 researcher economist activist dissident officer official director executive ceo founder hopeful rival adviser advisor
 aide strategist pollster host anchor reporter columnist correspondent editor author writer lawmaker legislator`);

// Abbreviated titles, with and without their period ("Sen", "Sen.").
const ABBREVIATED = words(
  [...COURTESY_TITLES, ...Object.keys(SPELLED)]
    .filter((t) => t !== 'pres' && t !== 'supt')
    .flatMap((t) => [t, `${t}.`])
    .join(' '),
);

/** Titles and role words that stand before a name and are not part of it. */
export const TITLES = union([OFFICES, TITLE_QUALIFIERS, PARTIES, ROLES_AS_TITLES, ABBREVIATED], 'miss');

export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

// Nouns that name a person by role. The source heads learn-cues also writes (learned.json `roles`) are
// not read: this list is the whole of it.
const CORE_ROLES = words(`analyst researcher expert scholar professor economist strategist pollster dissident minister
 spokesman spokeswoman spokesperson official officer leader president senator governor candidate nominee adviser
 advisor aide director chief chairman chairwoman executive founder activist lawyer attorney judge diplomat ambassador
 commander general banker businessman billionaire mogul tycoon journalist reporter editor columnist writer author host
 anchor witness source insider observer critic opponent rival ally friend wife husband mother father son daughter
 brother sister doctor physician scientist historian lawmaker legislator congressman congresswoman representative
 mayor premier chancellor prosecutor investigator detective police policeman officer soldier veteran student teacher
 resident voter supporter protester demonstrator organizer campaigner manager staffer strategist consultant
 secretary deputy head owner partner colleague man woman patient author actor actress singer player coach manager
 teacher nurse surgeon pilot farmer worker owner chef founder commenter forecaster meteorologist harbourmaster
 headteacher headmaster headmistress`);
/** Members of a party, named by it: "Republicans said" is a source, and keeps its capital. */
const PARTY_MEMBERS = words('democrat republican tory');
// Every office written before a name names a person by role too ("the councillor", "the inspector").
const ROLES = union([
  CORE_ROLES,
  PARTY_MEMBERS,
  union([OFFICES], '', 'sir dame lord lady father vice chair speaker major'),
]);

/** "Democrats", "Tory": a party's members, a proper noun. */
export const isPartyMember = (word: string) => holdsNoun(PARTY_MEMBERS, word.toLowerCase());

/** A noun that names a person by role ("the analyst", "a spokesman"), singular or plural. */
export function isPersonRole(word: string): boolean {
  return personRole(word);
}

const personRole = wordFacts.question((word) => {
  const w = word.toLowerCase();
  return (
    ROLES.has(w) ||
    (w.endsWith('s') && ROLES.has(w.slice(0, -1))) ||
    (w.endsWith('men') && ROLES.has(`${w.slice(0, -3)}man`))
  );
});

// Roles that are kin: "the analyst" may point back to someone introduced as a researcher.
const ROLE_KIN: string[][] = [
  [
    'analyst',
    'researcher',
    'expert',
    'scholar',
    'professor',
    'economist',
    'strategist',
    'pollster',
    'observer',
    'specialist',
    'historian',
    'scientist',
    'fellow',
  ],
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

/** Role stems that a role noun can point back to (itself and its kin). */
export function roleKin(word: string): Set<string> {
  const s = stem(word);
  return kin.get(s) ?? new Set([s]);
}

/** Roles that belong to someone: "Nazarbayev's spokesman", "spokesman for Nazarbayev", "the Clinton campaign". */
export const DEPENDENT_ROLES = words(`spokesman spokeswoman spokesperson aide aides adviser advisor advisers lawyer
 attorney representative campaign wife husband son daughter brother sister mother father office secretary manager
 team staff allies ally camp family`);

/** What an owner's name makes of its organisation: "the Clinton campaign", "Trump's administration". */
export const OWNED_BODIES = words('campaign office administration team government party');

/** Nouns a name modifies when it is not the actor: "Trump campaign spokesman", "Clinton aides". */
export const MODIFIED_NOUNS = words(`campaign administration team camp aide aides official officials supporter
 supporters allies foundation organization policy policies plan plans website era rally rallies voters spokesman
 spokeswoman spokesperson adviser advisers advisor advisors surrogate surrogates staff staffers press family
 presidency tower university white organizing communications`);

/** Institutions an article may name only by what they are: "the ministry", "the port authority". */
export const INSTITUTIONS = words(`ministry department government administration police army military union council
 committee commission authority authorities agency embassy court prosecutor prosecutors company firm bank board
 regulator watchdog airline club hospital university school district county city municipality prefecture presidency
 kremlin junta militia group charity organization organisation trust`);

/** "ministry", and "ministries" for two of them ("the Russian and Syrian defense ministries"). */
export const isInstitution = (word: string) => holdsNoun(INSTITUTIONS, word);

/** Businesses an article names, then calls by what they are: "GunBroker.com … the company wrote". */
export const BUSINESSES = words('company firm');

/** Public bodies named with no article: "police said", "Prosecutors said". */
export const BARE_BODIES = words('police prosecutors investigators authorities firefighters paramedics regulators');

// Things that speak for someone: "a statement read", "reads a note", "the report said".
const DOCUMENTS = new Set(
  [
    ...words(`statement note release communique communiqué memo letter email e-mail report
 document post tweet message announcement notice filing brief transcript interview editorial ad advertisement video
 website site page press`),
  ].map(stem),
);

/** Spoken or written works a person owns ("his speech", "her book"), besides documents and words said. */
export const WORKS = words('speech speeches book books memoir column op-ed essay address');

export function isDocument(word: string): boolean {
  return DOCUMENTS.has(stem(word));
}

// "a source", "officials", "people familiar with": speakers the article does not name.
const ANONYMOUS = words(`source sources official officials insider insiders aide aides person people someone adviser
 advisers advisor advisors staffer staffers spokesperson diplomat diplomats observers witness witnesses`);

export function isAnonymousHead(word: string): boolean {
  return ANONYMOUS.has(word);
}

// Words that say a person is a woman or a man, in a title or a description.
const FEMALE = words(`wife mother daughter sister woman women congresswoman spokeswoman chairwoman actress businesswoman
 queen princess lady mrs ms miss grandmother girlfriend widow`);
const MALE = words(`husband father son brother man congressman spokesman chairman businessman king prince lord mr
 grandfather boyfriend widower`);

/** 'f' when the words name a woman, 'm' a man (a woman's word wins), else undefined. */
export function genderOfWords(text: string): 'm' | 'f' | undefined {
  if (!text) return undefined;
  const ws = text.toLowerCase().split(/[^\p{L}]+/u);
  if (ws.some((w) => FEMALE.has(w))) return 'f';
  if (ws.some((w) => MALE.has(w))) return 'm';
  return undefined;
}

/** Nouns for people in groups or by what they do, capitalised at a sentence's start but no name. */
export const PEOPLE_NOUNS = words(`sources source officials supporters critics democrats republicans americans voters
 analysts experts resident residents witness witnesses neighbour neighbor neighbours neighbors shopkeeper shopper
 shoppers student students teacher teachers nurse nurses doctor doctors farmer farmers worker workers driver drivers
 passenger passengers fan fans parent parents local locals tourist tourists protester protesters activist activists
 survivor survivors victim victims owner owners customer customers commuter commuters volunteer volunteers veteran
 veterans retiree pensioner`);
