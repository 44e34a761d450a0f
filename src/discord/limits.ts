// Discord's size limits, and the cutting and splitting that keep every message inside them. Discord
// rejects an oversized message whole (400), so nothing leaves the bot without passing through here.
import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIApplicationCommandOptionChoice,
} from 'discord.js';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooter: 2048,
  embedAuthor: 256,
  /** All embeds of one message together: titles, descriptions, fields, footers, authors. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  actionRows: 5,
} as const;

export const ELLIPSIS = '…';

/** A message as the bot means to send it, before the limits are applied. */
export interface MessagePart {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/**
 * Cuts text to at most `max` UTF-16 units (Discord's count), ending with "…". It cuts at a word
 * boundary when one is near, never between the halves of a surrogate pair, and never leaves a lone
 * escaping backslash that would swallow the ellipsis.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let end = safeEnd(text, max - ELLIPSIS.length);
  const space = lastSpace(text, end);
  // Prefer a word boundary unless it throws away more than a fifth of what fits.
  if (space > end * 0.8) end = space;
  let head = text.slice(0, end).replace(/\s+$/u, '');
  head = dropDanglingEscape(head);
  return `${head}${ELLIPSIS}`;
}

/**
 * Splits text into pieces of at most `max` units, at the last paragraph break, else line break, else
 * space before the limit; a single word longer than `max` is broken where it must be.
 */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let at = window.lastIndexOf('\n\n');
    if (at < max * 0.5) at = window.lastIndexOf('\n');
    if (at < max * 0.5) at = lastSpace(rest, max);
    if (at < max * 0.5) at = safeEnd(rest, max);
    let head = rest.slice(0, at);
    const trimmed = dropDanglingEscape(head);
    // A trailing backslash escapes the first character of the next piece: it moves with it.
    if (trimmed.length < head.length) at -= head.length - trimmed.length;
    head = trimmed.replace(/\s+$/u, '');
    if (head) out.push(head);
    rest = rest.slice(at).replace(/^\s+/u, '');
  }
  if (rest.trim()) out.push(rest);
  return out;
}

/** Length of an embed as Discord counts it toward the 6,000 per message. */
export function embedLength(e: APIEmbed): number {
  let n =
    (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** One embed clamped field by field, then as a whole (a 4,096 description plus a long footer is too much). */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = cut(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = cut(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: cut(out.footer.text, LIMITS.embedFooter) };
  if (out.author) out.author = { ...out.author, name: cut(out.author.name, LIMITS.embedAuthor) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: cut(f.name, LIMITS.embedFieldName) || '\u200b',
      value: cut(f.value, LIMITS.embedFieldValue) || '\u200b',
    }));
  }
  const over = embedLength(out) - LIMITS.embedTotal;
  if (over > 0 && out.description) out.description = cut(out.description, Math.max(1, out.description.length - over));
  if (embedLength(out) > LIMITS.embedTotal && out.fields) {
    while (out.fields.length && embedLength(out) > LIMITS.embedTotal) out.fields.pop();
  }
  return out;
}

/**
 * Fits a message to Discord's limits: long content is split into several messages, embeds are
 * clamped and spread over messages so that none holds more than 10 or 6,000 characters of them.
 * The components go on the last message, under the content they act on.
 */
export function fitMessage(part: MessagePart): MessagePart[] {
  const chunks = part.content ? splitText(part.content, LIMITS.content) : [];
  const groups: APIEmbed[][] = [];
  let group: APIEmbed[] = [];
  let size = 0;
  for (const embed of (part.embeds ?? []).map(fitEmbed)) {
    const n = embedLength(embed);
    if (group.length && (group.length === LIMITS.embedsPerMessage || size + n > LIMITS.embedTotal)) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(embed);
    size += n;
  }
  if (group.length) groups.push(group);
  const messages: MessagePart[] = chunks.map((content) => ({ content }));
  if (!messages.length) messages.push({});
  messages[messages.length - 1].embeds = groups.shift();
  for (const embeds of groups) messages.push({ embeds });
  const components = part.components?.slice(0, LIMITS.actionRows);
  if (components?.length) messages[messages.length - 1].components = components;
  for (const m of messages) {
    if (!m.embeds?.length) delete m.embeds;
    // Discord refuses an empty message; a component-only reply still needs words above its buttons.
    if (!m.content && !m.embeds) m.content = ELLIPSIS;
  }
  return messages;
}

/** Lines joined by newlines within `max` characters; what does not fit is counted in a last line. */
export function joinWithin(lines: string[], max: number, more = (n: number) => `… and ${n} more`): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = cut(lines[i], max);
    const next = out ? `${out}\n${line}` : line;
    // Room must stay for the "and N more" line whenever something is left out.
    const tail = i + 1 < lines.length ? more(lines.length - i - 1).length + 1 : 0;
    if (next.length + tail > max) return out ? `${out}\n${more(lines.length - i)}` : cut(more(lines.length), max);
    out = next;
  }
  return out;
}

/** Autocomplete choices within the limits: 25 at most, names 1 to 100, values 1 to 100 and unique. */
export function fitChoices(
  choices: Array<{ name: string; value: string }>,
): APIApplicationCommandOptionChoice<string>[] {
  const seen = new Set<string>();
  const out: APIApplicationCommandOptionChoice<string>[] = [];
  for (const c of choices) {
    const value = c.value;
    // A value is sent back as the option's content: cut, it would name nothing, so it is left out.
    if (!value || value.length > LIMITS.choiceValue || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: cut(c.name.trim() || value, LIMITS.choiceName), value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

function safeEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function lastSpace(text: string, end: number): number {
  for (let i = end; i > 0; i--) if (/\s/u.test(text[i])) return i;
  return -1;
}

/** Drops a final backslash that escapes nothing (an odd run of them at the end). */
function dropDanglingEscape(text: string): string {
  const run = /\\+$/.exec(text)?.[0].length ?? 0;
  return run % 2 === 1 ? text.slice(0, -1) : text;
}
