import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, INDEX_ERROR } from '../../src/search/index.js';
import { TfIdf } from '../../src/text/natural.js';
import { indexTerms, queryTerms } from '../../src/text/pipeline.js';
import { sentenceBounds } from '../../src/text/sentences.js';
import { needing } from '../requirements.js';
import { POLNEAR_DIR } from '../helpers.js';

function polnearSentences(n: number): string[] {
  const out: string[] = [];
  for (const file of readdirSync(POLNEAR_DIR).sort()) {
    const text = readFileSync(join(POLNEAR_DIR, file), 'utf8');
    for (const [a, b] of sentenceBounds(text)) {
      out.push(text.slice(a, b));
      if (out.length >= n) return out;
    }
  }
  return out;
}

const { it: withShared } = needing('shared');

describe('the inverted index', () => {
  withShared('scores exactly as natural’s TfIdf.tfidf on a few hundred PolNeAR sentences', () => {
    const sentences = polnearSentences(400);
    const docs = sentences.map(indexTerms);
    const index = buildIndex(docs);
    const natural = new TfIdf();
    for (const d of docs) natural.addDocument(d);
    const queries = [
      ['clinton', 'email'],
      ['trump', 'wall', 'mexico'],
      ['sanders', 'sanders', 'bank'],
      ['debat'],
      ['nonexistentterm'],
      queryTerms('What did Hillary Clinton say about the campaign?'),
    ];
    let compared = 0;
    for (const q of queries) {
      for (let d = 0; d < docs.length; d++) {
        expect(index.rawScore(q, d)).toBeCloseTo(natural.tfidf(q, d), 10);
        compared++;
      }
      for (const hit of index.search(q, { limit: 20 })) expect(hit.score).toBeCloseTo(natural.tfidf(q, hit.doc), 10);
      for (const term of q) expect(index.idf(term)).toBeCloseTo(natural.idf(term), 10);
    }
    expect(compared).toBe(400 * queries.length);
  });

  withShared('lays out postings as a plain term → documents map would, term ids in order of first use', () => {
    const docs = polnearSentences(2000).map(indexTerms);
    docs.push([], ['zzfresh', 'zzfresh'], Array(70_000).fill('zzmany'));
    const expected = new Map<string, Array<[number, number]>>();
    docs.forEach((terms, d) => {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) {
        if (!expected.has(t)) expected.set(t, []);
        expected.get(t)!.push([d, Math.min(tf, 65535)]);
      }
    });
    const parts = buildIndex(docs).parts();
    expect(parts.terms).toEqual([...expected.keys()]);
    expect([...parts.lengths]).toEqual(docs.map((d) => d.length));
    parts.terms.forEach((term, t) => {
      const run: Array<[number, number]> = [];
      for (let i = parts.offsets[t]; i < parts.offsets[t + 1]; i++) run.push([parts.docs[i], parts.tfs[i]]);
      expect(run, term).toEqual(expected.get(term));
    });
    expect(expected.get('zzmany')).toEqual([[docs.length - 1, 65535]]);
  });

  withShared('says whether a document holds a term exactly as its own terms do', () => {
    const docs = polnearSentences(600).map(indexTerms);
    const index = buildIndex(docs);
    const probes = [...new Set(docs.slice(0, 50).flat())].concat(['nonexistentterm']);
    let held = 0;
    for (let d = 0; d < docs.length; d += 7) {
      const own = new Set(docs[d]);
      for (const term of probes) {
        expect(index.contains(term, d), `${term} in ${d}`).toBe(own.has(term));
        if (own.has(term)) held++;
      }
    }
    expect(held).toBeGreaterThan(100);
    expect(index.contains(docs[0][0], docs.length + 5)).toBe(false);
  });

  withShared('returns exactly the top k of a full scan, ties to the earlier document, with filters and limits', () => {
    const docs = polnearSentences(3000).map(indexTerms);
    // Exact duplicates make ties at every score.
    docs.push(...docs.slice(0, 200));
    for (const b of [0, 0.5]) {
      const index = buildIndex(docs, { lengthNormalization: b });
      const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length;
      const full = (q: string[], filter: (d: number) => boolean) => {
        const qtf = new Map<string, number>();
        for (const t of q) if (index.docFrequency(t)) qtf.set(t, (qtf.get(t) ?? 0) + 1);
        const hits = [];
        for (let d = 0; d < docs.length; d++) {
          let score = 0;
          // The index's order of operations: term by term, each posting adding tf × (qtf × idf).
          for (const [t, n] of qtf) score += docs[d].filter((x) => x === t).length * (n * index.idf(t));
          if (score === 0 || !filter(d)) continue;
          if (b > 0) score /= 1 - b + (b * docs[d].length) / avg;
          hits.push({ doc: d, score });
        }
        return hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
      };
      const queries = [
        ['trump'],
        ['clinton', 'email', 'clinton'],
        queryTerms('What did Sanders say about Wall Street banks?'),
        ['said'],
      ];
      for (const q of queries) {
        for (const limit of [1, 10, 50]) {
          for (const filter of [() => true, (d: number) => d % 3 !== 0]) {
            expect(index.search(q, { limit, filter }), `${q} ${limit} b=${b}`).toEqual(full(q, filter).slice(0, limit));
          }
        }
      }
    }
  });

  it('returns the best documents first, ties to the earlier one (golden ranking)', () => {
    const docs = [
      'Germany has suspended the export of weapons to Kazakhstan',
      'Weapons worth 2.2 million euros were exported to the country',
      'Borrell said the rights and safety of civilians must be guaranteed',
      'the export of grain continues',
      'Germany Germany Germany',
    ].map(indexTerms);
    const index = buildIndex(docs);
    expect(index.search(queryTerms('Did Germany stop exporting weapons to Kazakhstan?')).map((h) => h.doc)).toEqual([
      0, 4, 1, 3,
    ]);
    expect(index.search(queryTerms('civilians safety')).map((h) => h.doc)).toEqual([2]);
    expect(index.search(['weapon'], { limit: 1 }).map((h) => h.doc)).toEqual([0]);
    expect(index.search(queryTerms('nothing here matches'))).toEqual([]);
    expect(index.search(['export'], { filter: (d) => d !== 0 }).map((h) => h.doc)).toEqual([1, 3]);
  });

  it('discounts long passages when length normalisation is on', () => {
    const docs = [
      ['weapon', 'export', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'],
      ['weapon', 'b1'],
    ];
    expect(
      buildIndex(docs)
        .search(['weapon'])
        .map((h) => h.doc),
    ).toEqual([0, 1]);
    expect(
      buildIndex(docs, { lengthNormalization: 1 })
        .search(['weapon'])
        .map((h) => h.doc),
    ).toEqual([1, 0]);
    expect(() => buildIndex(docs, { lengthNormalization: 2 })).toThrow(
      `${INDEX_ERROR} lengthNormalization must be between 0 and 1`,
    );
  });
});
