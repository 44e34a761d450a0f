// Interviews and transcripts set out without quote marks:
//   Q: Are you worried about your safety?
//   Ressa: Every day. But fear is a choice.
// A paragraph that opens with a name and a colon is that person's words, when the article is laid out
// so: a question label (Q:, Question:) beside a name label, one name labelling two paragraphs, or a
// transcript's names in capitals (MR. SMITH:, CLINTON:). Beside questions, "A:" lines are the guest's
// answers; the questions are nobody's quotes. A single "Update:" or "Kazakhstan:" line is not an interview.
import { ANSWER_LABELS, FURNITURE_LABELS, QUESTION_LABELS } from '../lexicon/index.js';
import { DOUBLE_MARK } from '../text/quotemarks.js';
import type { Article } from '../types.js';
import type { CueMatch } from './cue.js';
import type { TokenTable } from './tokens.js';

export interface InterviewLine {
  paragraph: number;
  /** The words said: from after the colon to the paragraph's end. */
  start: number;
  end: number;
  /** Where the label starts (stands for the opening mark). */
  open: number;
  match: CueMatch;
}

const LABEL = /^(\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,2})[ \t]*:[ \t]+(?=\S)/u;
const isQuestion = (label: string) => QUESTION_LABELS.has(label.toLowerCase());
const isAnswer = (label: string) => ANSWER_LABELS.has(label.toLowerCase());
// "MR. SMITH:", "CLINTON:": a transcript's labels are written in capitals.
const isCapitals = (label: string) => /^[\p{Lu}\s.'’-]+$/u.test(label) && /\p{Lu}{2}/u.test(label);
// "Read More:", "Photo Credit:", "Editor's Note:": page furniture and news copy, never a speaker.
const isFurniture = (label: string) => FURNITURE_LABELS.has(label.toLowerCase().split(/\s+/)[0]);
const MIN_WORDS = 3;

export function interviewLines(article: Article, table: TokenTable): InterviewLine[] {
  const { text } = article;
  const labelled: Array<{
    paragraph: number;
    label: string;
    labelStart: number;
    colon: number;
    start: number;
    end: number;
  }> = [];
  for (const p of article.paragraphs) {
    if (p.title) continue;
    const body = text.slice(p.start, p.end);
    const m = LABEL.exec(body);
    if (!m || DOUBLE_MARK.test(body.slice(0, m[0].length))) continue;
    labelled.push({
      paragraph: p.index,
      label: m[1],
      labelStart: p.start,
      colon: p.start + body.indexOf(':', m[1].length),
      start: p.start + m[0].length,
      end: p.end,
    });
  }
  const asks = labelled.some((l) => isQuestion(l.label));
  const counts = new Map<string, number>();
  for (const l of labelled) counts.set(l.label, (counts.get(l.label) ?? 0) + 1);
  // A transcript: two lines or more labelled with names in capitals.
  const transcript =
    labelled.filter((l) => isCapitals(l.label) && !isQuestion(l.label) && !isAnswer(l.label) && !isFurniture(l.label))
      .length >= 2;
  const out: InterviewLine[] = [];
  for (const l of labelled) {
    const answer = asks && isAnswer(l.label);
    if (isQuestion(l.label) || (isFurniture(l.label) && !answer)) continue;
    if (!asks && (counts.get(l.label) ?? 0) < 2 && !(transcript && isCapitals(l.label))) continue;
    const said = text.slice(l.start, l.end);
    // Quoted words inside the line are attributed as quotes already; the line is left to them. A tally
    // ("Clinton: 547.") says nothing.
    if (DOUBLE_MARK.test(said) || (said.match(/\p{L}+/gu)?.length ?? 0) < MIN_WORDS) continue;
    const name = table.range(l.labelStart, l.colon).filter((t) => t.word);
    const colon = table.range(l.colon, l.colon + 1)[0];
    if (!name.length || !colon) continue;
    // "A:" answers a "Q:": the guest's words, whoever the article says the interview is with.
    const match: CueMatch = answer
      ? { rule: 'line.answer', cue: { start: colon.start, end: colon.end }, source: [], where: 'inside' }
      : { rule: 'line.interview', cue: { start: colon.start, end: colon.end }, source: name, where: 'inside' };
    out.push({ paragraph: l.paragraph, start: l.start, end: l.end, open: l.labelStart, match });
  }
  return out;
}
