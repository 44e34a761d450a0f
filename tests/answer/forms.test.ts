// The question forms people reach for first, on short articles of our own with hand-made quotes and
// speakers (so that these tests read the question and answer stages, not attribution's).
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, excerpt } from '../../src/answer/index.js';
import type { Library } from '../../src/library/index.js';
import { makeLibrary } from '../discord/library.js';

const LONG = [
  'We have spent three years on this bridge and every inspection so far has gone well.',
  'The steel is in place, the deck is poured and the lights are being fitted this week.',
  'The bridge will reopen to traffic in May, as long as the weather holds.',
  'After that we start on the tunnel, which is a much larger job for the whole city.',
].join(' ');

function cityLibrary(): Library {
  return makeLibrary(
    [
      {
        id: 'city-bridge',
        title: 'Bridge works near their end, the mayor says | The Riverside Courier',
        url: 'https://courier.example.org/bridge',
        paragraphs: [
          `“${LONG}” said Mayor Ruth Okafor at the site on Tuesday.`,
          '“The economy is on the verge of collapse,” said Daniel Price, an economist at Harbor Bank.',
          '“Interest rates will have to rise before the summer,” warned Lena Voss, a fund manager.',
          '“I don’t think the ceasefire will hold for long,” said Omar Haddad, a retired general.',
          'The Chinese delegation walked out of the trade talks on Monday, officials said.',
          '“The Chinese delegation walked out because our offer was fair,” said Tom Reed, the trade minister.',
          'Beijing has not commented on the talks.',
        ],
      },
      {
        id: 'plane-report',
        title: 'Report blames pilot training for the landing accident',
        paragraphs: [
          '“We are reviewing the report and will cooperate fully with investigators,” said Jane Moss, a Boeing spokeswoman.',
          '“My client was not at the controls that night,” defence lawyer Mark Ellis told the court.',
          '“The airline will appeal,” said Sam Cole, a spokesman for the airline.',
          '“The union has no comment at this stage,” said Pat Dunn, a spokesman for the pilots’ union.',
        ],
      },
    ],
    [
      { id: 'okafor', name: 'Ruth Okafor', aliases: ['Okafor', 'Mayor Okafor'], descriptions: ['Mayor'] },
      { id: 'price', name: 'Daniel Price', aliases: ['Price'], descriptions: ['an economist at Harbor Bank'] },
      { id: 'voss', name: 'Lena Voss', aliases: ['Voss'], descriptions: ['a fund manager'] },
      { id: 'haddad', name: 'Omar Haddad', aliases: ['Haddad'], descriptions: ['a retired general'] },
      { id: 'reed', name: 'Tom Reed', aliases: ['Reed'], descriptions: ['the trade minister'] },
      { id: 'moss', name: 'Jane Moss', aliases: ['Moss'], descriptions: ['a Boeing spokeswoman'] },
      { id: 'ellis', name: 'Mark Ellis', aliases: ['Ellis'], descriptions: [] },
      { id: 'cole', name: 'Sam Cole', aliases: ['Cole'], descriptions: ['a spokesman for the airline'] },
      { id: 'dunn', name: 'Pat Dunn', aliases: ['Dunn'], descriptions: ['a spokesman for the pilots’ union'] },
    ],
    [
      { article: 'city-bridge', text: LONG, speaker: 'okafor' },
      { article: 'city-bridge', text: 'The economy is on the verge of collapse,', speaker: 'price' },
      { article: 'city-bridge', text: 'Interest rates will have to rise before the summer,', speaker: 'voss' },
      { article: 'city-bridge', text: 'I don’t think the ceasefire will hold for long,', speaker: 'haddad' },
      {
        article: 'city-bridge',
        text: 'The Chinese delegation walked out because our offer was fair,',
        speaker: 'reed',
      },
      {
        article: 'plane-report',
        text: 'We are reviewing the report and will cooperate fully with investigators,',
        speaker: 'moss',
      },
      { article: 'plane-report', text: 'My client was not at the controls that night,', speaker: 'ellis' },
      { article: 'plane-report', text: 'The airline will appeal,', speaker: 'cole' },
      { article: 'plane-report', text: 'The union has no comment at this stage,', speaker: 'dunn' },
    ],
  );
}

