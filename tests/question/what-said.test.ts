import { describe, expect, it } from 'vitest';
import { whatSaid } from '../../src/question/what-said.js';

describe('what-said forms', () => {
  it('reads the speaker, whom it was told and the topic', () => {
    expect(whatSaid('What did Borrell tell reporters about the sanctions')).toEqual({
      speaker: 'Borrell',
      topic: 'sanctions',
      setting: 'reporters',
    });
  });

  it('reads where it was said apart from the topic', () => {
    expect(whatSaid('What did Borrell say in a statement about the sanctions')).toMatchObject({
      speaker: 'Borrell',
      setting: 'in a statement',
    });
  });

  it('holds a loose form only as loose', () => {
    expect(whatSaid('Borrell on tensions')).toEqual({ speaker: 'Borrell', topic: 'tensions', loose: true });
  });

  it('is no what-said question otherwise', () => {
    expect(whatSaid('Who said the talks failed')).toBeNull();
  });
});
