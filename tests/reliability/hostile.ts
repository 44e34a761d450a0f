// Questions people (and people testing the bot) type: the table's "Questions" row, shared by the engine
// test, the test through Discord and the stress run.

const WORDS = 'the minister said that the talks had failed and new elections would follow soon'.split(' ');
const sixThousand = (lead: string, tail = '') => {
  let out = lead;
  for (let i = 0; out.length < 6000 - tail.length; i++) out += `${WORDS[i % WORDS.length]} `;
  return (out.slice(0, 6000 - tail.length) + tail).slice(0, 6000);
};

export interface Hostile {
  name: string;
  text: string;
}

export const HOSTILE_QUESTIONS: Hostile[] = [
  { name: 'empty', text: '' },
  { name: 'blank', text: ' \t\n ' },
  { name: 'one character', text: 'a' },
  { name: 'one question mark', text: '?' },
  { name: '6,000 characters of words', text: sixThousand('Who said "', '"?') },
  { name: '6,000 characters, one word', text: 'x'.repeat(6000) },
  { name: '6,000 characters of a what-did question', text: sixThousand('What did ', ' say about the talks?') },
  { name: '6,000 opening brackets', text: '['.repeat(6000) },
  { name: '6,000 at signs', text: '@'.repeat(6000) },
  { name: 'only punctuation', text: '?!.,;:—…“”"\'()[]{}<>/\\|' },
  { name: 'ellipses', text: '... ??? !!!' },
  { name: 'emoji', text: '😀😀😀 👩‍👩‍👧 🔥' },
  { name: 'emoji around a quote', text: 'Who said 🔥 "real revolution" 🔥?' },
  { name: 'right-to-left Arabic', text: 'من قال "ثورة حقيقية"؟' },
  { name: 'right-to-left Hebrew', text: 'מי אמר את זה?' },
  { name: 'bidi override', text: '\u202Ewho said "real revolution"\u202C' },
  { name: 'zero-width only', text: '\u200B\u200C\u200D\u2060\uFEFF' },
  { name: 'zero-width inside words', text: 'Who\u200B said "real\u200D revolution"?' },
  { name: 'bold and code', text: '**Who** said `real revolution`?' },
  { name: 'code block', text: '```js\nwho said "real revolution"\n```' },
  { name: 'markdown in a name', text: 'What did **Zeb** _the_ ~~great~~ ||spoiler|| say?' },
  { name: 'heading, quote and subtext', text: '# Who\n> said\n-# "real revolution"' },
  { name: 'masked link', text: 'What did [Borrell](https://evil.example/phish) say?' },
  { name: 'masked link, other scheme', text: 'What did [click](javascript:alert(1)) say?' },
  { name: 'timestamp and custom emoji', text: 'What did <t:0:R> <:pepe:123456789012345678> say?' },
  { name: 'escapes', text: 'What did \\*Zeb\\_ \\\\ say?' },
  { name: '@everyone', text: '@everyone' },
  { name: '@here with a question', text: '@here who said "real revolution"?' },
  { name: '@everyone hidden by a zero-width space', text: 'What did @\u200Beveryone say?' },
  {
    name: 'user, role and channel mentions',
    text: 'What did <@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#123456789012345678> say?',
  },
  { name: 'command mention', text: '</ask:123456789012345678> who said "real revolution"?' },
  { name: 'a link', text: 'https://evil.example/who-said?x=1' },
  { name: 'a question with a link', text: 'Who said "real revolution" https://evil.example/x?' },
  { name: 'a bare domain', text: 'What did www.evil.example say?' },
  { name: 'a slash command typed as text', text: '/ask who said "real revolution"' },
  { name: 'a bang command', text: '!help' },
  { name: 'help', text: '/help' },
  { name: 'shell', text: '$(rm -rf /); `reboot`' },
  { name: 'SQL', text: "'; DROP TABLE quotes; --" },
  { name: 'script tag', text: '<script>alert(1)</script>' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template string typed as a question, on purpose
  { name: 'template and format strings', text: '{{7*7}} ${7*7} %s%s%n' },
  { name: 'path', text: 'What did ../../etc/passwd say?' },
  { name: 'prototype words', text: 'What did __proto__ say about constructor?' },
  { name: 'who is prototype', text: 'Who is constructor?' },
  { name: 'control characters', text: 'Who said \u0000\u0007\u001b[31m"real revolution"?' },
  { name: 'lone surrogate', text: 'Who said "real \uD800revolution"?' },
];
