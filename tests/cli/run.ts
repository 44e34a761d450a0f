import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/** The CLI's snapshot cache in the tests: a folder of this test file's own, never the user's. */
export const CLI_CACHE = mkdtempSync(join(tmpdir(), 'whosaid-cli-cache-'));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the project root, feeding stdin, with no DISCORD_TOKEN in its environment. */
export function run(cmd: string, args: string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { DISCORD_TOKEN: _t, ...rest } = process.env;
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...rest, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The CLI as the evaluation calls it. */
export const whosaid = (args: string[], input = '', env: Record<string, string> = {}) =>
  run('npm', ['run', '--silent', 'whosaid', '--', ...args], input, { SNAPSHOT_DIR: CLI_CACHE, ...env });
