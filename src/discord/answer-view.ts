// How an answer looks in Discord: the engine's message above, one embed per answer (the quote as a
// block quote, who said it, the article, how sure), three a page, with buttons under them.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import { certainty, excerpt, sharedArticle, shortTitle } from '../answer/index.js';
import type { AnswerItem, Intent } from '../types.js';
import { cut, LIMITS } from './limits.js';
import { blockQuote, escapeMarkdown, safeUrl } from './markdown.js';
import type { Reply } from './respond.js';

export const PAGE_SIZE = 3;
/** Answers asked of the engine: enough for a few pages of More. */
export const ANSWER_LIMIT = 10;

/** What a posted answer keeps for its buttons (stored under the session id). */
export interface AnswerSession {
  question: string;
  intent: Intent;
  message: string;
  items: AnswerItem[];
  guildId: string | null;
  /** The server shows answers only to the asker (/settings): so are the next pages. */
  ephemeral?: boolean;
}

export interface Cue {
  label: string;
  color: number;
}

const GREEN = 0x2e9e5b;
const YELLOW = 0xd9a400;
const ORANGE = 0xe07b24;
const GREY = 0x8a8f98;
const BLUE = 0x3b82c4;

/**
 * A plain-words confidence cue: what kind of evidence the answer is, how sure the article is of who said
 * it, and for "who said" / "did X say" how closely the quote holds the asker's words.
 */
export function confidenceCue(item: AnswerItem, intent: Intent): Cue {
  if (item.kind === 'passage') {
    return item.speaker
      ? { label: 'passage inside an attributed quote', color: BLUE }
      : { label: 'passage matching your words; no speaker attributed', color: GREY };
  }
  const kind = item.kind === 'direct' ? 'direct quote' : item.kind === 'mixed' ? 'partly quoted' : 'reported speech';
  if (!item.speaker) return { label: `${kind}; speaker not identified`, color: GREY };
  const sure = certainty(item);
  const who =
    sure === 'sure'
      ? ''
      : sure === 'likely'
        ? ' · speaker likely, not certain'
        : ' · the article does not say clearly who';
  if ((intent !== 'who_said' && intent !== 'verify') || !item.matched) {
    return {
      label: `${kind}${who}`,
      color: sure === 'unclear' ? ORANGE : item.kind === 'indirect' || sure === 'likely' ? YELLOW : GREEN,
    };
  }
  if (item.matched === 'exact')
    return { label: `${kind} · close match to your words${who}`, color: sure === 'sure' ? GREEN : YELLOW };
  if (item.matched === 'close') return { label: `${kind} · likely match${who}`, color: YELLOW };
  return { label: `${kind} · partial match${who}`, color: ORANGE };
}

export function pageCount(session: AnswerSession): number {
  return Math.max(1, Math.ceil(session.items.length / PAGE_SIZE));
}

/**
 * One page of an answer. `sessionId` null: the buttons could not be saved, so none are shown and the
 * `notice` says why.
 */
export function renderPage(session: AnswerSession, page: number, sessionId: string | null, notice?: string): Reply {
  const total = session.items.length;
  const first = page * PAGE_SIZE;
  const items = session.items.slice(first, first + PAGE_SIZE);
  const lead =
    page === 0
      ? escapeMarkdown(session.message)
      : `More for “${escapeMarkdown(cut(session.question, 300))}”: ` +
        `answers ${first + 1}–${first + items.length} of ${total}`;
  const content = notice ? `${lead}\n-# ${escapeMarkdown(notice)}` : lead;
  // Each embed gets an equal share of the 6,000 a message may carry, so a page fits in one message.
  const share = Math.floor((LIMITS.embedTotal - 300) / Math.max(1, items.length));
  // One article for the whole page: its title once, on the first answer.
  const shared = sharedArticle(items) !== null;
  const embeds = items.map((item, i) => itemEmbed(item, first + i, total, session.intent, share, !shared || i === 0));
  const reply: Reply = { content, embeds };
  if (sessionId) reply.components = buttons(sessionId, page, first, items.length, page + 1 < pageCount(session));
  return reply;
}

