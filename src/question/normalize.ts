// What a person typed, made safe to read: invisible characters out, Discord's mention syntax and
// markdown reduced to words, length bounded. The result is only ever used to search, never echoed raw.

export const MAX_QUESTION_LENGTH = 500;

export interface CleanQuestion {
  text: string;
  /** The input was longer than MAX_QUESTION_LENGTH and was cut. */
  truncated: boolean;
}

export function cleanQuestion(input: string): CleanQuestion {
  let text = String(input ?? '')
    // zero-width, bidi controls and BOM: they hide text and flip its direction
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g, '')
    // Discord mentions: <@123>, <@!123>, <@&123>, <#123>, </cmd:123>, @everyone, @here
    .replace(/<[@#][!&]?\d+>/g, ' ')
    .replace(/<\/[\w -]+:\d+>/g, ' ')
    .replace(/@(everyone|here)\b/gi, ' ')
    // code fences and inline code keep their words
    .replace(/```\w*\n?/g, ' ')
    .replace(/[`*_~|>]+/g, ' ')
    .replace(/\[([^\]]*)\]\((https?:\/\/[^)]*)\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let truncated = false;
  if (text.length > MAX_QUESTION_LENGTH) {
    truncated = true;
    text = text.slice(0, MAX_QUESTION_LENGTH).replace(/\s+\S*$/, '');
  }
  return { text, truncated };
}

/** True when the text has at least one letter or digit to search for. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
