// Redis for the tests: the machine's shared instance on 127.0.0.1:6379 under a prefix unique to the
// test run (cleaned up after), or a private redis-server on a free port that a test may stop and
// start again without disturbing the others.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';

export const SHARED_REDIS = 'redis://127.0.0.1:6379';

/** A key prefix no other test run uses. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${process.pid}-${randomBytes(4).toString('hex')}:`;
}

/** The store URL for the shared Redis under `prefix`. */
export function sharedRedisUrl(prefix: string): string {
  return `${SHARED_REDIS}/?prefix=${encodeURIComponent(prefix)}`;
}

/** Deletes every key under `prefix` from a Redis (the shared one by default). */
export async function dropPrefix(prefix: string, url = SHARED_REDIS): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  let cursor = '0';
  let n = 0;
  do {
    const page = await client.scan(cursor, { MATCH: `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, COUNT: 500 });
    cursor = String(page.cursor);
    if (page.keys.length) n += await client.del(page.keys);
  } while (cursor !== '0');
  await client.close();
  return n;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server of the test's own, persisting to an append-only file in a temp folder (fsync on every
 * write), so stopping it and starting it again keeps what was stored, as a production Redis should.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'whosaid-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.up();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) and resolves when it accepts connections. */
  async up(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        this.dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += String(chunk);
        if (out.includes('Ready to accept connections')) {
          child.stdout!.off('data', onData);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
    child.removeAllListeners('exit');
  }

  /** Kills the server as a crash would (SIGKILL); what was written survives in its append-only file. */
  async down(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