function itemEmbed(
  item: AnswerItem,
  index: number,
  total: number,
  intent: Intent,
  share: number,
  titled: boolean,
): APIEmbed {
  const cue = confidenceCue(item, intent);
  const title = titled ? cut(escapeMarkdown(shortTitle(item.article.title || item.article.id)), LIMITS.embedTitle) : '';
  const footer = `${index + 1} of ${total} · ${cue.label}`;
  const who = item.speaker
    ? `— **${escapeMarkdown(cut(item.speaker, 200))}**` +
      (item.speakerDescription ? `, ${escapeMarkdown(cut(item.speakerDescription, 300))}` : '')
    : item.kind === 'passage'
      ? ''
      : '— speaker not identified';
  // Reported speech and partial quotes read better with the sentence they came from.
  const showSentence = item.kind !== 'passage' && item.kind !== 'direct' && item.sentence !== item.quote;
  const from = showSentence ? `*in:* ${escapeMarkdown(cut(item.sentence, 600))}` : '';
  const tail = [who, from].filter(Boolean).join('\n');
  const room = Math.min(LIMITS.embedDescription, share - title.length - footer.length) - tail.length - 8;
  // The sentences that hold what was asked in bold; in a long quote, the rest trimmed. Bold marks and
  // escapes take room too: a quarter is kept for them.
  const quote = blockQuote(marked(excerpt(item, Math.max(100, Math.floor(room * 0.75)))));
  const embed: APIEmbed = {
    description: tail ? `${quote}\n${tail}` : quote,
    footer: { text: footer },
    color: cue.color,
  };
  if (title) {
    embed.title = title;
    const url = safeUrl(item.article.url);
    if (url) embed.url = url;
  }
  return embed;
}

/** Pieces of a quote as Discord markdown: the marked ones bold, line by line (bold cannot span lines). */
function marked(pieces: ReturnType<typeof excerpt>): string {
  return pieces
    .map((p) => {
      const text = escapeMarkdown(p.text);
      return p.marked
        ? text
            .split('\n')
            .map((line) => (line.trim() ? `**${line}**` : line))
            .join('\n')
        : text;
    })
    .join('');
}

function buttons(
  sessionId: string,
  page: number,
  first: number,
  count: number,
  more: boolean,
): APIActionRowComponent<APIButtonComponent>[] {
  const context: APIButtonComponent[] = Array.from({ length: count }, (_, i) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: `Context ${first + i + 1}`,
    custom_id: customId({ kind: 'context', sessionId, index: first + i }),
  }));
  const row2: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: '👍' },
      custom_id: customId({ kind: 'vote', sessionId, vote: 'up' }),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: '👎' },
      custom_id: customId({ kind: 'vote', sessionId, vote: 'down' }),
    },
  ];
  if (more) {
    row2.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'More',
      custom_id: customId({ kind: 'more', sessionId, page: page + 1 }),
    });
  }
  const rows = [row2];
  if (context.length) rows.unshift(context);
  return rows.map((components) => ({ type: ComponentType.ActionRow, components }));
}

export type ButtonAction =
  | { kind: 'more'; sessionId: string; page: number }
  | { kind: 'context'; sessionId: string; index: number }
  | { kind: 'vote'; sessionId: string; vote: 'up' | 'down' };

// custom_id format, versioned so buttons from an older layout are told apart from expired ones:
// "w1:m:<session>:<page>", "w1:c:<session>:<item>", "w1:v:<session>:u|d". Sessions are 16 url-safe chars.
const PREFIX = 'w1';

export function customId(action: ButtonAction): string {
  const tail =
    action.kind === 'more'
      ? `m:${action.sessionId}:${action.page}`
      : action.kind === 'context'
        ? `c:${action.sessionId}:${action.index}`
        : `v:${action.sessionId}:${action.vote === 'up' ? 'u' : 'd'}`;
  const id = `${PREFIX}:${tail}`;
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters: ${id}`);
  return id;
}

/** The action a button stands for; null for ids this version did not make. */
export function parseCustomId(id: string): ButtonAction | null {
  const m = /^w1:([mcv]):([\w-]{1,64}):(\d{1,3}|[ud])$/.exec(id);
  if (!m) return null;
  const [, kind, sessionId, arg] = m;
  if (kind === 'v')
    return arg === 'u' || arg === 'd' ? { kind: 'vote', sessionId, vote: arg === 'u' ? 'up' : 'down' } : null;
  if (!/^\d+$/.test(arg)) return null;
  return kind === 'm'
    ? { kind: 'more', sessionId, page: Number(arg) }
    : { kind: 'context', sessionId, index: Number(arg) };
}
