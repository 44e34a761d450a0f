import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomId } from '../../src/discord/answer-view.js';
import { EXPIRED, OUTDATED } from '../../src/discord/buttons.js';
import { UNKNOWN_COMMAND } from '../../src/discord/dispatch.js';
import type { Vote } from '../../src/discord/buttons.js';
import { buttons, callbackOf, startHarness, type Harness } from './harness.js';
import { newsLibrary } from './library.js';

/** The custom_ids of a posted message's buttons, by label or emoji. */

const annas = Array.from({ length: 30 }, (_, i) => ({
  id: `anna-${i}`,
  name: `Anna Example ${String(i).padStart(2, '0')}`,
  descriptions: [`speaker number ${i} with a description long enough to need cutting `.repeat(3)],
  articles: ['eu-kazakhstan'],
}));

describe('slash commands, buttons and autocomplete against the fake Discord', { timeout: 20_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ library: newsLibrary(annas) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/ask answers in one reply: the message, then a quote embed with speaker, article link and a cue', async () => {
    const ask = h.fake.slash('ask', { question: 'Who said "it is now a real revolution"?' });
    const { type, data } = await callbackOf(h.fake, ask);
    expect(type).toBe(4);
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toBe('Josep Borrell said it.');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const [first] = data.embeds;
    expect(first.description).toBe('> It is now a real revolution,\n— **Josep Borrell**, the EU foreign policy chief');
    expect(first.title).toBe('EU ministers weigh their answer to the unrest in Kazakhstan');
    expect(first.url).toBe('https://news.example.org/eu-kazakhstan');
    expect(first.footer.text).toMatch(/^1 of \d+ · direct quote · close match to your words$/);
    expect(buttons(data)).toHaveProperty('Context 1');
    expect(buttons(data)).toHaveProperty('👍');
    expect(h.fake.requestsFor(ask)).toHaveLength(1);
  });

  it('More posts the next page; Context shows the paragraph privately with the quote in bold', async () => {
    const ask = h.fake.slash('ask', { question: 'What did Borrell say?' });
    const { data } = await callbackOf(h.fake, ask);
    expect(data.content).toBe('What Josep Borrell said (5 quotes):');
    expect(data.embeds).toHaveLength(3);
    expect(data.embeds.map((e: any) => e.footer.text.split(' · ')[0])).toEqual(['1 of 5', '2 of 5', '3 of 5']);
    const original = h.fake.originalOf(ask.id)!;
    const ids = buttons(original);
    expect(Object.keys(ids)).toEqual(['Context 1', 'Context 2', 'Context 3', '👍', '👎', 'More']);
    for (const id of Object.values(ids)) expect(id.length).toBeLessThanOrEqual(100);

    const more = h.fake.click(ids.More, original);
    const page2 = await callbackOf(h.fake, more);
    expect(page2.type).toBe(4);
    expect(page2.data.content).toBe('More for “What did Borrell say?”: answers 4–5 of 5');
    expect(page2.data.embeds.map((e: any) => e.footer.text.split(' · ')[0])).toEqual(['4 of 5', '5 of 5']);
    const page2Buttons = buttons(h.fake.originalOf(more.id)!);
    expect(page2Buttons).not.toHaveProperty('More');
    expect(page2Buttons).toHaveProperty('Context 5');

    const context = h.fake.click(ids['Context 2'], original);
    const ctx = await callbackOf(h.fake, context);
    expect(ctx.type).toBe(4);
    expect(ctx.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const quoted = data.embeds[1].description.split('\n')[0].slice(2);
    expect(ctx.data.embeds[0].description).toContain(`**${quoted}**`);
    expect(ctx.data.embeds[0].footer.text).toMatch(/^Paragraph \d+ of /);
  });

  it('👍/👎 are recorded in the store, one vote per person per answer', async () => {
    const ask = h.fake.slash('ask', { question: 'What did Baunov say?' });
    await callbackOf(h.fake, ask);
    const original = h.fake.originalOf(ask.id)!;
    const ids = buttons(original);
    const up = h.fake.click(ids['👍'], original);
    expect((await callbackOf(h.fake, up)).data).toMatchObject({
      content: 'Thanks, noted 👍',
      flags: MessageFlags.Ephemeral,
    });
    const down = h.fake.click(ids['👎'], original);
    await callbackOf(h.fake, down);
    const session = parseCustomId(ids['👍'])!.sessionId;
    const vote = await h.store.get<Vote>('feedback', `${h.fake.ids.guild}:${session}:${h.fake.ids.user}`);
    expect(vote).toMatchObject({
      vote: 'down',
      userId: h.fake.ids.user,
      question: 'What did Baunov say?',
      items: ['eu-kazakhstan#2'],
    });
  });

  it('an expired or outdated button gets a polite private note', async () => {
    const ask = h.fake.slash('ask', { question: 'What did Tokayev say?' });
    await callbackOf(h.fake, ask);
    const original = h.fake.originalOf(ask.id)!;
    const ids = buttons(original);
    await h.store.delete('session', parseCustomId(ids['Context 1'])!.sessionId);
    const stale = h.fake.click(ids['Context 1'], original);
    expect((await callbackOf(h.fake, stale)).data).toMatchObject({ content: EXPIRED, flags: MessageFlags.Ephemeral });
    const old = h.fake.click('v0:more:whatever', original);
    expect((await callbackOf(h.fake, old)).data).toMatchObject({ content: OUTDATED, flags: MessageFlags.Ephemeral });
  });

  it('/quotes autocompletes speakers by name, alias or near spelling; 25 choices at most, names ≤ 100', async () => {
    const byAlias = h.fake.autocomplete('quotes', 'speaker', 'tokay');
    const a = await callbackOf(h.fake, byAlias);
    expect(a.type).toBe(8);
    expect(a.data.choices[0]).toEqual({
      name: 'Kassym-Jomart Tokayev — the President of Kazakhstan',
      value: 'Kassym-Jomart Tokayev',
    });
    const typo = await callbackOf(h.fake, h.fake.autocomplete('quotes', 'speaker', 'borel'));
    expect(typo.data.choices[0].value).toBe('Josep Borrell');
    const many = await callbackOf(h.fake, h.fake.autocomplete('quotes', 'speaker', 'anna'));
    expect(many.data.choices).toHaveLength(25);
    for (const c of many.data.choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value).toMatch(/^Anna Example \d\d$/);
    }
    const empty = await callbackOf(h.fake, h.fake.autocomplete('quotes', 'speaker', ''));
    expect(empty.data.choices[0].value).toBe('Josep Borrell');
  });

  it('/quotes speaker topic answers what they said about it', async () => {
    const q = h.fake.slash('quotes', { speaker: 'Josep Borrell', topic: 'gas supplies' });
    const { data } = await callbackOf(h.fake, q);
    expect(data.content).toBe('What Josep Borrell said about gas supplies:');
    expect(data.embeds[0].description).toMatch(/^> Gas supplies to Europe must not become a weapon\./);
  });

  it('/whosaid finds the speaker of a remembered quote', async () => {
    const q = h.fake.slash('whosaid', { quote: 'protests took the Kremlin by surprise' });
    const { data } = await callbackOf(h.fake, q);
    expect(data.content).toBe('Aleksandr Baunov said it.');
  });

  it('/speakers lists who is quoted (by article, autocompleted), /articles the articles, /help the guide', async () => {
    const all = await callbackOf(h.fake, h.fake.slash('speakers'));
    expect(all.data.embeds[0].description.split('\n')[0]).toBe(
      '**Josep Borrell** — the EU foreign policy chief · 5 quotes',
    );
    const choices = await callbackOf(h.fake, h.fake.autocomplete('speakers', 'article', 'interview'));
    expect(choices.data.choices).toEqual([
      { name: 'Borrell interview: *bold* plans for the _union_', value: 'borrell-interview' },
    ]);
    const one = await callbackOf(h.fake, h.fake.slash('speakers', { article: 'borrell-interview' }));
    expect(one.data.embeds[0].title).toBe('Speakers in “Borrell interview: \\*bold\\* plans for the \\_union\\_”');
    expect(one.data.embeds[0].description).toBe('**Josep Borrell** — the EU foreign policy chief · 2 quotes');
    const none = await callbackOf(h.fake, h.fake.slash('speakers', { article: 'no such thing at all' }));
    expect(none.data.flags).toBe(MessageFlags.Ephemeral);

    const articles = await callbackOf(h.fake, h.fake.slash('articles'));
    expect(articles.data.embeds[0].title).toBe('2 articles');
    expect(articles.data.embeds[0].description).toContain(
      '[EU ministers weigh their answer to the unrest in Kazakhstan](https://news.example.org/eu-kazakhstan)',
    );
    const help = await callbackOf(h.fake, h.fake.slash('help'));
    expect(help.data.embeds[0].description).toMatch(/Who said/);
    expect(help.data.embeds[0].description).toContain('`/quotes speaker [topic]`');
  });

  it('"nothing found" is private in a server, and an unknown command is answered, not crashed on', async () => {
    const nothing = await callbackOf(h.fake, h.fake.slash('ask', { question: 'What did Zebulon Quux say?' }));
    expect(nothing.data.flags).toBe(MessageFlags.Ephemeral);
    expect(nothing.data.content).toMatch(/No quotes from Zebulon Quux/);
    const unknown = await callbackOf(h.fake, h.fake.slash('frobnicate'));
    expect(unknown.data).toMatchObject({ content: UNKNOWN_COMMAND, flags: MessageFlags.Ephemeral });
    const after = await callbackOf(h.fake, h.fake.slash('ask', { question: 'Who said "real revolution"?' }));
    expect(after.data.content).toBe('Josep Borrell said it.');
  });

  it('logs one line per interaction with its id, command and latency, and never the token', () => {
    const line = h.logs.find((l) => l.msg === 'interaction' && l.command === '/whosaid');
    expect(line).toMatchObject({
      outcome: 'ok',
      interaction: expect.stringMatching(/^\d+$/),
      latencyMs: expect.any(Number),
    });
    expect(h.logs.raw()).not.toContain(h.fake.token);
    expect(h.logs.raw()).not.toMatch(/itoken-/);
  });
});
