// The words of names: particles inside them ("von der Leyen"), suffixes after them ("Jr."), words that
// make a name an organisation's ("Committee", "Times"), and the capitalised words that are no name at all
// ("Meanwhile", "Monday", "Residents").
import { naturalStopwords } from '../text/natural.js';
import { PEOPLE_NOUNS } from './people.js';
import {
  ARTICLES,
  COORDINATORS,
  DAYS,
  DEMONSTRATIVES,
  MONTH_ABBREVIATIONS,
  MONTHS,
  NUMBERS,
  PREPOSITIONS,
  QUANTIFIERS,
  SUBORDINATORS,
  union,
  WH_WORDS,
  words,
} from './words.js';

export const NAME_PARTICLES = words('de da del della der den van von bin al el la le du dos das di y ibn abu st.');
/** Words that join the parts of an organisation's name ("Bank of England", "Department for Education"). */
export const ORG_LINKS = words('of for &');
/** Written after a surname and no part of it: "Jr.", "III", post-nominals ("Sarah Quennell KC", "Gareth Pryce MP"). */
export const NAME_SUFFIXES = words('jr jr. sr sr. ii iii iv kc qc mp mep msp obe mbe cbe');
/** The suffixes that tell a father from a son: part of the person's name, not a post-nominal. */
export const GENERATIONS = words('jr sr ii iii iv');

/** The surname of a name as written: its last word before any suffix ("Sarah Quennell KC" → "Quennell"). */
export function surnameOf(name: string): string {
  const parts = name.split(' ');
  while (parts.length > 1 && NAME_SUFFIXES.has(parts[parts.length - 1].toLowerCase().replace(/[.,]$/, ''))) parts.pop();
  return parts[parts.length - 1];
}

/** Words that make a name an organisation's. */
export const ORG_WORDS = words(`department ministry committee party council commission union university center centre
 institute foundation association campaign times post news network agency office bureau corporation corp inc group bank
 court senate house congress administration government consulate embassy service fund organization organisation
 coalition alliance journal magazine press club company co llc church school college board authority police army
 forces movement reuters ap afp cnn abc nbc cbs fox msnbc bbc npr pac super-pac caucus federation league tribune
 herald gazette daily weekly review trust cabinet parliament assembly farnesina kremlin pentagon whitehouse dpa ansa
 tass interfax xinhua politico breitbart huffpost productions records studios studio entertainment media label labels
 holdings partners capital labs motors airlines airways systems technologies industries enterprises ventures
 pharmaceuticals bureau council institute laboratory laboratories observatory prosecution ministry library museum`);

/** First words of names that are not given names ("National Guard", "United Nations"). */
export const NOT_GIVEN_NAMES = words(`national united new north south east west central american british european
 federal state city royal general first great saint st the`);

/** Capitalised at the start of a sentence, but ordinary words, not names. */
export const COMMON_CAPITALISED = union(
  [
    words(naturalStopwords.join(' ')),
    ARTICLES,
    COORDINATORS,
    SUBORDINATORS,
    WH_WORDS,
    DEMONSTRATIVES,
    NUMBERS,
    QUANTIFIERS,
    PREPOSITIONS,
    DAYS,
    MONTHS,
    MONTH_ABBREVIATIONS,
    PEOPLE_NOUNS,
  ],
  `however meanwhile moreover still also then later earlier first finally just only even never not yet thus so indeed
 instead already now today yesterday tomorrow tonight perhaps maybe next last second third every such former latter
 new old said says say told tells asked asks added adding noted wrote writes calling called according speaking
 recalling sen rep gov dr mr mrs ms president senator governor secretary minister republican democrat democratic gop
 conservative conservatives liberal liberals libertarian progressive progressives independent`,
);

/** Labels that page furniture and news copy open lines with ("Update:", "Photo:"): never a speaker. */
export const FURNITURE_LABELS = words(`a answer note update updated editor's editors photo photos image video watch read
 related source sources credit caption correction disclaimer advertisement tag tags share breaking analysis opinion
 live latest summary background context warning trigger spoiler ps p.s. email tel phone web website address date
 time location by from to subject cc re`);

/** Labels of an interviewer's lines ("Q:", "Question:"). */
export const QUESTION_LABELS = words('q question interviewer');
/** Labels of the guest's lines beside them ("A:", "Answer:"). */
export const ANSWER_LABELS = words('a answer');

/** Second words of furniture labels written without a colon ("Image caption", "Media copyright"). */
export const FURNITURE_SECOND_WORDS = words('caption copyright credit source');

/** Words of photo credits ("Getty Images", "AP Photo"): a short line holding one is a credit. */
export const CREDIT_WORDS = words(`photo photos photograph image images getty shutterstock alamy reuters afp epa
 credit courtesy`);
