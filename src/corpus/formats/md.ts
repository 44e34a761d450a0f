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
  body = body.replace(/^```[\s\S]*?^```[ \t]*$/gm, '');
  let blocks = toBlocks(body).map((b) => b.map(stripInline)).map((b) => b.filter((l) => l !== ''));
  blocks = blocks.filter((b) => b.length > 0);
  let title = meta.title ?? '';
  if (!title) {
    const heading = blocks.findIndex((b) => /^#{1,6}\s/.test(b[0]));
    const at = heading >= 0 ? heading : 0;
    if (!blocks[at]) throw new Error('the file has no text');
    title = blocks[at][0].replace(/^#{1,6}\s+/, '');
    blocks[at] = blocks[at].slice(1);
    blocks = blocks.filter((b) => b.length > 0);
  }
  blocks = blocks.map((b) => b.map((l) => l.replace(/^#{1,6}\s+/, '')));
  return [{
    title: stripInline(title),
    blocks,
    url: meta.url ?? meta.link,
    date: meta.date,
    source: meta.source ?? meta.publisher,
    byline: meta.author ?? meta.byline,
  }];
}

function unquote(v: string): string {
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^>\s?/, '')
    .replace(/^[-*+]\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
