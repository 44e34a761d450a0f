// What every message the bot posts must be, whatever was asked: within Discord's limits, pinging
// nobody, and with no markdown left live in the text it echoes.
import { expect } from 'vitest';
import type { Recorded } from '../discord/fake/index.js';
import { checkMessage } from '../discord/fake/rest.js';

/** The message bodies a request carries: an interaction callback's data, an edit, a follow-up, a channel message. */
export function messageBody(r: Recorded): Record<string, any> | null {
  if (r.method === 'DELETE' || r.method === 'GET') return null;
  if (/\/callback$/.test(r.path)) return r.body?.type === 4 || r.body?.type === 7 ? r.body.data : null;
  if (/^\/webhooks\/|^\/channels\/\d+\/messages$/.test(r.path)) return r.body;
  return null;
}

/** Markdown that Discord would render in `text`: special characters not escaped, block marks at line starts. */
export function liveMarkdown(text: string): string[] {
  // "-# " opens the bot's own small-print line (a notice under the answer).
  const body = text.replace(/^-# /gm, '');
  const found: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (!'*_~`|[]<'.includes(body[i])) continue;
    let slashes = 0;
    while (i - slashes > 0 && body[i - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0)
      found.push(`${body[i]} at ${i} in ${JSON.stringify(body.slice(Math.max(0, i - 15), i + 15))}`);
  }
  for (const line of body.split('\n'))
    if (/^\s*(#{1,3}\s|>|[-+*]\s|\d+\.\s)/.test(line)) found.push(`line ${JSON.stringify(line)}`);
  return found;
}

/** Every message the requests carry was accepted, fits the limits, pings nobody and echoes no markdown. */
export function expectSafeMessages(requests: Recorded[], label: string): number {
  let messages = 0;
  for (const r of requests) {
    expect(r.status, `${label}: ${r.method} ${r.path}`).toBeLessThan(300);
    const body = messageBody(r);
    if (!body) continue;
    messages++;
    expect(checkMessage(body, r.method === 'PATCH'), label).toBeNull();
    const replyToMessage = r.path.startsWith('/channels/') && body.message_reference;
    expect(body.allowed_mentions, label).toEqual(replyToMessage ? { parse: [], replied_user: false } : { parse: [] });
    expect(liveMarkdown(body.content ?? ''), `${label}: ${JSON.stringify(body.content)}`).toEqual([]);
  }
  return messages;
}
