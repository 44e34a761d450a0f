// The speaker model: which of the candidate speakers near a quote said it, and how likely that is. A
// conditional logit over the quote's proposals (each rule's reading of the source, the speaker before,
// the sentence's subject) and "no one": softmax of the weighted features, a speaker's probability the
// sum of its proposals'. The weights and the calibration are learned from PolNeAR's train split by
// scripts/learn-speakers.ts and stored as data (speaker-model.json); nothing here is set by hand.
import { createRequire } from 'node:module';

/** Sparse features: name → value (most are 1). */
export type Features = Record<string, number>;

/** Quotes in marks (direct or mixed), and reported speech: their speakers are right at different rates. */
export type Population = 'quoted' | 'reported';

export interface SpeakerModel {
  /** Feature weights; a feature the model has no weight for counts nothing. */
  weights: Record<string, number>;
  /**
   * Platt scaling of the chosen speaker's probability, fitted on out-of-fold predictions of the train
   * split, for quotes in marks and for reported speech apart: calibrated = σ(a · logit(p) + b). Keys
   * "quoted:name", "quoted:pronoun", … fit the speakers found one way apart, where train has enough of
   * them: how a speaker was found says how often it is right, whatever the mix of a newsroom's copy.
   */
  calibration: Record<string, { a: number; b: number }> & Record<Population, { a: number; b: number }>;
  /** What it was fitted on, for the record. */
  trained?: Record<string, unknown>;
}

let loaded: SpeakerModel | undefined;

/** The committed model (speaker-model.json). */
export function defaultModel(): SpeakerModel {
  loaded ??= createRequire(import.meta.url)('./speaker-model.json') as SpeakerModel;
  return loaded;
}

export function score(model: SpeakerModel, f: Features): number {
  let s = 0;
  for (const k in f) {
    const w = model.weights[k];
    if (w !== undefined) s += w * f[k];
  }
  return s;
}

/** Probabilities of the options (softmax of their scores). */
export function softmax(scores: number[]): number[] {
  const out = [...scores];
  softmaxInPlace(out);
  return out;
}

/** softmax(scores), written over the scores. */
function softmaxInPlace(scores: number[]): void {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let z = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i] - max);
    z += scores[i];
  }
  for (let i = 0; i < scores.length; i++) scores[i] /= z;
}

const EPS = 1e-6;
export const logit = (p: number) => Math.log(Math.max(EPS, p) / Math.max(EPS, 1 - p));
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** How a proposal found its speaker ("name", "pronoun", "continue", …): its `how:` feature. */
export function howOf(f: Features | undefined): string | undefined {
  for (const k in f) if (k.startsWith('how:')) return k.slice(4);
  return undefined;
}

/**
 * The probability that a speaker given probability p by the model is right, as measured on train: by how
 * the chosen proposal found it, where the model has a fit for that, else by population.
 */
export function calibrate(model: SpeakerModel, p: number, population: Population, how?: string): number {
  if (p <= 0) return 0;
  const { a, b } = (how && model.calibration[`${population}:${how}`]) || model.calibration[population];
  return sigmoid(a * logit(p) + b);
}

export interface Decision<T> {
  /** The chosen speaker, or null for no one. */
  chosen: T | null;
  /** The model's probability for the chosen option (no one's, when no one is chosen). */
  probability: number;
  /** The proposal of the chosen speaker the model weighs most (-1 for no one). */
  index: number;
  /** The best speaker's probability, chosen or not. */
  best: number;
  /** Each speaker's probability: the sum of its proposals'. */
  of: Map<T, number>;
}

/** Softmax over the proposals and "no one"; the most probable speaker, or no one, wins. */
export function decide<T>(
  model: SpeakerModel,
  proposals: Array<{ entity: T; features: Features }>,
  none: Features,
): Decision<T> {
  // softmax() of the proposals' scores and no one's, made in one array: the same sums in the same order.
  const n = proposals.length;
  const probs = new Array<number>(n + 1);
  for (let i = 0; i < n; i++) probs[i] = score(model, proposals[i].features);
  probs[n] = score(model, none);
  softmaxInPlace(probs);
  const pNone = probs[n];
  const of = new Map<T, number>();
  for (let i = 0; i < n; i++) of.set(proposals[i].entity, (of.get(proposals[i].entity) ?? 0) + probs[i]);
  let chosen: T | null = null;
  let best = 0;
  for (const [e, p] of of) {
    if (p > best) {
      chosen = e;
      best = p;
    }
  }
  if (chosen === null || best <= pNone) return { chosen: null, probability: pNone, index: -1, best, of };
  let index = -1;
  for (let i = 0; i < n; i++) if (proposals[i].entity === chosen && (index < 0 || probs[i] > probs[index])) index = i;
  return { chosen, probability: best, index, best, of };
}
