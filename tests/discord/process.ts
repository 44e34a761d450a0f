// The bot as a real process (node --import tsx src/main.ts), as production runs it, with its JSON
// log lines collected from stderr for the test to wait on.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from '../helpers.js';

export interface Line {
  msg: string;
  [key: string]: unknown;
}

export class BotProcess {
  readonly lines: Line[] = [];
  readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
  private readonly waiters: Array<{ match: (l: Line) => boolean; resolve: (l: Line) => void }> = [];

  private constructor(readonly child: ChildProcess) {
    this.exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    let buffer = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let line: Line;
        try {
          line = JSON.parse(text);
        } catch {
          line = { msg: text };
        }
        this.lines.push(line);
        for (const w of this.waiters.filter((x) => x.match(line))) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    });
  }

  /** Starts `npm start`'s program with `env` added to this process's environment (less any token). */
  static start(env: Record<string, string>): BotProcess {
    const {
      DISCORD_TOKEN: _t,
      SHARDS: _s,
      SHARD_IDS: _i,
      SHARD_COUNT: _c,
      SHARDING_MANAGER: _m,
      ...inherited
    } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...inherited, LOG_LEVEL: 'debug', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new BotProcess(child);
  }

  /** The first log line (already written or to come) that matches. */
  waitFor(match: (l: Line) => boolean): Promise<Line> {
    const found = this.lines.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  logged(msg: string): Promise<Line> {
    return this.waitFor((l) => l.msg === msg);
  }

  /** SIGTERM, as a process manager stops it; resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const [code] = await this.exited;
    return code;
  }
}
