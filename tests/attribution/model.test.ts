import { describe, expect, it } from 'vitest';
import { calibrate, decide, howOf, type SpeakerModel } from '../../src/attribution/model.js';

const model: SpeakerModel = {
  weights: { 'how:name': 2, 'how:pronoun': 1.5 },
  calibration: {
    quoted: { a: 1, b: 0 },
    reported: { a: 1, b: -1 },
    'quoted:pronoun': { a: 0.5, b: 0 },
  },
};

describe('speaker model', () => {
  it('reads how a proposal found its speaker off its features', () => {
    expect(howOf({ 'rule:after.verb-first': 1, 'how:pronoun': 1 })).toBe('pronoun');
    expect(howOf({ 'rule:after.verb-first': 1 })).toBeUndefined();
    expect(howOf(undefined)).toBeUndefined();
  });

  it('calibrates by how the speaker was found where it has a fit for that, else by population', () => {
    // σ(1 · logit(0.8)) is 0.8 itself; the pronoun fit halves the logit.
    expect(calibrate(model, 0.8, 'quoted')).toBeCloseTo(0.8, 6);
    expect(calibrate(model, 0.8, 'quoted', 'name')).toBeCloseTo(0.8, 6);
    expect(calibrate(model, 0.8, 'quoted', 'pronoun')).toBeCloseTo(1 / (1 + Math.sqrt(0.25)), 6);
    expect(calibrate(model, 0.8, 'reported', 'pronoun')).toBeCloseTo(1 / (1 + 0.25 * Math.E), 6);
    expect(calibrate(model, 0, 'quoted', 'name')).toBe(0);
  });

  it('chooses the most probable speaker, summing its proposals, or no one when "no one" is likelier', () => {
    const d = decide(
      model,
      [
        { entity: 'A', features: { 'how:pronoun': 1 } },
        { entity: 'B', features: { 'how:name': 1 } },
        { entity: 'A', features: { 'how:pronoun': 1 } },
      ],
      {},
    );
    // e^1.5 twice for A against e² for B and e⁰ for no one: each proposal alone would lose to B.
    const a = Math.exp(1.5);
    const z = 2 * a + Math.E ** 2 + 1;
    expect(d.chosen).toBe('A');
    expect(d.probability).toBeCloseTo((2 * a) / z, 6);
    expect(d.of.get('B')).toBeCloseTo(Math.E ** 2 / z, 6);
    expect(decide(model, [{ entity: 'A', features: {} }], { 'how:name': 1 }).chosen).toBeNull();
  });
});
