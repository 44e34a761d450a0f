// A fake Discord on loopback for the real discord.js client: REST on node:http (rest.ts) and a v10
// JSON gateway on ws, from the same port. Tests drive it as Discord would (dispatching interactions
// and messages), read every REST request it recorded, and tell it to fail a route (429, 500) or to
// hold a request until they release it.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as P from './payloads.js';
import { handleRest, type Fault, type InteractionState, type Recorded, type RestState, type Rule } from './rest.js';

export type { Recorded } from './rest.js';
export const FAKE_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake-bot-token.for-tests-only_0123456789';

export interface FakeOptions {
  /** How often the client must heartbeat. Short, so tests see heartbeats and their ACKs. */
  heartbeatIntervalMs?: number;
  /** The shard count GET /gateway/bot recommends (SHARDS=auto). Default 1. */
  recommendedShards?: number;
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
  /** [shard id, shard count] from its IDENTIFY. */
  shard: [number, number];
  /** Events sent in this session, replayed after a RESUME from the client's last sequence number. */
  sent: Array<{ s: number; t: string; d: unknown }>;
}

/** A file a person attaches to a slash command; the fake serves its bytes at `url`. */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
}

export class FakeDiscord extends EventEmitter {
  readonly ids = P.newIds();
  readonly token = FAKE_TOKEN;
  readonly requests: Recorded[] = [];
  readonly commands = new Map<string, any[]>();
  readonly messages = new Map<string, Record<string, any>>();
  /** Every IDENTIFY and RESUME payload, and the gateway URL queries clients connected with. */
  readonly identifies: any[] = [];
  readonly resumes: any[] = [];
  readonly connections: string[] = [];
  heartbeats = 0;
  /** Close codes of finished gateway connections: 1000 is a client that said goodbye. */
  readonly closeCodes: number[] = [];
  readonly sessions = new Map<string, Session>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly rules: Rule[] = [];
  private readonly files = new Map<string, Buffer>();
  /** Paths of the attachments downloaded, in order. */
  readonly fetched: string[] = [];
  private readonly sockets = new Set<WebSocket>();
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;

