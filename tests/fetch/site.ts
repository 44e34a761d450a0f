// A web site on loopback for the fetch, feed and Discord tests: routes a test sets, every request
// recorded, the concurrent requests per path counted (to see two processes polling one feed at once).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Hit {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface LocalSite {
  readonly origin: string;
  readonly host: string;
  readonly port: number;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  /** Every request, in order. */
  hits: Hit[];
  count(path: string): number;
  /** The most requests to one path that were being served at the same time. */
  maxConcurrent(path: string): number;
  close(): Promise<void>;
}

export async function startSite(host = '127.0.0.1'): Promise<LocalSite> {
  const routes = new Map<string, Handler>();
  const hits: Hit[] = [];
  const open = new Map<string, number>();
  const peak = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, headers: req.headers, at: Date.now() });
    open.set(path, (open.get(path) ?? 0) + 1);
    peak.set(path, Math.max(peak.get(path) ?? 0, open.get(path)!));
    res.on('close', () => open.set(path, open.get(path)! - 1));
    const handler = routes.get(path.split('?')[0]) ?? routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    host,
    port,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    hits,
    count: (path) => hits.filter((h) => h.path === path).length,
    maxConcurrent: (path) => peak.get(path) ?? 0,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A handler that sends `body` with a content type (HTML by default). */
export function send(
  body: string | Buffer,
  type = 'text/html; charset=utf-8',
  headers: Record<string, string> = {},
): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers }).end(body);
  };
}

export function redirect(to: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location: to }).end();
  };
}

/** A short news page of our own. */
export function newsPage(title: string, paragraphs: string[], extraHead = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© The Example Gazette</footer></body></html>`;
}
