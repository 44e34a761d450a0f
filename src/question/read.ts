// A question read once: its intent and parts (parse.ts), and the terms of what it searches for, which
// every intent module and every fallback shares instead of reading the text again.
import { queryTerms } from '../text/pipeline.js';
import { parseQuestion, type ParsedQuestion } from './parse.js';

export interface Question extends ParsedQuestion {
  /** The words searched for: the snippet (who said, verify, search), else the topic. */
  words: string;
  /** Their index terms (stems, stop words out). */
  terms: string[];
  /** Terms of whom or where it was said to ("told the teachers", "in a statement"). */
  settingTerms: string[];
}

export function readQuestion(input: string): Question {
  const parsed = parseQuestion(input);
  return withWords(parsed);
}

/** The question with its searched words set from its parts (after a part changed, e.g. a pronoun read). */
export function withWords(parsed: ParsedQuestion): Question {
  const words = searchedWords(parsed);
  return { ...parsed, words, terms: queryTerms(words), settingTerms: parsed.setting ? queryTerms(parsed.setting) : [] };
}

function searchedWords(p: ParsedQuestion): string {
  if (p.snippet !== undefined && p.intent !== 'what_said') return p.snippet;
  if (p.topic) return p.topic;
  if (p.intent === 'search') return p.text;
  return '';
}
