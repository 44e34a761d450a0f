// The fake's REST API under /api/v10: the routes the bot and the deploy script use, answering as
// Discord does (status codes, error bodies, rate-limit headers), and refusing what Discord refuses:
// a second acknowledgement, a follow-up before one, a message over the size limits, a bad token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { application, botUser, dmChannel, postedMessage, snowflake, type Ids } from './payloads.js';

export interface Recorded {
  method: string;
  /** Without the /api/v10 prefix, e.g. /interactions/123/tok/callback. */
  path: string;
  query: Record<string, string>;
  body: any;
  authorization: string | null;
  status: number;
}

export type Fault =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: 500 }
  | { status: 'hold'; release: Promise<void>; reached: () => void };

export interface Rule {
  method: string;
  path: RegExp;
  fault: Fault;
  /** How many more requests it applies to. */
  times: number;
}

export interface InteractionState {
  id: string;
  token: string;
  channelId: string;
  acknowledged: boolean;
  original: Record<string, any> | null;
  /** The message a button was on (UPDATE_MESSAGE edits it). */
  message?: Record<string, any>;
}

export interface RestState {
  token: string;
  ids: Ids;
  gatewayUrl: string;
  recommendedShards: number;
  requests: Recorded[];
  rules: Rule[];
  interactions: Map<string, InteractionState>;
  /** Registered commands per scope: "global" or a guild id. */
  commands: Map<string, any[]>;
  messages: Map<string, Record<string, any>>;
  onRecord(r: Recorded): void;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export async function handleRest(state: RestState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
  const raw = await readBody(req);
  let body: any;
  if (raw) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
  }
  const method = req.method ?? 'GET';
  const record: Recorded = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body,
    authorization: req.headers.authorization ?? null,
    status: 0,
  };
  const rule = state.rules.find((r) => r.times > 0 && r.method === method && r.path.test(path));
  let reply: Reply;
  if (rule) rule.times--;
  if (rule?.fault.status === 'hold') {
    rule.fault.reached();
    await rule.fault.release;
  }
  if (rule && rule.fault.status === 429) reply = tooMany(rule.fault.retryAfter, rule.fault.global === true);
  else if (rule && rule.fault.status === 500)
    reply = { status: 500, body: { message: 'Internal Server Error', code: 0 } };
  else reply = route(state, method, path, body, record);
  record.status = reply.status;
  state.requests.push(record);
  state.onRecord(record);
  const headers: Record<string, string> = { ...rateLimitHeaders(method, path), ...reply.headers };
  if (reply.body !== undefined) headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers);
  res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function rateLimitHeaders(method: string, path: string): Record<string, string> {
  const bucket = Buffer.from(`${method}${path.replace(/\d{17,20}/g, ':id')}`)
    .toString('hex')
    .slice(0, 16);
  return {
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '4',
    'x-ratelimit-reset': String(Date.now() / 1000 + 1),
    'x-ratelimit-reset-after': '1',
    'x-ratelimit-bucket': bucket,
  };
}

function tooMany(retryAfter: number, global: boolean): Reply {
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(retryAfter),
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
}

const error = (status: number, code: number, message: string): Reply => ({ status, body: { message, code } });
const ok = (body: unknown): Reply => ({ status: 200, body });

