// Text from people and from articles goes into Discord markdown. Unescaped, a quote holding "*" or
// "_" turns italic, a title starting with "#" becomes a heading, and "[x](url)" hides a link.

/** Escapes what Discord's markdown would read in plain text, so it shows as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/g, '\\$&')
    .replace(/^(\s*)(#{1,3}\s|-#\s|[-+]\s|\d+\.\s|>)/gm, (_, space: string, mark: string) => `${space}\\${mark}`);
}

/** A block quote: every line starts with "> ", which Discord draws as a bar beside the text. */
export function blockQuote(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The http(s) URL itself, or undefined: an embed with a bad url is refused whole. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && url.length <= 2048 ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
