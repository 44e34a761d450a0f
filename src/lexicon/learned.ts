// The parts of the lexicon learned from annotated news (learned.json, written by scripts/learn-cues.ts).
import { createRequire } from 'node:module';
import type { Lexicon } from './learn.js';

export const learned: Lexicon = createRequire(import.meta.url)('./learned.json');
