import { describe, expect, it } from 'vitest';
import { isSourcePhrase } from '../../src/attribution/phrase.js';
import { tokenize } from '../../src/attribution/tokens.js';

const source = (text: string) => isSourcePhrase(tokenize(text));

describe('source phrases', () => {
  it('takes names, roles and described people', () => {
    expect(source('The doctor')).toBe(true);
    expect(source('Interior Minister Erik Lund')).toBe(true);
    expect(source('the recently appointed minister')).toBe(true);
    expect(source('a spokeswoman for the port authority')).toBe(true);
  });

  it('refuses a clause: a past tense with its object ("The doctor later prescribed the man …")', () => {
    expect(source('The doctor subsequently prescribed the man in the case')).toBe(false);
    expect(source('The inspector warned the owner')).toBe(false);
  });
});
