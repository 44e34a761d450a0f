// A burst of questions at once through the fake Discord: every one answered, none twice. The full load
// (200 at once, with latencies) and the 10,000-question soak are `npm run stress` (stress.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../discord/harness.js';
import { newsLibrary } from '../discord/library.js';
import { burst, percentile, type Ask } from './burst.js';
import { HOSTILE_QUESTIONS } from './hostile.js';
import { mulberry32 } from './random.js';

const QUESTIONS = [
  'Who said "real revolution"?',
  'What did Borrell say?',
  'Who is Tokayev?',
  'What did Zebulon Quux say?',
  'gas supplies',
  'help',
];

describe('a burst of questions', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ library: newsLibrary() });
  });
  afterAll(async () => {
    await h?.close();
  });

  const settled = (id: string) =>
    h.logs.waitFor(
      (l) => (l.msg === 'interaction' && l.interaction === id) || (l.msg === 'message' && l.message === id),
    );

  it('60 at once (slash commands, DMs, mentions; some hostile): each answered, none twice, none refused', async () => {
    const r = mulberry32(8);
    const asks: Ask[] = Array.from({ length: 60 }, (_, i) => ({
      kind: i % 5 === 3 ? 'dm' : i % 5 === 4 ? 'mention' : 'slash',
      text:
        r() < 0.3
          ? HOSTILE_QUESTIONS[Math.floor(r() * HOSTILE_QUESTIONS.length)].text
          : QUESTIONS[Math.floor(r() * QUESTIONS.length)],
    }));
    const result = await burst(h.fake, asks, settled, 20_000);
    expect(result.lost).toEqual([]);
    expect(result.doubled).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.answered).toBe(60);
    expect(percentile(result.latencies, 99)).toBeGreaterThan(0);
    expect(h.logs.lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('with some answers rate limited (429) on the way: still every one answered once', async () => {
    h.fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, { status: 429, retryAfter: 0.05 }, 5);
    const asks: Ask[] = Array.from({ length: 30 }, (_, i) => ({
      kind: 'slash',
      text: QUESTIONS[i % QUESTIONS.length],
    }));
    const result = await burst(h.fake, asks, settled, 20_000);
    expect(result.lost).toEqual([]);
    expect(result.doubled).toEqual([]);
    expect(result.refused.map((r) => r.status)).toEqual([429, 429, 429, 429, 429]);
  });
});
