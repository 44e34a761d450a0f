// Every weight that ranks answers, in one place. Values typed here were set by hand and checked on
// PolNeAR train; values learned from data say where they come from.

/** Quotes re-ranked after the TF-IDF pass of a who-said question. */
export const RERANK_CANDIDATES = 30;

/** Below this share of the question's term weight a quote is not the one asked about: no speaker named. */
export const MIN_COVERAGE = 0.5;

/** Re-rank score = coverage + PHRASE_WEIGHT × share of the question's word pairs kept in order + … */
export const PHRASE_WEIGHT = 0.5;
/** … + TFIDF_WEIGHT × log(1 + TF-IDF): only breaks ties between quotes equal on the first two. */
export const TFIDF_WEIGHT = 0.01;

/** The words as asked: this share of the term weight and of the word pairs in order ("X said it"). */
export const VERBATIM_COVERAGE = 0.8;
export const VERBATIM_PHRASE = 0.5;

/** A runner-up this close to the best quote, with another speaker, is named too ("or perhaps Y"). */
export const CLOSE_SECOND_MARGIN = 0.1;

/** Quotes read for a subject question ("who talked about sanctions?"). */
export const SUBJECT_CANDIDATES = 100;
/** Subject questions: the share of the topic's words as typed (see exactWords) adds this much. */
export const SUBJECT_EXACT_BONUS = 0.3;

/** A speaker's quotes on a topic: TF-IDF × (1 + TOPIC_EXACT_BONUS × the topic's words as typed held). */
export const TOPIC_EXACT_BONUS = 1;

/** A topic term found only around a quote (its sentence: the cue, a partial quote's frame) counts this much. */
export const NARRATIVE_TOPIC_WEIGHT = 0.5;

/** A speaker's quote said where the question says ("told the teachers", "in a statement") gains this. */
export const SETTING_WEIGHT = 0.5;