  private constructor(private readonly options: FakeOptions) {
    super();
    this.setMaxListeners(100);
  }

  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.listen();
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  private async listen(): Promise<void> {
    const state: RestState = {
      token: this.token,
      ids: this.ids,
      get gatewayUrl() {
        return '';
      },
      recommendedShards: this.options.recommendedShards ?? 1,
      requests: this.requests,
      rules: this.rules,
      interactions: this.interactions,
      commands: this.commands,
      messages: this.messages,
      onRecord: (r) => this.emit('request', r),
    };
    Object.defineProperty(state, 'gatewayUrl', { get: () => this.gatewayUrl });
    this.server = createServer((req, res) => {
      // Attachments live on Discord's CDN, outside the API and without authentication.
      const file = req.url?.startsWith('/attachments/') ? this.files.get(decodeURIComponent(req.url)) : undefined;
      if (req.url?.startsWith('/attachments/')) {
        this.fetched.push(decodeURIComponent(req.url));
        res.writeHead(
          file ? 200 : 404,
          file ? { 'content-type': 'application/octet-stream', 'content-length': String(file.length) } : {},
        );
        res.end(file);
        return;
      }
      handleRest(state, req, res).catch((err) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req.url ?? ''));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  // ---- gateway ----

  private onConnection(ws: WebSocket, url: string): void {
    this.connections.push(url);
    this.sockets.add(ws);
    ws.on('close', (code) => {
      this.closeCodes.push(code);
      this.sockets.delete(ws);
      for (const s of this.sessions.values()) if (s.socket === ws) s.socket = null;
      this.emit('disconnect');
    });
    ws.on('message', (raw) => this.onPayload(ws, JSON.parse(String(raw))));
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } });
  }

  private send(ws: WebSocket, payload: object): void {
    ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  /** Sends an event, or keeps it for the RESUME when the session's connection is down (as Discord does). */
  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    session.sent.push({ s: session.seq, t, d });
    if (session.sent.length > 1000) session.sent.shift();
    if (session.socket) this.send(session.socket, { op: 0, s: session.seq, t, d });
  }

  private onPayload(ws: WebSocket, payload: { op: number; d: any }): void {
    switch (payload.op) {
      case 1:
        this.heartbeats++;
        this.send(ws, { op: 11 });
        this.emit('heartbeat');
        break;
      case 2: {
        this.identifies.push(payload.d);
        if (payload.d.token !== this.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const shard: [number, number] = payload.d.shard ?? [0, 1];
        const session: Session = { id: P.snowflake(), seq: 0, socket: ws, shard, sent: [] };
        this.sessions.set(session.id, session);
        const owns = P.shardOf(this.ids.guild, shard[1]) === shard[0];
        this.dispatchTo(session, 'READY', P.ready(this.ids, session.id, this.gatewayUrl, shard, owns));
        if (owns) this.dispatchTo(session, 'GUILD_CREATE', P.guildCreate(this.ids));
        this.emit('identified', session.id);
        break;
      }
      case 6: {
        this.resumes.push(payload.d);
        const session = this.sessions.get(payload.d.session_id);
        if (!session || payload.d.token !== this.token) {
          this.send(ws, { op: 9, d: false });
          return;
        }
        session.socket = ws;
        // The events the client missed, in order, then RESUMED.
        for (const e of session.sent) if (e.s > (payload.d.seq ?? 0)) this.send(ws, { op: 0, ...e });
        this.dispatchTo(session, 'RESUMED', {});
        this.emit('resumed', session.id);
        break;
      }
      default:
        break;
    }
  }

  /**
   * The session that gets an event: the one running the shard Discord routes the server to (DMs go to
   * shard 0), or the shard the test names; the most recently connected when several match. While the
   * connection is down, the latest session of that shard, whose events wait for the client to resume.
   */
  private live(guildId: string | null = null, shard?: number): Session {
    const all = [...this.sessions.values()];
    if (!all.length) throw new Error('no client is connected to the fake gateway');
    const connected = all.filter((s) => s.socket);
    const count = (connected.at(-1) ?? all.at(-1)!).shard[1];
    const wanted = shard ?? (guildId ? P.shardOf(guildId, count) : 0);
    const matching = all.filter((s) => s.shard[0] === wanted);
    if (!matching.length) throw new Error(`no client runs shard ${wanted}`);
    const live = matching.filter((s) => s.socket);
    return live.at(-1) ?? matching.at(-1)!;
  }

  /** Sends a gateway event to the client running the shard of `d.guild_id` (or `shard`). */
  dispatch(t: string, d: unknown, shard?: number): void {
    const guildId = (d as { guild_id?: string } | null)?.guild_id ?? null;
    this.dispatchTo(this.live(guildId, shard), t, d);
  }

  /** Shards of the connected clients, as [id, count]. */
  connectedShards(): Array<[number, number]> {
    return [...this.sessions.values()].filter((s) => s.socket).map((s) => s.shard);
  }

  /** Asks the client to reconnect (op 7), as Discord does before moving a session; it should RESUME. */
  requestReconnect(): void {
    this.send(this.live().socket!, { op: 7, d: null });
  }

  /** Drops the connection without a close frame, as a network failure does (the client sees 1006). */
  dropConnection(): void {
    this.live().socket?.terminate();
  }

  // ---- what a person does in Discord ----

  private interact(type: number, data: Record<string, unknown>, where: P.Where, message?: Record<string, any>) {
    const payload = P.interaction(this.ids, type, data, where, message);
    this.interactions.set(payload.id, {
      id: payload.id,
      token: payload.token,
      channelId: payload.channel_id,
      acknowledged: false,
      original: null,
      message,
    });
    this.dispatch('INTERACTION_CREATE', payload, typeof where === 'object' ? where.shard : undefined);
    return { id: payload.id, token: payload.token };
  }

  /** A file to attach to a command: its bytes are served on loopback as Discord's CDN would. */
  attachment(filename: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8'): FakeAttachment {
    const id = P.snowflake();
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const path = `/attachments/${id}/${filename}`;
    this.files.set(path, bytes);
    const url = `http://127.0.0.1:${this.port}${path.split('/').map(encodeURIComponent).join('/')}`;
    return { id, filename, size: bytes.length, url, proxy_url: url, content_type: contentType };
  }

  /** Runs a subcommand, e.g. slashSub('corpus', 'add', { file: fake.attachment(…) }, { admin: true }). */
  slashSub(name: string, sub: string, options: Record<string, string | FakeAttachment> = {}, where: P.Where = 'guild') {
    const attachments: Record<string, FakeAttachment> = {};
    const opts = Object.entries(options).map(([n, value]) => {
      if (typeof value === 'string') return { name: n, type: 3, value };
      attachments[value.id] = value;
      return { name: n, type: 11, value: value.id };
    });
    const data: Record<string, unknown> = {
      id: this.commandId(name),
      name,
      type: 1,
      options: [{ name: sub, type: 1, options: opts }],
    };
    if (Object.keys(attachments).length) data.resolved = { attachments };
    return this.interact(2, data, where);
  }

  /** Types into an autocompleted option of a subcommand. */
  autocompleteSub(name: string, sub: string, focused: string, typed: string, where: P.Where = 'guild') {
    const options = [{ name: sub, type: 1, options: [{ name: focused, type: 3, value: typed, focused: true }] }];
    return this.interact(4, { id: this.commandId(name), name, type: 1, options }, where);
  }

  /** Runs a slash command, e.g. slash('ask', { question: 'Who said …?' }). */
  slash(name: string, options: Record<string, string> = {}, where: P.Where = 'guild') {
    const opts = Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value }));
    return this.interact(2, { id: this.commandId(name), name, type: 1, options: opts }, where);
  }

  /** Types into an autocompleted option. */
  autocomplete(
    name: string,
    focused: string,
    typed: string,
    others: Record<string, string> = {},
    where: P.Where = 'guild',
  ) {
    const opts = [
      ...Object.entries(others).map(([n, value]) => ({ name: n, type: 3, value })),
      { name: focused, type: 3, value: typed, focused: true },
    ];
    return this.interact(4, { id: this.commandId(name), name, type: 1, options: opts }, where);
  }

  /** Clicks a button on a message the bot posted. */
  click(customId: string, message: Record<string, any>, where: P.Where = 'guild') {
    return this.interact(3, { custom_id: customId, component_type: 2 }, where, message);
  }

  /** A DM to the bot, or a message in the server's channel (mentioning the bot or not). */
  message(content: string, where: P.Where, mentionsBot = where === 'guild') {
    const msg = P.userMessage(this.ids, content, where, mentionsBot);
    this.dispatch('MESSAGE_CREATE', msg, typeof where === 'object' ? where.shard : undefined);
    return msg;
  }

  private commandId(name: string): string {
    for (const list of this.commands.values()) {
      const c = list.find((x) => x.name === name);
      if (c) return c.id;
    }
    return P.snowflake();
  }

  /**
   * Lets an interaction's token lapse, as Discord does after 3 seconds without a response (15 minutes
   * for its webhook): the callback then answers 10062 Unknown interaction, the webhook 50027.
   */
  expire(interaction: { id: string }): void {
    this.interactions.delete(interaction.id);
  }

  /** The message an interaction's response created (its "@original"), if any. */
  originalOf(interactionId: string): Record<string, any> | null {
    return this.interactions.get(interactionId)?.original ?? null;
  }

  // ---- faults ----

  /** Answers the next `times` requests to a route with a 429 or a 500. */
  fail(method: string, path: RegExp, fault: Exclude<Fault, { status: 'hold' }>, times = 1): void {
    this.rules.push({ method, path, fault, times });
  }

  /** Holds the next request to a route until `release()`; `reached` resolves when it arrives. */
  hold(method: string, path: RegExp): { release: () => void; reached: Promise<void> } {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const reached = new Promise<void>((resolve) => {
      this.rules.push({ method, path, fault: { status: 'hold', release: released, reached: resolve }, times: 1 });
    });
    return { release, reached };
  }

  // ---- waiting ----

  /** The first recorded request (past or future) that matches. */
  waitForRequest(match: (r: Recorded) => boolean): Promise<Recorded> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const on = (r: Recorded) => {
        if (!match(r)) return;
        this.off('request', on);
        resolve(r);
      };
      this.on('request', on);
    });
  }

  /** Requests about one interaction: its callback and its webhook calls, in order. */
  requestsFor(interaction: { id: string; token: string }): Recorded[] {
    return this.requests.filter(
      (r) => r.path.includes(`/${interaction.id}/`) || r.path.includes(`/${interaction.token}`),
    );
  }

  waitForEvent(event: 'identified' | 'resumed' | 'heartbeat' | 'disconnect'): Promise<void> {
    return new Promise((resolve) => this.once(event, () => resolve()));
  }

  /** Forgets recorded requests, interactions and posted messages, so a long run's memory stays flat. */
  reset(): void {
    this.requests.length = 0;
    this.interactions.clear();
    this.messages.clear();
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
