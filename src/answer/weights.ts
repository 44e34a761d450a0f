// Every weight that ranks answers, in one place. Values typed here were set by hand and checked on
// PolNeAR train; values learned from data say where they come from.
import { createRequire } from 'node:module';

/** Thresholds learned from PolNeAR train by scripts/learn-thresholds.ts (see there for how). */
const learned = createRequire(import.meta.url)('./thresholds.json') as { minCoverage: number; verbatimExact: number };

/** Quotes re-ranked after the TF-IDF pass of a who-said question. */
export const RERANK_CANDIDATES = 30;

/**
 * Below this share of the question's term weight a quote is not the one asked about: no speaker named.
 * Learned: the lowest coverage from which the best quote is the asked one more often than not.
 */
export const MIN_COVERAGE = learned.minCoverage;
/** From this coverage a quote says nearly what was asked ("X said nearly this"): halfway from MIN_COVERAGE to all. */
export const CLOSE_COVERAGE = (MIN_COVERAGE + 1) / 2;

/**
 * Match score = coverage (share of the question's term weight the quote answers, each term counted at
 * 1 as typed, at RELATION_WEIGHT as a related word, at NARRATIVE_WEIGHT around the quote) + …
 */
export const RELATION_WEIGHT = {
  /** The same word family (economy, economic, economist): nearly the word. */
  family: 0.7,
  /** What an adjective pertains to (Chinese ↔ China): the same thing named otherwise. */
  pertainym: 0.8,
  /** A synonym of one of the word's commonest senses: often another sense, so well below the word. */
  synonym: 0.5,
} as const;
/** A word of the question found only in the quote's sentence, outside the quote (a partial quote's frame). */
export const NARRATIVE_WEIGHT = 0.6;
/** A word of the question found only in the quote's paragraph or the one before (who, what story). */
export const CONTEXT_WEIGHT = 0.3;
/** … + PHRASE_WEIGHT × share of the question's word pairs kept in order … */
export const PHRASE_WEIGHT = 0.5;
/** … + EXACT_EDGE × share of the term weight found as typed in the quote: exact matches still win … */
export const EXACT_EDGE = 0.2;
/** … + TFIDF_WEIGHT × log(1 + TF-IDF): only breaks ties between quotes equal on the rest. */
export const TFIDF_WEIGHT = 0.01;
/** Best sentences read for quotes whose words lie mostly around their marks. */
export const SENTENCE_CANDIDATES = 30;
/**
 * Words asked that are mostly common ("just don't see that same kind of") leave this many index terms or
 * fewer: TF-IDF cannot tell the quotes holding them apart, so every quote holding them all is read for the
 * word order instead, when there are at most PHRASE_SCAN_LIMIT of them.
 */
export const PHRASE_SCAN_TERMS = 2;
export const PHRASE_SCAN_LIMIT = 1000;

/**
 * The words as asked ("X said it"): this share of the term weight found as typed (learned: the cut that
 * best tells questions asked with the printed words from reworded ones) …
 */
export const VERBATIM_EXACT = learned.verbatimExact;
/** … and this share of the word pairs in order. */
export const VERBATIM_PHRASE = 0.5;

/** A runner-up this close to the best quote, with another speaker, is named too ("or perhaps Y"). */
export const CLOSE_SECOND_MARGIN = 0.1;
/** … said to be the same quote given twice when this share of the shorter one's word pairs is in the other. */
export const SAME_QUOTE_SHARE = 0.5;

/** Quotes read for a subject question ("who talked about sanctions?"). */
export const SUBJECT_CANDIDATES = 100;
/** Subject questions: the share of the topic's words as typed (see exactWords) adds this much. */
export const SUBJECT_EXACT_BONUS = 0.3;
/** Subject questions: a quote in an article whose title holds the whole topic adds this much. */
export const TITLE_TOPIC_BONUS = 0.3;
/** Sentences read to find the articles whose title holds a topic. */
export const TITLE_CANDIDATES = 100;

/** A speaker's quotes on a topic: TF-IDF × (1 + TOPIC_EXACT_BONUS × the topic's words as typed held). */
export const TOPIC_EXACT_BONUS = 1;

/** A topic term found only around a quote (its sentence: the cue, a partial quote's frame) counts this much. */
export const NARRATIVE_TOPIC_WEIGHT = 0.5;

/** A speaker's quote said where the question says ("told the teachers", "in a statement") gains this. */
export const SETTING_WEIGHT = 0.5;

/** "Which economist said …": a quote whose speaker the role fits gains this × how well it fits (0..1). */
export const ROLE_HINT_WEIGHT = 0.3;

/** An attributed quote within this of an unattributed best one goes first: it says who said the words. */
export const NAMED_MARGIN = 0.05;

/**
 * A role no speaker's name or descriptions fit ("the IDC analyst"): quotes near sentences that speak of it.
 * Sentences read for the role's words …
 */
export const ROLE_SENTENCES = 30;
/** … a role word in the quote's own sentence counts 1, in its paragraph or the one before this much … */
export const ROLE_STORY_CREDIT = 0.6;
/** … elsewhere in the article this much ("the former “Dawson’s Creek” star" far above "said the actor") … */
export const ROLE_ARTICLE_CREDIT = 0.3;
/** … and a quote answers from this share of the role's word weight found so. */
export const ROLE_QUOTE_MIN = 0.5;

/**
 * What X said about Y: quotes on Y in the articles that quote X, attributed to someone else with less than
 * this confidence (calibrated: one in four or more of them is someone else's), follow X's own.
 */
export const UNSURE_CONFIDENCE = 0.75;
