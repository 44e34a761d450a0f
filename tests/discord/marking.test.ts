// A long quote in Discord: the sentence asked about in bold, the rest trimmed; the article's title
// shortened, and once when every answer on the page cites it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackOf, startHarness, type Harness } from './harness.js';
import { makeLibrary } from './library.js';

const LONG = [
  'We have spent three years on this bridge and every inspection so far has gone well for the whole team.',
  'The steel is in place, the deck is poured and the lights are being fitted this week by the contractors.',
  'The bridge will reopen to traffic in May, as long as the weather holds.',
  'After that we start on the tunnel, which is a much larger job for the whole city and will take years.',
].join(' ');

function library() {
  return makeLibrary(
    [
      {
        id: 'bridge',
        title: 'Bridge works near their end, the mayor says at a site visit on Tuesday morning | The Riverside Courier',
        url: 'https://courier.example.org/bridge',
        paragraphs: [`“${LONG}” said Mayor Ruth Okafor at the site.`, '“The tunnel will come next,” Okafor added.'],
      },
    ],
    [{ id: 'okafor', name: 'Ruth Okafor', aliases: ['Okafor'], descriptions: ['Mayor'] }],
    [
      { article: 'bridge', text: LONG, speaker: 'okafor' },
      { article: 'bridge', text: 'The tunnel will come next,', speaker: 'okafor' },
    ],
  );
}

describe('a long quote in Discord', { timeout: 20_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ library: library() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/ask shows the asked sentence in bold and trims the rest; the title is short', async () => {
    const ask = h.fake.slash('ask', { question: 'Who said the bridge will reopen to traffic in May?' });
    const { data } = await callbackOf(h.fake, ask);
    expect(data.content).toBe('Ruth Okafor said it.');
    const [first] = data.embeds;
    expect(first.description).toBe(
      '> … **The bridge will reopen to traffic in May, as long as the weather holds.** …\n' +
        '— **Ruth Okafor**, Mayor',
    );
    expect(first.title).toBe('Bridge works near their end, the mayor says at a site visit on Tuesday morning');
    expect(first.url).toBe('https://courier.example.org/bridge');
  });

  it('a DM answer too; answers that share the article name it once', async () => {
    const msg = h.fake.message('What did Okafor say about the bridge and the tunnel?', 'dm');
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.body?.message_reference?.message_id === msg.id,
    );
    const embeds = reply.body.embeds;
    expect(embeds.length).toBe(2);
    expect(embeds[0].title).toBeTruthy();
    expect(embeds[1].title).toBeUndefined();
  });
});
