import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { makeLibrary } from '../discord/library.js';

const LONG = [
  'We have spent three years on this bridge and every inspection so far has gone well for the whole team.',
  'The steel is in place, the deck is poured and the lights are being fitted this week by the contractors.',
  'The bridge will reopen to traffic in May, as long as the weather holds.',
  'After that we start on the tunnel, which is a much larger job for the whole city and will take years.',
].join(' ');

const library = () =>
  makeLibrary(
    [
      {
        id: 'bridge',
        title: 'Bridge works near their end | The Riverside Courier',
        paragraphs: [`“${LONG}” said Mayor Ruth Okafor.`, '“The tunnel will come next,” Okafor added.'],
      },
    ],
    [{ id: 'okafor', name: 'Ruth Okafor', aliases: ['Okafor'], descriptions: ['Mayor'] }],
    [
      { article: 'bridge', text: LONG, speaker: 'okafor' },
      { article: 'bridge', text: 'The tunnel will come next,', speaker: 'okafor' },
    ],
  );

async function chat(lines: string[], lib = library()): Promise<string> {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  const done = runChat(lib, { input, output, interactive: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return out;
}

describe('the terminal chat', () => {
  it('shows the sentence asked about in a long quote between **, the rest trimmed, the title short', async () => {
    const out = await chat(['Who said the bridge will reopen to traffic in May?']);
    expect(out).toContain('1. “… **The bridge will reopen to traffic in May, as long as the weather holds.** …”');
    expect(out).toContain('article: Bridge works near their end [bridge]');
  });

  it('a verify question gets its verdict, and a follow-up means the person it was about', async () => {
    const out = await chat(['Did Okafor say the bridge would reopen in May?', 'What else did she say?']);
    expect(out).toMatch(/^Yes: Ruth Okafor said nearly this \(not word for word\)\./);
    expect(out).toContain('What Ruth Okafor said (2 quotes):');
  });

  it('"what else" leaves out the quotes already shown; "more" shows the next ones, never a --json hint', async () => {
    const many = makeLibrary(
      [
        {
          id: 'port',
          title: 'Port reopens',
          paragraphs: ['One.', 'Two.', 'Three.', 'Four.'].map((w) => `“${w}” said Ann Lee.`),
        },
      ],
      [{ id: 'lee', name: 'Ann Lee', aliases: ['Lee'] }],
      ['One.', 'Two.', 'Three.', 'Four.'].map((text) => ({ article: 'port', text, speaker: 'lee' })),
    );
    const out = await chat(['What did Lee say?', 'more', 'What else did she say?'], many);
    const [first, more, again] = out.trim().split(/\n\n(?=What|More|That)/);
    expect(first).toContain('(1 more; type "more" to see them)');
    expect(out).not.toContain('--json');
    const shown = (text: string) => [...text.matchAll(/^\d\. “(\w+)\.”/gm)].map((m) => m[1]);
    expect(more).toMatch(/^More:/);
    expect(shown(more)).toHaveLength(1);
    expect([...shown(first), ...shown(more)].sort()).toEqual(['Four', 'One', 'Three', 'Two']);
    expect(again).toContain('(Nothing I have not shown you already.)');
  });
});
