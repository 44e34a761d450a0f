import { type RawDocument, toBlocks } from './types.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Markdown: optional front matter of `key: value` lines (title, url, date, source, author), then the body.
 * Without a title in front matter, the first heading (or first line) is the title. Markup that is not
 * prose (headings marks, emphasis, links, images, code fences) is reduced to its text.
 */
export function parseMd(text: string): RawDocument[] {
  const meta: Record<string, string> = {};
  let body = text.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    for (const line of fm[1].split(/\r?\n/)) {
      const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (m) meta[m[1].toLowerCase()] = unquote(m[2].trim());
    }
    body = body.slice(fm[0].length);
  }
  body = dropCodeFences(body);
  let blocks = toBlocks(body)
    .map((b) => b.map(stripInline))
    .map((b) => b.filter((l) => l !== ''));
  blocks = blocks.filter((b) => b.length > 0);
  let title = meta.title ?? '';
  if (!title) {
    const heading = blocks.findIndex((b) => /^#{1,6}\s/.test(b[0]));
    const at = Math.max(heading, 0);
    if (!blocks[at]) throw new Error('the file has no text');
    title = blocks[at][0].replace(/^#{1,6}\s+/, '');
    blocks[at] = blocks[at].slice(1);
    blocks = blocks.filter((b) => b.length > 0);
  }
  blocks = blocks.map((b) => b.map((l) => l.replace(/^#{1,6}\s+/, '')));
  return [
    {
      title: stripInline(title),
      blocks,
      url: meta.url ?? meta.link,
      date: meta.date,
      source: meta.source ?? meta.publisher,
      byline: meta.author ?? meta.byline,
    },
  ];
}

/**
 * Removes fenced code: from a line opening with ``` to the next line that is only ``` (and spaces),
 * leaving the line breaks around it. In one pass over the lines: the lazy regex this replaces searched
 * the rest of the file from every unclosed fence, and a file of many hung the load.
 */
export function dropCodeFences(body: string): string {
  // Lines and the terminators between them, split as a multiline regex sees them.
  const parts = body.split(/(\n|\r|\u2028|\u2029)/);
  const lines = parts.filter((_, k) => k % 2 === 0);
  const nextClose = new Array<number>(lines.length + 1).fill(-1);
  for (let k = lines.length - 1; k >= 0; k--) nextClose[k] = /^```[ \t]*$/.test(lines[k]) ? k : nextClose[k + 1];
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const close = lines[i].startsWith('```') ? nextClose[i + 1] : -1;
    if (close >= 0) i = close;
    else out += lines[i];
    if (i < lines.length - 1) out += parts[2 * i + 1];
  }
  return out;
}

function unquote(v: string): string {
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

// Link text stops at the next bracket and both parts are bounded: unbounded, a line of thousands of
// "![" made each match attempt scan the rest of the line (quadratic). Real links are far shorter.
function stripInline(line: string): string {
  return line
    .replace(/!\[([^[\]]{0,1000})\]\([^)]{0,2000}\)/g, '')
    .replace(/\[([^[\]]{1,1000})\]\([^)]{0,2000}\)/g, '$1')
    .replace(/^>\s?/, '')
    .replace(/^[-*+]\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
