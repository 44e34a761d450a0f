// The domain, in one place. Every stage of the pipeline (files → articles → sentences → quotes →
// index → question → answer) speaks these types; presentation layers only read them.

/** A piece of text located in its article's cleaned text, with how sure the stage that found it was. */
export interface Span {
  start: number;
  end: number;
  text: string;
  confidence: number;
}

export interface Paragraph {
  /** 0-based position among the article's paragraphs. */
  index: number;
  start: number;
  end: number;
  /** The headline, which opens every article's text as paragraph 0. */
  title?: boolean;
}

export interface Article {
  /** Path relative to the corpus root, without extension, `/`-separated (jsonl: `file/line-id`). */
  id: string;
  title: string;
  /**
   * Cleaned text: the title, then the paragraphs, joined by blank lines. Every offset in the system
   * points into it.
   */
  text: string;
  paragraphs: Paragraph[];
  url?: string;
  date?: string;
  source?: string;
  byline?: string;
  /** Where it came from, for warnings and `articles` output. */
  file?: string;
  /** Server that uploaded it; absent for the shared base corpus. */
  guildId?: string;
}

export interface Sentence {
  articleId: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export interface Quote {
  /** Stable within a corpus build: `${articleId}#${n}`. */
  id: string;
  articleId: string;
  kind: QuoteKind;
  /** The quoted words (inside the marks for direct/mixed; the reported clause for indirect). */
  text: string;
  /** Offsets of the quoted content in the article text (first to last piece when broken by a cue). */
  start: number;
  end: number;
  /** The sentence(s) holding the quote, as written. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  paragraph: number;
  /** Canonical speaker name, or null when the source can't be told (see `reason`). */
  speaker: string | null;
  speakerId: string | null;
  /** The words in the article that name the source ("he", "the analyst", "Borrell"). */
  source: Span | null;
  cue: Span | null;
  /**
   * The probability that the named speaker is right, calibrated on annotated news (of the quotes given
   * 0.9, nine in ten or more are right); for a quote with no speaker, the best candidate's, so low.
   */
  confidence: number;
  /** Ids of the attribution rules behind the speaker (src/attribution/rules.ts); with none, the rules that fired. */
  rules: string[];
  /** Why there is no speaker, or how it was resolved ("pronoun", "role noun", …). */
  reason?: string;
}

export type SpeakerKind = 'person' | 'organisation' | 'anonymous';

export interface Speaker {
  id: string;
  /** The fullest form seen ("Aleksandr Baunov"). */
  name: string;
  kind: SpeakerKind;
  /** Other ways the corpus writes them: surname, honorific forms, spelling variants. */
  aliases: string[];
  /** Appositions and roles ("an analyst at Carnegie Moscow"). */
  descriptions: string[];
  articles: string[];
  quoteCount: number;
}

/**
 * What a question asks: who said words (who_said), what someone said (what_said), who someone is
 * (who_is), whether someone said words (verify), the quotes on a subject (topic), passages (search).
 */
export type Intent = 'who_said' | 'what_said' | 'who_is' | 'verify' | 'topic' | 'search' | 'help' | 'empty';

/** A verify answer: the first answer is the named person's quote (yes), someone else's (no), or none (unknown). */
export type Verdict = 'yes' | 'no' | 'unknown';

/** A stretch of an answer's quote, as offsets into `AnswerItem.quote`. */
export interface TextRange {
  start: number;
  end: number;
}

export interface AnswerItem {
  speaker: string | null;
  speakerId: string | null;
  speakerDescription: string | null;
  quote: string;
  sentence: string;
  article: { id: string; title: string; url?: string };
  score: number;
  /**
   * How likely the named speaker is right: the attribution's confidence for a quote, null when no one
   * is named (a passage outside any attributed quote).
   */
  confidence: number | null;
  quoteId: string | null;
  kind: QuoteKind | 'passage';
  paragraph: number;
  /**
   * The sentences of `quote` that hold the question's words, for presentation to mark in a long quote
   * (absent: nothing in particular was asked about).
   */
  match?: TextRange[];
  /** Who-said and verify: how closely the quote holds the words asked (as asked, nearly, loosely). */
  matched?: MatchLevel;
}

export type MatchLevel = 'exact' | 'close' | 'loose';

export interface Answer {
  question: string;
  intent: Intent;
  answers: AnswerItem[];
  /** A plain sentence for people: what was found, or why nothing was. */
  message: string;
  /** Known speakers or close matches to try when nothing was good enough. */
  suggestions: string[];
  /** The speaker the question was about, for who_is / what_said / verify. */
  speaker?: Speaker;
  /** verify: whether the person named said the words (see Verdict). */
  verdict?: Verdict;
}
