import { describe, expect, it } from 'vitest';
import { relatedTerms } from '../../src/question/index.js';
import { senses, synset } from '../../src/question/wordnet.js';

const related = (text: string) => [...relatedTerms(text).values()].flat().map((r) => `${r.relation}:${r.term}`);

describe('words related to a question’s words (WordNet)', () => {
  it('reads WordNet synchronously: a lemma’s senses, a synset’s words', () => {
    const [first] = senses('lawyer', 'n');
    expect(synset(first, 'n')?.words).toEqual(['lawyer', 'attorney']);
    expect(senses('xqzv', 'n')).toEqual([]);
  });

  it('synonyms, word families and what a word pertains to, both ways (China ↔ Chinese)', () => {
    expect(related('brink')).toContain('synonym:verg');
    expect(related('economy')).toContain('family:economist');
    expect(related('Chinese')).toContain('pertainym:china');
    expect(related('China')).toContain('pertainym:chines');
  });

  it('never the word itself, and nothing for stop words', () => {
    const map = relatedTerms('the economy');
    expect([...map.keys()]).toEqual(['economi']);
    expect(map.get('economi')!.map((r) => r.term)).not.toContain('economi');
  });
});