describe('questions people really type', () => {
  let library: Library;
  const ask = (q: string) => answerQuestion(library, q);
  beforeAll(() => {
    library = cityLibrary();
  });

  it('in their own words: a paraphrase finds the quote through related words, and says it is not word for word', () => {
    const a = ask('who said the economy was on the brink?');
    expect(a.intent).toBe('who_said');
    expect(a.answers[0].speaker).toBe('Daniel Price');
    expect(a.answers[0].matched).not.toBe('exact');
    expect(a.message).toBe("No quote has these exact words; the closest is Daniel Price's.");
    // The words as printed still win, and are said so.
    expect(ask('Who said "the economy is on the verge of collapse"?').message).toBe('Daniel Price said it.');
  });

  it('a paraphrase does not match an unrelated quote', () => {
    const a = ask('Who said the orchestra played beautifully at the festival?');
    expect(a.answers.every((x) => x.speaker === null)).toBe(true);
    expect(a.message).toMatch(/^I found no quote with those words/);
  });

  it('by role: the spokeswoman of a company, a defence lawyer, which economist', () => {
    expect(ask('What did the Boeing spokeswoman say?').answers[0].speaker).toBe('Jane Moss');
    // The role is only in the sentence that names him ("defence lawyer Mark Ellis told the court").
    expect(ask('What did the defence lawyer tell the court?').answers[0].speaker).toBe('Mark Ellis');
    // "lawyer" and "attorney" are one role.
    expect(ask('What did the defence attorney say?').answers[0].speaker).toBe('Mark Ellis');
    const which = ask('which economist warned about the economy?');
    expect(which.intent).toBe('who_said');
    expect(which.answers[0].speaker).toBe('Daniel Price');
  });

  it('by role: several fit, the best is answered and the others offered', () => {
    const a = ask('What did the spokesman say?');
    expect(['Sam Cole', 'Pat Dunn']).toContain(a.answers[0].speaker);
    expect(a.message).toMatch(/\(Did you mean (?:Sam Cole|Pat Dunn)\? They fit “the spokesman” too\.\)/);
    expect(ask('What did the union spokesman say?').answers[0].speaker).toBe('Pat Dunn');
  });

  it('a role noun in someone’s name is not their role; a role is not read as a surname', () => {
    const clinic = makeLibrary(
      [
        {
          id: 'clinic',
          title: 'Clinic opens',
          paragraphs: [
            '“The waiting list is gone,” said Lee Wong, a doctor at the clinic.',
            '“It took the town ten years,” wrote Ann Doctor, a columnist.',
            '“No comment,” said the clinic spokesperson, Kim Ross.',
          ],
        },
      ],
      [
        { id: 'wong', name: 'Lee Wong', aliases: ['Wong'], descriptions: ['a doctor at the clinic'] },
        { id: 'doctor', name: 'Ann Doctor', aliases: ['Doctor'], descriptions: ['a columnist'] },
        { id: 'ross', name: 'Kim Ross', aliases: ['Ross'], descriptions: ['the clinic spokesperson'] },
      ],
      [
        { article: 'clinic', text: 'The waiting list is gone,', speaker: 'wong' },
        { article: 'clinic', text: 'It took the town ten years,', speaker: 'doctor' },
        { article: 'clinic', text: 'No comment,', speaker: 'ross' },
      ],
    );
    expect(answerQuestion(clinic, 'What did the doctor say?').answers[0].speaker).toBe('Lee Wong');
    expect(answerQuestion(clinic, 'What did the Clinic spokesperson say?').answers[0].speaker).toBe('Kim Ross');
  });

  it('a name as written is never taken for a role: someone never quoted is not someone else', () => {
    const a = ask('What did Angela Merkel say about the bridge?');
    expect(a.answers.every((x) => x.speaker === null)).toBe(true);
    expect(a.message).toMatch(/^No quotes from Angela Merkel in the corpus\./);
  });

  it('other forms: who doesn’t think …, did anyone say …, who thinks …', () => {
    const doubt = ask('who doesn’t think the ceasefire will hold?');
    expect(doubt.intent).toBe('who_said');
    expect(doubt.answers[0].speaker).toBe('Omar Haddad');
    expect(ask('did anyone say interest rates will rise?').answers[0].speaker).toBe('Lena Voss');
    expect(ask('who thinks rates must rise before summer?').answers[0].speaker).toBe('Lena Voss');
  });

  it('verify: yes when the person said it, with how closely', () => {
    const a = ask('Did the mayor say the bridge would reopen in May?');
    expect(a.intent).toBe('verify');
    expect(a.verdict).toBe('yes');
    expect(a.answers[0].speaker).toBe('Ruth Okafor');
    expect(a.message).toBe('Yes: Ruth Okafor said nearly this (not word for word).');
    const exact = ask('Is it true that Okafor said "the bridge will reopen to traffic in May"?');
    expect(exact).toMatchObject({ verdict: 'yes', message: 'Yes: Ruth Okafor said this.' });
  });

  it('verify: no, with the quote and who did say it', () => {
    const a = ask('Was it Lena Voss who said the economy is on the verge of collapse?');
    expect(a.verdict).toBe('no');
    expect(a.answers[0].speaker).toBe('Daniel Price');
    expect(a.message).toBe('No: Daniel Price said this, not Lena Voss.');
  });

  it('verify: unknown when nobody in the corpus said it, and never yes on a loose match', () => {
    const a = ask('Did Okafor say the stadium will be demolished next year?');
    expect(a.verdict).toBe('unknown');
    expect(a.message).toMatch(/^No quote of Ruth Okafor says this, and nobody in the corpus is quoted saying it\./);
    const loose = ask('Did Okafor say the weather was terrible on Tuesday?');
    expect(loose.verdict).not.toBe('yes');
  });

  it('"Did X say anything about Y" stays a question about what X said', () => {
    expect(ask('Did Voss say anything about interest rates?').intent).toBe('what_said');
  });

  it('a topic: the quotes about it, by speaker, China and the Chinese as one, before the narrative', () => {
    const a = ask('quotes about China');
    expect(a.intent).toBe('topic');
    expect(a.message).toBe('Quotes about China, by speaker: Tom Reed (1).');
    expect(a.answers[0]).toMatchObject({ speaker: 'Tom Reed', quote: expect.stringMatching(/Chinese delegation/) });
    expect(a.answers.slice(1).every((x) => x.kind === 'passage' && x.speaker === null)).toBe(true);
    expect(ask('What has been said about the trade talks?').intent).toBe('topic');
  });

  it('a long quote: the sentence asked about is marked and the rest trimmed; the title is shortened', () => {
    const a = ask('Who said the bridge will reopen to traffic in May?');
    const top = a.answers[0];
    expect(top.speaker).toBe('Ruth Okafor');
    expect(top.quote).toBe(LONG);
    expect(top.match).toHaveLength(1);
    expect(top.quote.slice(top.match![0].start, top.match![0].end)).toBe(
      'The bridge will reopen to traffic in May, as long as the weather holds.',
    );
    const shown = excerpt(top);
    expect(shown.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('')).toBe(
      '… [The bridge will reopen to traffic in May, as long as the weather holds.] …',
    );
  });
});
