import { describe, expect, it } from 'vitest';
import {
  confidenceCue,
  customId,
  parseCustomId,
  renderPage,
  type AnswerSession,
} from '../../src/discord/answer-view.js';
import { highlight } from '../../src/discord/buttons.js';
import {
  cut,
  embedLength,
  fitChoices,
  fitEmbed,
  fitMessage,
  joinWithin,
  LIMITS,
  splitText,
} from '../../src/discord/limits.js';
import { blockQuote, escapeMarkdown, safeUrl } from '../../src/discord/markdown.js';
import type { AnswerItem } from '../../src/types.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('cut', () => {
  it('leaves short text alone and ends cut text with … at a word boundary', () => {
    expect(cut('short', 10)).toBe('short');
    const out = cut(words(100), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/word\d+…$/);
    expect(words(100).startsWith(out.slice(0, -1))).toBe(true);
  });

  it('never splits a surrogate pair or leaves a dangling escape backslash', () => {
    const emoji = '😀'.repeat(10);
    const out = cut(emoji, 6);
    expect(out).toBe('😀😀…');
    const escaped = escapeMarkdown('a*b*c*d*e*f*g*h');
    for (let max = 3; max < escaped.length; max++) {
      const c = cut(escaped, max);
      expect(c.length).toBeLessThanOrEqual(max);
      expect(c).not.toMatch(/(^|[^\\])(\\\\)*\\…$/);
    }
  });

  it('cuts a word with no space where it must', () => {
    expect(cut('x'.repeat(300), 100)).toBe(`${'x'.repeat(99)}…`);
  });
});

