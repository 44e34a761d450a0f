// Many questions at once through the fake Discord, and what became of each: answered (when), lost, or
// answered twice. Shared by the load test in `npm test` and `npm run stress`.
import { performance } from 'node:perf_hooks';
import type { FakeDiscord, Recorded } from '../discord/fake/index.js';
import { percentile as percentileOfSorted } from '../../bench/measure.js';

export interface Ask {
  kind: 'slash' | 'dm' | 'mention';
  text: string;
  /** For slash commands: which one (default /ask) and its option. */
  command?: { name: string; option: string };
}

export interface BurstResult {
  asked: number;
  answered: number;
  /** Ids with no answer by the deadline. */
  lost: string[];
  /** Ids acknowledged or replied to more than once. */
  doubled: string[];
  /** Refused requests (4xx/5xx other than the injected faults the caller expects). */
  refused: Recorded[];
  /** Milliseconds from the question's dispatch to its answer reaching the fake Discord. */
  latencies: number[];
}

interface Tracked {
  sentAt: number;
  answeredAt?: number;
  acks: number;
}

/**
 * Dispatches every ask in one go, then waits until each is answered and `settled` says its handler is
 * done (or `timeoutMs` passes). An interaction is answered by its first accepted message (the callback
 * reply, or the edit after a deferral); it is doubled if acknowledged twice. A DM or mention is
 * answered by the bot's reply to it, doubled if replied to twice.
 */
export async function burst(
  fake: FakeDiscord,
  asks: Ask[],
  settled: (id: string) => Promise<unknown>,
  timeoutMs: number,
): Promise<BurstResult> {
  const tracked = new Map<string, Tracked>();
  const byToken = new Map<string, string>();
  const refused: Recorded[] = [];
  const onRequest = (r: Recorded) => {
    const now = performance.now();
    let id: string | undefined;
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(r.path);
    if (callback) id = callback[1];
    else if (webhook) id = byToken.get(webhook[1]);
    else if (r.body?.message_reference) id = r.body.message_reference.message_id;
    const t = id ? tracked.get(id) : undefined;
    if (!t) return;
    if (r.status >= 400) {
      refused.push(r);
      return;
    }
    const isAck = !!callback || !!r.body?.message_reference;
    if (isAck) t.acks++;
    const carriesAnswer =
      (callback && (r.body?.type === 4 || r.body?.type === 7)) ||
      (webhook && r.method !== 'DELETE') ||
      (!callback && !webhook);
    if (carriesAnswer && t.answeredAt === undefined) t.answeredAt = now;
  };
  fake.on('request', onRequest);
  try {
    const ids: string[] = [];
    for (const ask of asks) {
      const sentAt = performance.now();
      let id: string;
      if (ask.kind === 'slash') {
        const cmd = ask.command ?? { name: 'ask', option: 'question' };
        const i = fake.slash(cmd.name, { [cmd.option]: ask.text });
        id = i.id;
        byToken.set(i.token, i.id);
      } else {
        id = fake.message(
          ask.kind === 'dm' ? ask.text : `<@${fake.ids.bot}> ${ask.text}`,
          ask.kind === 'dm' ? 'dm' : 'guild',
        ).id;
      }
      tracked.set(id, { sentAt, acks: 0 });
      ids.push(id);
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all(ids.map(settled)), deadline]);
    clearTimeout(timer);
    const lost = ids.filter((id) => tracked.get(id)!.answeredAt === undefined);
    const doubled = ids.filter((id) => tracked.get(id)!.acks > 1);
    const latencies = ids.flatMap((id) => {
      const t = tracked.get(id)!;
      return t.answeredAt === undefined ? [] : [t.answeredAt - t.sentAt];
    });
    return { asked: ids.length, answered: ids.length - lost.length, lost, doubled, refused, latencies };
  } finally {
    fake.off('request', onRequest);
  }
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}
