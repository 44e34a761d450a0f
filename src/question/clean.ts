// The parts of a question as typed, tidied: the quoted words, a topic, a name.

/** The quoted words of a who-said question: frame words and marks off. */
export function cleanSnippet(s: string): string {
  return s
    .replace(
      /^(?:that|this|the following|these words|the words|the line|the phrase|the quote|the remark|the statement|:|,)\s*/i,
      '',
    )
    .replace(/^(?:that|:)\s+/i, '')
    .replace(/^["“”‘’'«»„]+|["“”‘’'«»]+$/gu, '')
    .replace(/\s+(?:in the corpus|in these articles|in the news|in the article)$/i, '')
    .trim();
}

export function cleanTopic(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s
    .replace(/^(?:the|a|an|his|her|their|its)\s+/i, '')
    .replace(/["“”‘’«»]/g, '')
    .trim();
  return t || undefined;
}

/** A name as typed: articles and quote marks off, possessive kept (the resolver reads "X's spokesman"). */
export function trimName(s: string): string {
  return (
    s
      // "Lindsey Graham (R-SC)": party and state, in parentheses or not, are not part of the name.
      .replace(/\(([^)]*)\)/g, ' ')
      .replace(/\b[LR]RB-|\b[RDI]-[A-Z][A-Za-z.]{1,5}(?![\p{L}])/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^["“”‘’«»]+|["“”‘’«»,;:]+$/g, '')
      // "Give me Burman's quotes", "any Burman quotes": request words are not part of a name.
      .replace(/^(?:(?:give|show|get|find|fetch|list|display)(?:\s+me)?|any|all(?:\s+of)?|some)\s+/i, '')
      // "what did, then, Brafman say": words that open a clause are not part of a name.
      .replace(/^(?:(?:then|if|and|but|so|when|well|now|also|just|ever|really|exactly)\b[\s,]*)+/i, '')
      .trim()
  );
}
