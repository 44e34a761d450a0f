// What some suites need beyond the clone: the shared evaluation data beside it (../shared/eval) and the
// Redis services of a developer machine or CI. On a clone that stands alone those suites are skipped,
// each with its reason (tests/setup/requirements.ts prints the list once per run); with
// WHOSAID_REQUIRE_ALL=1 (CI sets it) a missing requirement fails the run instead.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { SKIP_MARK } from './setup/skip-reporter.js';

const ROOT = resolve(import.meta.dirname, '..');
export const SHARED_EVAL = resolve(ROOT, '..', 'shared', 'eval');

export type Requirement = 'shared' | 'redis' | 'redis-server';

function reachable(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function onPath(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Why each requirement is missing, or null when it is there. Probed once per test file. */
export async function probeRequirements(): Promise<Record<Requirement, string | null>> {
  const shared = ['polnear/corpus', 'webnews/html', 'extraction/html'].filter(
    (d) => !existsSync(resolve(SHARED_EVAL, d)),
  );
  return {
    shared: shared.length ? `${SHARED_EVAL} not found (${shared.join(', ')})` : null,
    redis: (await reachable(6379)) ? null : 'no Redis on 127.0.0.1:6379',
    'redis-server': onPath('redis-server') ? null : 'no redis-server on PATH',
  };
}

const missing = await probeRequirements();

/** Why a suite needing these can't run here, or null. */
export function missingFor(...needs: Requirement[]): string | null {
  const reasons = needs.map((n) => missing[n]).filter((r): r is string => r !== null);
  return reasons.length ? reasons.join('; ') : null;
}

/** True when every one of `needs` is here: `describe.runIf(has('shared'))(…)`. */
export function has(...needs: Requirement[]): boolean {
  return missingFor(...needs) === null;
}

/**
 * `describe` and `it` for a suite that needs `needs`: the plain ones when all are here; else ones that
 * skip, with the reason in the name (the skip reporter lists them), or that fail under
 * WHOSAID_REQUIRE_ALL=1, where nothing may be skipped.
 */
export function needing(...needs: Requirement[]): { describe: typeof describe; it: typeof it } {
  const why = missingFor(...needs);
  if (!why) return { describe, it };
  if (process.env.WHOSAID_REQUIRE_ALL === '1') {
    const fail = () => {
      throw new Error(`required here (WHOSAID_REQUIRE_ALL=1): ${why}`);
    };
    return {
      describe: ((name: string) => describe(name, () => it('has what it needs', fail))) as unknown as typeof describe,
      it: ((name: string) => it(name, fail)) as unknown as typeof it,
    };
  }
  // The skipping variants take whatever the plain ones were given (options, a timeout) after the name.
  type AnyCall = (...args: unknown[]) => unknown;
  const named = (name: unknown) => `${String(name)} ${SKIP_MARK} ${why}`;
  return {
    describe: ((name: string, ...rest: unknown[]) =>
      (describe.skip as AnyCall)(named(name), ...rest)) as typeof describe,
    it: ((name: string, ...rest: unknown[]) => (it.skip as AnyCall)(named(name), ...rest)) as typeof it,
  };
}
