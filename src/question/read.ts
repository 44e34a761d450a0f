// A question read once: its intent and parts (parse.ts), and the terms of what it searches for, which
// every intent module and every fallback shares instead of reading the text again.
import { queryTerms } from '../text/pipeline.js';
import { relatedTerms, type RelatedTerm } from './expand.js';
import { parseQuestion, type ParsedQuestion } from './parse.js';

export interface Question extends ParsedQuestion {
  /** The words searched for: the snippet (who said, verify, search), else the topic. */
  words: string;
  /** Their index terms (stems, stop words out). */
  terms: string[];
  /** Terms of whom or where it was said to ("told the teachers", "in a statement"). */
  settingTerms: string[];
  /** For questions about words or a subject: each term's related terms (synonyms, family, country). */
  related: Map<string, RelatedTerm[]>;
}

/** Intents whose words may come in the asker's own words, so that related words count. */
const PARAPHRASED = new Set(['who_said', 'verify', 'topic', 'what_said']);

export function readQuestion(input: string): Question {
  const parsed = parseQuestion(input);
  return withWords(parsed);
}

/** The question with its searched words set from its parts (after a part changed, e.g. a pronoun read). */
export function withWords(parsed: ParsedQuestion): Question {
  const words = searchedWords(parsed);
  const related = PARAPHRASED.has(parsed.intent) && words ? relatedTerms(words) : new Map<string, RelatedTerm[]>();
  const settingTerms = parsed.setting ? queryTerms(parsed.setting) : [];
  return { ...parsed, words, terms: queryTerms(words), settingTerms, related };
}

function searchedWords(p: ParsedQuestion): string {
  if (p.snippet !== undefined && p.intent !== 'what_said') return p.snippet;
  if (p.topic) return p.topic;
  if (p.intent === 'search') return p.text;
  return '';
}
