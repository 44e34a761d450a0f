// Closed classes of English words (lower case): the function words every reading of a sentence leans on.
// Attribution and stop words build their sets from these; nothing below the lexicon lists them again.

/** A set from a whitespace-separated list. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** The set holds the word, or the singular of its plural ("ministries" → ministry, "democrats" → democrat). */
export function holdsNoun(set: ReadonlySet<string>, word: string): boolean {
  return set.has(word) || set.has(word.replace(/ies$/, 'y')) || set.has(word.replace(/s$/, ''));
}

/** The union of sets, with words added or taken away: how a use builds its set from the classes. */
export function union(sets: Array<ReadonlySet<string>>, add = '', remove = ''): ReadonlySet<string> {
  const out = new Set<string>();
  for (const s of sets) for (const w of s) out.add(w);
  for (const w of words(add)) out.add(w);
  for (const w of words(remove)) out.delete(w);
  return out;
}

export const ARTICLES = words('the a an');
/** "a Tumblr post", "an Obama aide": a name after these is a kind of thing or a modifier, never someone named. */
export const INDEFINITE_ARTICLES = union([ARTICLES], '', 'the');
/** "one mother", "a spokeswoman": words that bring in someone the article does not name. */
export const SOMEONE_DETERMINERS = union([INDEFINITE_ARTICLES], 'one');
export const DEMONSTRATIVES = words('this that these those');
export const POSSESSIVES = words('his her their its our my your whose');
/** An article or a possessive: "the", "a", "his", "their" open a noun phrase. */
export const ARTICLE_OR_POSSESSIVE = union([ARTICLES, POSSESSIVES]);
/** Pronouns that stand as an object or an owner, never as the subject of a verb of saying. */
export const OBLIQUE_PRONOUNS = words('his her its their him them');
export const FIRST_PERSON = words('i we you');
export const SUBJECT_PRONOUNS = words('i we you they he she it');
/** "he", "she", "it": a subject that takes a verb in -s ("he notes", "it states"). */
export const SINGULAR_SUBJECTS = words('he she it');
/** Subject pronouns of a person. */
export const PERSONAL_SUBJECTS = words('he she');
export const NUMBERS = words('one two three four five six seven eight nine ten');
export const QUANTIFIERS = words('some several many most few each both other another no all any');
/** Words before a role that say which one or what rank: "the former minister", "a senior aide". */
export const RANK_WORDS = words('former senior top chief deputy personal official');
export const INDEFINITE = union([NUMBERS, QUANTIFIERS], 'a an unnamed anonymous senior top', 'each both all any no');

/** Prepositions that say where words were said or written: "said in a statement", "wrote on Twitter". */
export const VENUE_PREPOSITIONS = words('in on at');
/** Prepositions that open a place, a time or a topic after a name ("Trump in Ohio", "said on Monday"). */
export const SETTING_PREPOSITIONS = union(
  [VENUE_PREPOSITIONS],
  'to during after before about with from into since until',
);
/** Prepositions that tie a name to what it belongs to ("a spokesman for Nazarbayev", "Vladeck of Texas"). */
export const LINK_PREPOSITIONS = words('of for');
/** Prepositions inside a role phrase that say where someone works ("analyst at Carnegie", "head of the union"). */
export const AFFILIATION = words('of for at');
export const PREPOSITIONS = union(
  [SETTING_PREPOSITIONS, LINK_PREPOSITIONS],
  `by under over against among between across through via upon toward towards than like unlike onto within without
  behind beyond near despite inside outside`,
);
export const COORDINATORS = words('and but or nor so yet');
export const SUBORDINATORS = words('as while when where because although though if after before since unless whether');
export const RELATIVES = words('who which whom whose that');
export const WH_WORDS = words('what how why where who which whom whose');
export const AUXILIARIES = words(`is was are were be been being am has had have will would can could should shall may
 might must did does do`);
export const BE_FORMS = words("is was are were be been being am 's");
/** "she is a mother", "known as a father": words before a noun phrase that describes someone else named. */
export const PREDICATE_WORDS = union([BE_FORMS], 'as');
export const NEGATIONS = words('not no never');
export const CONTRACTIONS = words("it's i'm don't didn't won't can't");
/** The halves of contractions a word tokenizer leaves behind ("doesn" + "t"). */
export const CONTRACTION_HALVES = words(`don doesn didn isn wasn aren weren hasn haven hadn couldn shouldn wouldn ain
 ll re ve`);

export const DAYS = words('monday tuesday wednesday thursday friday saturday sunday');
export const MONTHS = words('january february march april may june july august september october november december');
export const MONTH_ABBREVIATIONS = words('jan feb mar apr jun jul aug sep sept oct nov dec');
/** Words of time that sit next to a verb of saying ("said yesterday", "later added"). */
export const TIME_WORDS = words(`yesterday today tonight tomorrow earlier later afterward afterwards again morning
 afternoon evening night`);

/**
 * Adverbs and auxiliaries that may stand between a subject and its verb ("he later said", "Trump also
 * told", "has repeatedly argued"). Any word in -ly counts too (isAdverbWord).
 */
export const ADVERBS = words(`also later then again further once even still just only recently previously repeatedly
 publicly has had have would will could might may did does do was is reportedly separately quickly finally first
 similarly likewise earlier afterward afterwards subsequently often long herself himself themselves yesterday today
 tonight privately simply flatly immediately never always`);

export function isAdverbWord(lower: string): boolean {
  return ADVERBS.has(lower) || (lower.endsWith('ly') && lower.length > 4);
}

/** Words that make a stretch of text a clause, not a name or a role: it cannot be a source. */
export const CLAUSE_WORDS = union(
  [AUXILIARIES, NEGATIONS, SUBORDINATORS, RELATIVES, WH_WORDS, DEMONSTRATIVES, CONTRACTIONS],
  'there here',
  'am as after before since unless whether',
);
