import { describe, expect, it } from 'vitest';
import { SPEECH_VERBS } from '../../src/lexicon/index.js';
import { SAY_VERBS, TO_WHOM_VERBS, VERIFY_VERBS, WHAT_VERBS } from '../../src/lexicon/questions.js';
import { parseQuestion } from '../../src/question/index.js';

describe('question verbs come from the core verbs of saying', () => {
  it('asks what-said with base and past forms, not the third person', () => {
    expect(WHAT_VERBS).toEqual(expect.arrayContaining(['say', 'said', 'testify', 'testified', 'sing', 'sang', 'sung']));
    // "What did the United States say": "states" must not end the speaker's name.
    for (const w of ['states', 'notes', 'claims', 'reports']) expect(WHAT_VERBS).not.toContain(w);
    expect(parseQuestion('What did the United States say about trade?')).toMatchObject({
      intent: 'what_said',
      speaker: 'the United States',
    });
  });

  it('reads "who <verb>" with the third person and past of each core verb it takes', () => {
    const forms = (base: string) => SPEECH_VERBS.find((f) => f[0] === base) ?? [];
    expect(SAY_VERBS).toEqual(expect.arrayContaining([...forms('tell').slice(1), 'thinks', 'dubbed']));
    expect(SAY_VERBS).not.toContain('saying');
    expect(parseQuestion('Who adds that the talks failed?')).toMatchObject({ snippet: 'the talks failed' });
  });

  it('builds the lists of whom and of checks from the same forms', () => {
    expect(TO_WHOM_VERBS).toEqual([
      'tell',
      'told',
      'ask',
      'asked',
      'urge',
      'urged',
      'warn',
      'warned',
      'advise',
      'advised',
    ]);
    expect(VERIFY_VERBS).toEqual(expect.arrayContaining(['says', 'say', 'said', 'threaten', 'threatened']));
  });
});