describe('splitText', () => {
  it('splits at paragraph, then line, then word boundaries, every piece within the limit', () => {
    const text = `${words(300)}\n\n${words(300)}\n${words(50)}`;
    const parts = splitText(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('keeps an escape with the character it escapes', () => {
    const text = `${'a'.repeat(9)}\\*${'b'.repeat(20)}`;
    const parts = splitText(text, 10);
    expect(parts[0]).toBe('a'.repeat(9));
    expect(parts[1].startsWith('\\*')).toBe(true);
  });
});

describe('fitEmbed and fitMessage', () => {
  it('clamps every field of an embed, and the embed as a whole to 6,000', () => {
    const e = fitEmbed({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'v'.repeat(2000) })),
    });
    expect(e.title!.length).toBe(LIMITS.embedTitle);
    expect(e.footer!.text.length).toBe(LIMITS.embedFooter);
    expect(e.fields!.length).toBeLessThanOrEqual(25);
    for (const f of e.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(embedLength(e)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('splits long content over messages and spreads embeds so none carries over 6,000 or 10', () => {
    const embeds = Array.from({ length: 14 }, (_, i) => ({ title: `#${i}`, description: 'x'.repeat(1500) }));
    const components = [{ type: 1, components: [] }] as never;
    const parts = fitMessage({ content: words(700), embeds, components });
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const p of parts) {
      expect((p.content ?? '').length).toBeLessThanOrEqual(2000);
      expect((p.embeds ?? []).length).toBeLessThanOrEqual(10);
      expect((p.embeds ?? []).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    }
    expect(parts.flatMap((p) => p.embeds ?? []).map((e) => e.title)).toEqual(embeds.map((e) => e.title));
    expect(parts.filter((p) => p.components)).toEqual([parts[parts.length - 1]]);
  });

  it('never produces an empty message', () => {
    expect(fitMessage({})).toEqual([{ content: '…' }]);
  });
});

describe('autocomplete choices', () => {
  it('keeps at most 25, names cut to 100, values within 100 and unique', () => {
    const choices = fitChoices([
      { name: 'same', value: 'v' },
      { name: 'same again', value: 'v' },
      { name: 'too long a value to come back intact', value: 'x'.repeat(101) },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `${'n'.repeat(150)}${i}`, value: `${'v'.repeat(90)}${i}` })),
    ]);
    expect(choices.some((c) => c.value.startsWith('x'))).toBe(false);
    expect(choices).toHaveLength(25);
    expect(choices.filter((c) => c.value === 'v')).toHaveLength(1);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('markdown', () => {
  it('escapes what Discord would format, so text shows as written', () => {
    expect(escapeMarkdown('*bold* _it_ ~~s~~ `code` ||spoiler|| [link](http://x) <@123>')).toBe(
      '\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[link\\](http://x) \\<@123>',
    );
    expect(escapeMarkdown('# Heading\n> quote\n- item\n1. first')).toBe('\\# Heading\n\\> quote\n\\- item\n\\1. first');
    expect(escapeMarkdown('a - b > c # d')).toBe('a - b > c # d');
  });

  it('makes a block quote of every line, and accepts only http(s) urls', () => {
    expect(blockQuote('a\nb')).toBe('> a\n> b');
    expect(safeUrl('https://x.org/a b')).toBe('https://x.org/a%20b');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });

  it('bolds the quote in its paragraph, cutting a long paragraph around it', () => {
    expect(highlight('He said: *yes* indeed.', '*yes*', 4096)).toBe('He said: **\\*yes\\*** indeed.');
    const para = `${words(400)} THE QUOTE ${words(400)}`;
    const out = highlight(para, 'THE QUOTE', 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out).toMatch(/^….*\*\*THE QUOTE\*\*.*…$/s);
  });
});

const item = (over: Partial<AnswerItem> = {}): AnswerItem => ({
  speaker: 'Ann Author',
  speakerId: 'ann',
  speakerDescription: 'a writer',
  quote: 'A quote.',
  sentence: 'A quote.',
  article: { id: 'a', title: 'Title' },
  score: 1.5,
  confidence: 0.9,
  quoteId: 'a#1',
  kind: 'direct',
  paragraph: 1,
  ...over,
});

describe('answer pages', () => {
  const session = (items: AnswerItem[]): AnswerSession => ({
    question: 'q',
    intent: 'who_said',
    message: 'Found it.',
    items,
    guildId: null,
  });

  it('show three answers a page with Context buttons, votes and More while pages remain', () => {
    const s = session(Array.from({ length: 7 }, (_, i) => item({ quote: `Quote ${i}.` })));
    const p0 = renderPage(s, 0, 'SESSION');
    expect(p0.embeds).toHaveLength(3);
    const labels = p0.components!.flatMap((r) => r.components.map((b: any) => b.label ?? b.emoji.name));
    expect(labels).toEqual(['Context 1', 'Context 2', 'Context 3', '👍', '👎', 'More']);
    const p2 = renderPage(s, 2, 'SESSION');
    expect(p2.embeds).toHaveLength(1);
    expect(p2.components!.flatMap((r) => r.components.map((b: any) => b.label ?? b.emoji.name))).toEqual([
      'Context 7',
      '👍',
      '👎',
    ]);
    expect(renderPage(s, 0, null, 'no buttons').components).toBeUndefined();
  });

  it('fit one message even with three huge quotes and titles', () => {
    const huge = item({
      quote: 'q '.repeat(5000),
      article: { id: 'a', title: 'T'.repeat(1000), url: 'https://x.org' },
      speakerDescription: 'd'.repeat(2000),
    });
    const page = renderPage(session([huge, huge, huge]), 0, 'S');
    expect(fitMessage(page)).toHaveLength(1);
    expect(page.embeds!.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  });

  it('give a cue that says what kind of evidence an answer is', () => {
    expect(confidenceCue(item({ matched: 'exact' }), 'who_said').label).toBe(
      'direct quote · close match to your words',
    );
    expect(confidenceCue(item({ matched: 'close' }), 'verify').label).toBe('direct quote · likely match');
    expect(confidenceCue(item({ matched: 'loose' }), 'who_said').label).toBe('direct quote · partial match');
    // How sure the article is of who said it, from the quote's attribution confidence.
    expect(confidenceCue(item({ matched: 'exact', confidence: 0.55 }), 'who_said').label).toBe(
      'direct quote · close match to your words · speaker likely, not certain',
    );
    expect(confidenceCue(item({ confidence: 0.3 }), 'what_said').label).toBe(
      'direct quote · the article does not say clearly who',
    );
    expect(confidenceCue(item({ kind: 'indirect' }), 'what_said').label).toBe('reported speech');
    expect(confidenceCue(item({ speaker: null }), 'who_said').label).toBe('direct quote; speaker not identified');
    expect(confidenceCue(item({ kind: 'passage', speaker: null }), 'search').label).toMatch(/no speaker attributed/);
  });

  it('encode button actions in custom ids under 100 characters, and refuse foreign ones', () => {
    for (const a of [
      { kind: 'more', sessionId: 'AbC-_123', page: 2 },
      { kind: 'context', sessionId: 'x'.repeat(16), index: 9 },
      { kind: 'vote', sessionId: 's', vote: 'down' },
    ] as const) {
      const id = customId(a);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseCustomId(id)).toEqual(a);
    }
    for (const bad of ['', 'w1:m:s', 'w1:x:s:1', 'w2:m:s:1', 'w1:v:s:1', 'w1:m:s:u', 'w1:m:has space:1'])
      expect(parseCustomId(bad)).toBeNull();
  });
});

describe('joinWithin', () => {
  it('adds lines while they fit and counts the rest', () => {
    const out = joinWithin(
      Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(50)}`),
      500,
    );
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out).toMatch(/\n… and \d+ more$/);
    const shown = out.split('\n').length - 1;
    expect(out).toContain(`… and ${100 - shown} more`);
  });
});
