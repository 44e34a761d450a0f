// A quote as attribution hands it on: where its pieces are, and who said it. Its own file so that the
// stages that make quotes (article.ts, indirect.ts) and the one that reads them (speakers.ts) share it
// without importing each other.
import type { QuoteKind, Span } from '../types.js';
import type { Entity } from './entities.js';

export interface Attributed {
  articleId: string;
  kind: QuoteKind;
  /** Pieces of quoted content (two when a cue breaks the quote). */
  pieces: Array<[number, number]>;
  paragraph: number;
  entity: Entity | null;
  source: Span | null;
  cue: Span | null;
  /** How likely the speaker is right (calibrated); for a quote with no speaker, the best candidate's chance. */
  confidence: number;
  /** Ids of the rules (rules.ts) behind the speaker; with no speaker, of the rules that fired. */
  rules: string[];
  reason?: string;
  /** The quote had no cue of its own and took the speaker before it. */
  inherited: boolean;
}

/** A quote found and not yet attributed: no speaker, no source, no cue, nothing fired. */
export function unattributed(
  articleId: string,
  kind: QuoteKind,
  pieces: Array<[number, number]>,
  paragraph: number,
): Attributed {
  return {
    articleId,
    kind,
    pieces,
    paragraph,
    entity: null,
    source: null,
    cue: null,
    confidence: 0,
    rules: [],
    inherited: false,
  };
}
