// The word memo must answer as the question it remembers, for every word, once its table is full too.
import { describe, expect, it } from 'vitest';
import { WordMemo } from '../../src/lexicon/word-memo.js';

describe('WordMemo', () => {
  it('answers as the function it remembers, asked once a word', () => {
    let asked = 0;
    const memo = new WordMemo((w) => {
      asked++;
      return w.length % 3 === 0;
    });
    const words = ['said', 'says', 'a', 'ab', 'ba', "o'neill", 'kassym-zhomart', 'abcdefghijklmnopqr', 'x'.repeat(19)];
    words.push('café', 'u.s.', '2016', '');
    for (const w of [...words, ...words]) expect(memo.get(w)).toBe(w.length % 3 === 0);
    expect(asked).toBe(words.length);
  });

  it('tells apart words that share their first letters or differ only in length', () => {
    const memo = new WordMemo((w) => w === 'aaaaaab' || w === 'a');
    expect(memo.get('aaaaaa')).toBe(false);
    expect(memo.get('aaaaaab')).toBe(true);
    expect(memo.get('aaaaaaa')).toBe(false);
    expect(memo.get('a')).toBe(true);
    expect(memo.get('aa')).toBe(false);
  });

  it('keeps answering right past the size of its table', () => {
    const word = (n: number) => n.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);
    const memo = new WordMemo((w) => w.endsWith('q'));
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 40_000; n++) expect(memo.get(word(n))).toBe(word(n).endsWith('q'));
    }
  });
});
