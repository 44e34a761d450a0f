// The word memo must answer as the questions it remembers, for every word, once its table is full too.
import { describe, expect, it } from 'vitest';
import { WordFacts } from '../../src/lexicon/word-memo.js';

describe('WordFacts', () => {
  it('answers as the function it remembers, asked once a word', () => {
    let asked = 0;
    const ask = new WordFacts().question((w) => {
      asked++;
      return w.length % 3 === 0;
    });
    const words = ['said', 'says', 'a', 'ab', 'ba', "o'neill", 'kassym-zhomart', 'abcdefghijklmnopqr', 'x'.repeat(19)];
    words.push('café', 'u.s.', '2016', '', 'Said');
    for (const w of [...words, ...words]) expect(ask(w)).toBe(w.length % 3 === 0);
    expect(asked).toBe(words.length);
  });

  it('tells apart words that share their first letters or differ only in length', () => {
    const ask = new WordFacts().question((w) => w === 'aaaaaab' || w === 'a');
    expect(ask('aaaaaa')).toBe(false);
    expect(ask('aaaaaab')).toBe(true);
    expect(ask('aaaaaaa')).toBe(false);
    expect(ask('a')).toBe(true);
    expect(ask('aa')).toBe(false);
  });

  it('keeps the answers of several questions about one word apart', () => {
    const facts = new WordFacts();
    const short = facts.question((w) => w.length < 4);
    const vowel = facts.question((w) => /^[aeiou]/.test(w));
    // An answer that asks another question of the same word first.
    const both = facts.question((w) => short(w) && vowel(w));
    for (let round = 0; round < 2; round++) {
      for (const w of ['ant', 'bee', 'eagle', 'owl', 'x-ray', 'café']) {
        expect([both(w), short(w), vowel(w)]).toEqual([
          w.length < 4 && /^[aeiou]/.test(w),
          w.length < 4,
          /^[aeiou]/.test(w),
        ]);
      }
    }
  });

  it('keeps answering right past the size of its table', () => {
    const word = (n: number) => n.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);
    const ask = new WordFacts().question((w) => w.endsWith('q'));
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 40_000; n++) expect(ask(word(n))).toBe(word(n).endsWith('q'));
    }
  });
});