function route(state: RestState, method: string, path: string, body: any, record: Recorded): Reply {
  const { ids } = state;
  const key = `${method} ${path}`;
  const m = (re: RegExp) => re.exec(key);
  let p: RegExpExecArray | null;

  // Interactions and their webhooks authenticate with the interaction token in the path.
  if ((p = m(/^POST \/interactions\/(\d+)\/([^/]+)\/callback$/))) return callback(state, p[1], p[2], body, record);
  if ((p = m(/^(PATCH|GET|DELETE) \/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/)))
    return original(state, p[1], p[3], body);
  if ((p = m(/^POST \/webhooks\/(\d+)\/([^/]+)$/))) return followUp(state, p[2], body);

  if (record.authorization !== `Bot ${state.token}`) return error(401, 0, '401: Unauthorized');
  if (key === 'GET /gateway/bot') {
    return ok({
      url: state.gatewayUrl,
      shards: state.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
  }
  if (key === 'GET /users/@me') return ok(botUser(ids));
  if (key === 'GET /applications/@me' || key === 'GET /oauth2/applications/@me') return ok(application(ids));
  if ((p = m(/^(GET|PUT) \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
    if (p[2] !== ids.application) return error(403, 50001, 'Missing Access');
    const scope = p[3] ?? 'global';
    if (p[1] === 'GET') return ok(state.commands.get(scope) ?? []);
    if (!Array.isArray(body)) return error(400, 50035, 'Invalid Form Body');
    const stored = body.map((c: any) => registered(ids, c, p![3]));
    state.commands.set(scope, stored);
    return ok(stored);
  }
  if (key === 'POST /users/@me/channels') return ok(dmChannel(ids));
  if ((p = m(/^POST \/channels\/(\d+)\/messages$/))) {
    if (p[1] !== ids.channel && p[1] !== ids.dmChannel) return error(404, 10003, 'Unknown Channel');
    const invalid = checkMessage(body);
    if (invalid) return invalid;
    const msg = postedMessage(ids, p[1], body, p[1] === ids.channel ? { guild_id: ids.guild } : {});
    state.messages.set(msg.id, msg);
    return ok(msg);
  }
  return error(404, 0, '404: Not Found');
}

/** A command as Discord stores it: ids, a version, and its defaults spelled out. */
function registered(ids: Ids, c: any, guildId?: string) {
  return {
    id: snowflake(),
    application_id: ids.application,
    version: snowflake(),
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    ...(guildId ? { guild_id: guildId, contexts: null } : { integration_types: [0], contexts: null }),
    ...c,
    options: c.options?.map((o: any) => ({ ...o })),
  };
}

function callback(state: RestState, id: string, token: string, body: any, record: Recorded): Reply {
  const it = state.interactions.get(id);
  if (!it || it.token !== token) return error(404, 10062, 'Unknown interaction');
  if (it.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
  const type = body?.type;
  if (type === 4 || type === 7) {
    const invalid = checkMessage(body.data);
    if (invalid) return invalid;
  }
  it.acknowledged = true;
  if (type === 4) it.original = postedMessage(state.ids, it.channelId, body.data);
  else if (type === 5) it.original = postedMessage(state.ids, it.channelId, { flags: (body.data?.flags ?? 0) | 128 });
  else if (type === 7 && it.message) Object.assign(it.message, body.data);
  else if (type !== 6 && type !== 8) return error(400, 50035, `Invalid interaction response type ${type}`);
  if (it.original) state.messages.set(it.original.id, it.original);
  if (record.query.with_response === 'true') {
    return ok({ interaction: { id, type: 2 }, resource: it.original ? { type, message: it.original } : { type } });
  }
  return { status: 204 };
}

function original(state: RestState, method: string, token: string, body: any): Reply {
  const it = [...state.interactions.values()].find((i) => i.token === token);
  if (!it) return error(401, 50027, 'Invalid Webhook Token');
  if (!it.original) return error(404, 10008, 'Unknown Message');
  if (method === 'DELETE') {
    state.messages.delete(it.original.id);
    it.original = null;
    return { status: 204 };
  }
  if (method === 'PATCH') {
    const invalid = checkMessage(body, true);
    if (invalid) return invalid;
    for (const k of ['content', 'embeds', 'components', 'allowed_mentions'])
      if (body?.[k] !== undefined) it.original[k] = body[k];
    it.original.flags = (it.original.flags ?? 0) & ~128;
    it.original.edited_timestamp = new Date().toISOString();
  }
  return ok(it.original);
}

function followUp(state: RestState, token: string, body: any): Reply {
  const it = [...state.interactions.values()].find((i) => i.token === token);
  if (!it) return error(401, 50027, 'Invalid Webhook Token');
  if (!it.acknowledged) return error(404, 10015, 'Unknown Webhook');
  const invalid = checkMessage(body);
  if (invalid) return invalid;
  const msg = postedMessage(state.ids, it.channelId, body);
  state.messages.set(msg.id, msg);
  return ok(msg);
}

/** Discord's limits on a message; a body over them is refused whole, as Discord does. */
export function checkMessage(body: any, edit = false): Reply | null {
  const problems: string[] = [];
  const content = body?.content ?? '';
  if (typeof content === 'string' && content.length > 2000) problems.push('content: Must be 2000 or fewer in length.');
  const embeds: any[] = body?.embeds ?? [];
  if (embeds.length > 10) problems.push('embeds: Must be 10 or fewer in length.');
  let total = 0;
  for (const e of embeds) {
    if ((e.title?.length ?? 0) > 256) problems.push('embeds.title: Must be 256 or fewer in length.');
    if ((e.description?.length ?? 0) > 4096) problems.push('embeds.description: Must be 4096 or fewer in length.');
    if ((e.footer?.text?.length ?? 0) > 2048) problems.push('embeds.footer.text: Must be 2048 or fewer in length.');
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text?.length ?? 0) +
      (e.author?.name?.length ?? 0);
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  if (total > 6000) problems.push('embeds: Embed size exceeds maximum size of 6000');
  for (const row of body?.components ?? []) {
    for (const c of row.components ?? [])
      if ((c.custom_id?.length ?? 0) > 100) problems.push('components.custom_id: Must be 100 or fewer in length.');
  }
  if (!edit && !content && !embeds.length && !(body?.components ?? []).length)
    problems.push('Cannot send an empty message');
  return problems.length
    ? { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problems } }
    : null;
}
