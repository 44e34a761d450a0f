import type { Library } from '../library/index.js';
import type { Answer, Speaker } from '../types.js';

/** A short guide with example questions drawn from the corpus itself. */
export function helpAnswer(library: Library, question: string, speakers: Speaker[]): Answer {
  const top = [...speakers].filter((s) => s.kind !== 'anonymous').sort((a, b) => b.quoteCount - a.quoteCount);
  const someone = top[0]?.name.split(' ').slice(-1)[0] ?? 'Borrell';
  // An example quote long enough to recognise, from the most quoted speaker.
  const docs = top[0] ? (library.speakerQuotes.get(top[0].id) ?? []) : [];
  const quote = docs.map((d) => library.quotes[d].text).find((t) => t.split(/\s+/).length >= 6);
  const snippet = quote ? opening(quote) : 'it is now a real revolution';
  const articles = library.articles.length === 1 ? 'article' : 'articles';
  const lines = [
    `I answer questions about ${library.articles.length} news ${articles}, above all who said what. Try:`,
    `• Who said "${snippet}"?`,
    `• What did ${someone} say?  or  What did ${someone} say about …?`,
    `• Who is ${someone}?`,
    `• Did ${someone} say "…"?  checks a quote: yes, no (and who did), or not in the articles`,
    '• Who talked about …?  or  Quotes about …  the quotes on a subject, by speaker',
    '• What did the … spokesman say?  finds people by their role too',
    '• Who is quoted?  or  Which articles do you have?',
    '• Anything else, e.g. "What happened in Almaty?", finds the best passages.',
  ];
  if (top.length)
    lines.push(
      `Most quoted: ${top
        .slice(0, 5)
        .map((s) => s.name)
        .join(', ')}.`,
    );
  return {
    question,
    intent: 'help',
    answers: [],
    message: lines.join('\n'),
    suggestions: top.slice(0, 5).map((s) => s.name),
  };
}

/** The first words of a quote, enough to recognise it, not ending on a word that leads on ("tried to"). */
function opening(quote: string): string {
  const words = quote.split(/\s+/).slice(0, 8);
  while (
    words.length > 4 &&
    /^(?:to|the|a|an|and|or|but|of|in|on|at|for|with|by|from|that|which|who|is|are|was|were|be|his|her|their|its|my|our|your)$/i.test(
      words[words.length - 1].replace(/[^\p{L}]/gu, ''),
    )
  )
    words.pop();
  return words.join(' ').replace(/[,.;:]+$/, '');
}
