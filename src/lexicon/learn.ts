// How the lexicon is learned from annotated attributions (PolNeAR's train split): kept apart from the
// script so tests can check that the committed lexicon is what the data gives.
import { foldCase } from '../text/normalize.js';
import { stem } from '../text/stemmer.js';

export interface AnnotatedAttribution {
  source: string | null;
  sourceKind: string;
  cue: string | null;
  direct: boolean;
  speakerName?: string | null;
}

export interface Lexicon {
  /** Cue verbs as Porter stems, with how often they cue any attribution and a direct quote. */
  verbs: Array<{ stem: string; count: number; direct: number; forms: string[] }>;
  /** Head nouns of sources that are not names ("official", "campaign", "statement"). */
  roles: Array<{ stem: string; count: number }>;
  /** Given names and the gender of the pronouns that point back to them ("he" → m). */
  firstNames: Record<string, 'm' | 'f'>;
}

// Words that head a cue without being its verb: auxiliaries, adverbs, articles, contraction halves.
const NOT_VERBS = new Set(
  `a an the in on of for to by as at so it its it's that there this these those
 has have had having is was were are be been being am also later then would will could did do does not
 never just recently repeatedly once even still further again previously publicly to would might may
 can should must shall now often first long widely quickly already reportedly all more most no both
 since about under only well yet too d ll re ve s t don doesn didn wouldn isn hasn haven wasn aren
 weren quick last one eager likely largely especially initially increasingly immediately finally
 openly officially specifically formally strongly regularly always confident criticism support
 supporters decision campaign concerns questions view views plan fear fears hope hopes need`.split(/\s+/),
);

const MIN_COUNT = 3;

export function learnLexicon(rows: AnnotatedAttribution[]): Lexicon {
  const verbs = new Map<string, { count: number; direct: number; forms: Set<string> }>();
  const roles = new Map<string, number>();
  const votes = new Map<string, { m: number; f: number }>();
  for (const row of rows) {
    const pronoun = foldCase(row.source ?? '');
    const gender = /^(he|him|his)$/.test(pronoun) ? 'm' : /^(she|her)$/.test(pronoun) ? 'f' : null;
    const names = (row.speakerName ?? '').split(/\s+/);
    if (row.sourceKind === 'pronoun' && gender && names.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(names[0])) {
      const v = votes.get(names[0].toLowerCase()) ?? { m: 0, f: 0 };
      v[gender]++;
      votes.set(names[0].toLowerCase(), v);
    }
    const words = foldCase(row.cue ?? '').match(/\p{L}+/gu) ?? [];
    const head = words.find((w) => !NOT_VERBS.has(w));
    if (head && head.length > 2) {
      const key = stem(head);
      const v = verbs.get(key) ?? { count: 0, direct: 0, forms: new Set<string>() };
      v.count++;
      v.forms.add(head);
      if (row.direct) v.direct++;
      verbs.set(key, v);
    }
    if (row.sourceKind === 'nominal' && row.source) {
      // The head of "a senior Cruz adviser" or "Sanders’ campaign manager, Jeff Weaver" before any comma.
      const np = foldCase(row.source.split(/[,(]/)[0]).match(/\p{L}+/gu) ?? [];
      const last = np[np.length - 1];
      if (last && last.length > 2 && !NOT_VERBS.has(last)) roles.set(stem(last), (roles.get(stem(last)) ?? 0) + 1);
    }
  }
  return {
    verbs: [...verbs]
      .filter(([, v]) => v.count >= MIN_COUNT || v.direct >= 2)
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([s, v]) => ({ stem: s, count: v.count, direct: v.direct, forms: [...v.forms].sort() })),
    firstNames: Object.fromEntries(
      [...votes]
        .filter(([, v]) => Math.max(v.m, v.f) >= 2 && Math.min(v.m, v.f) === 0)
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([name, v]) => [name, v.m ? 'm' : 'f']),
    ),
    roles: [...roles]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([s, count]) => ({ stem: s, count })),
  };
}
