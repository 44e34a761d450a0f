// A small seeded PRNG for the fuzz and load tests: the same seed gives the same run, so a failure can be
// replayed from the seed it prints.

export type Random = () => number;

/** mulberry32: 32 bits of state, uniform in [0, 1), good enough for test inputs. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
