// Question forms a black-box run found misread.
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/question/index.js';

describe('did X say anything / has X commented: what X said', () => {
  it.each([
    ['Did Boris Johnson say anything?', 'Boris Johnson'],
    ['Has Reeves commented?', 'Reeves'],
    ['Did the spokeswoman speak?', 'the spokeswoman'],
    ['has okonkwo ever said anything', 'okonkwo'],
  ])('%s → what %s said', (text, speaker) => {
    const q = parseQuestion(text);
    expect(q.intent).toBe('what_said');
    expect(q.speaker).toBe(speaker);
    expect(q.topic ?? '').toBe('');
  });

  it('words to check stay a verify question, and a subject stays the topic', () => {
    expect(parseQuestion('Did Reeves say the bill would pass?').intent).toBe('verify');
    expect(parseQuestion('Did Reeves say anything about councils?')).toMatchObject({
      intent: 'what_said',
      speaker: 'Reeves',
      topic: 'councils',
    });
  });
});

describe('who opposed / supported / welcomed / rejected Y: the people quoted on Y', () => {
  it.each([
    ['Who opposed the drought package?', 'drought package'],
    ['Who supports the housing bill?', 'housing bill'],
    ['Who welcomed the return of the bronzes?', 'return of the bronzes'],
    ['Which officials rejected the plan?', 'plan'],
  ])('%s → quoted about %s', (text, topic) => {
    const q = parseQuestion(text);
    expect(q.intent).toBe('topic');
    expect(q.topic).toBe(topic);
  });

  it('words given in quotation marks stay the words of a quote', () => {
    expect(parseQuestion('Who said "we support the package"?').intent).toBe('who_said');
  });
});
