import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, asksAboutSomeone, subjectOf } from '../../src/answer/index.js';
import { UNSURE_CONFIDENCE } from '../../src/answer/weights.js';
import { parseArticleBytes } from '../../src/corpus/index.js';
import { buildLibrary, type Library } from '../../src/library/index.js';
import { SEED_ID, seedLibrary } from '../helpers.js';

describe('answers on the seed article', () => {
  let library: Library;
  const ask = (q: string, guildId?: string) => answerQuestion(library, q, { guildId });
  beforeAll(async () => {
    library = await seedLibrary();
  });

  it('who said: names the speaker and cites the quote, its sentence and the article', () => {
    const a = ask('Who said "it is now a real revolution"?');
    expect(a.intent).toBe('who_said');
    expect(a.message).toBe('Mukhtar Ablyazov said it.');
    const top = a.answers[0];
    expect(top).toMatchObject({ speaker: 'Mukhtar Ablyazov', article: { id: SEED_ID } });
    expect(top.article.title).toMatch(/^Kazakhstan, spokesman/);
    expect(top.quote).toContain('It is now a real revolution');
    expect(top.sentence).toContain('Ablyazov further explained');
    expect(top.speakerDescription).toBeTruthy();
    expect(top.score).toBeGreaterThan(0);
  });

  it.each([
    ['who said these things give strength to dictators', 'Mukhtar Ablyazov'],
    ['Who described Massimov as a close ally of Nazarbaev?', 'Aleksandr Baunov'],
    ['who said did he act first and avoid the coup', 'Nargis Kassenova'],
    ['WHO SAID NOT EVEN LUKASHENKO IN BELARUS', 'Mukhtar Ablyazov'],
    ['woh siad the regime took off its mask', 'Mukhtar Ablyazov'],
    ['who said that the rights and safety of civilians must be guaranteed', 'Josep Borrell'],
    ['Who said he did not leave the country?', "Nazarbayev's spokesman"],
  ])('who said: %s → %s', (q, speaker) => {
    expect(ask(q).answers[0]?.speaker).toBe(speaker);
  });

  it('who said: words a quote only resembles get its speaker as the closest, not as the one who said them', () => {
    const a = ask('Who said "shoot to kill"?');
    expect(a.message).toBe("No quote has these exact words; the closest is Mukhtar Ablyazov's.");
    expect(a.answers[0].quote).toMatch(/shooting[\s\S]*killed/);
    expect(ask('Who said the EU is ready to help?').message).toBe(
      "No quote has these exact words; the closest is Josep Borrell's.",
    );
    expect(ask('Who said "real revolution"?').message).toBe('Mukhtar Ablyazov said it.');
    // Baunov's words come from inside dashes ("… – explains Aleksandr Baunov – …"), an attribution the
    // model gives under 0.9: the wording says so, as it does for the closest match.
    expect(ask('Who said "Massimov was a close ally of Nazarbaev"?').message).toBe(
      'Most likely Aleksandr Baunov said it.',
    );
    expect(ask('Who said Massimov was an ally of the old leader?').message).toBe(
      "No quote has these exact words; the closest is most likely Aleksandr Baunov's.",
    );
  });

  it('who spoke of a subject: every speaker quoted on it, once each, best match first', () => {
    const a = ask('Which people commented on the coup?');
    expect(a.intent).toBe('topic');
    expect(a.message).toBe('Quoted about coup: Nargis Kassenova, Aleksandr Baunov.');
    expect(a.answers.map((x) => x.speaker)).toEqual(['Nargis Kassenova', 'Aleksandr Baunov']);
    for (const x of a.answers) expect(x.quote).toMatch(/coup/);
    // Naming them says they spoke of Italy, not that they criticised it.
    expect(ask('Who criticized Italy?').message).toMatch(
      /^Quoted about Italy: (?:Farnesina, Mukhtar Ablyazov|Mukhtar Ablyazov, Farnesina)\.$/,
    );
    expect(ask('Who mentioned Unicredit?').answers[0]).toMatchObject({
      speaker: 'Mukhtar Ablyazov',
      quote: expect.stringMatching(/Unicredit/),
    });
  });

  it('a word typed in lower case by someone who writes names with capitals is the common noun, not part of a name', () => {
    const story = [
      'Border and banks',
      '',
      '“Wall Street made her rich,” said Karl Rowe, a strategist.',
      '',
      '“Wall Street will pay,” said Dana Pike, a senator.',
      '',
      '“We will build the wall along the whole border, and we will make sure that it gets built on time and on budget, whatever they say,” Dana Pike said.',
    ].join('\n');
    const lib = buildLibrary(parseArticleBytes(Buffer.from(story), 'border.txt', '').articles);
    expect(answerQuestion(lib, 'Who talked about the wall?').answers[0].speaker).toBe('Dana Pike');
    expect(answerQuestion(lib, 'Who talked about the wall?').answers[0].quote).toMatch(/build the wall/);
    expect(answerQuestion(lib, 'What did Dana Pike say about the wall?').answers[0].quote).toMatch(/build the wall/);
    expect(answerQuestion(lib, 'What did Dana Pike say about Wall Street?').answers[0].quote).toMatch(
      /^Wall Street will pay/,
    );
  });

  it('an overview: who is quoted (most first), in one article by its title, and the articles', () => {
    const speakers = ask('Who is quoted?');
    expect(speakers.intent).toBe('help');
    const lines = speakers.message.split('\n');
    expect(lines[0]).toBe('Quoted in 1 article, most quoted first:');
    expect(lines[1]).toBe('• Mukhtar Ablyazov — 9 quotes (Former minister and former banker)');
    expect(lines).toContain('• Josep Borrell — 1 quote');
    expect(lines.join('\n')).not.toMatch(/unnamed source/);
    expect(ask('Who is quoted in the Kazakhstan article?').message.split('\n').slice(1)).toEqual(lines.slice(1));
    expect(ask('Who is quoted in the football article?').message).toBe(
      'No article\'s title matches "football". Ask "Which articles do you have?" to see them.',
    );
    expect(ask('Which articles do you have?').message).toMatch(
      /^1 article, \d+ quotes in all:\n• Kazakhstan, spokesman for the former leader/,
    );
  });

  it('"he" and "she" in a question mean the person the conversation is about, or are asked back', () => {
    const first = ask('Who said "it is now a real revolution"?');
    expect(subjectOf(first)).toBe('Mukhtar Ablyazov');
    expect(asksAboutSomeone('What else did he say about Italy?')).toBe(true);
    expect(asksAboutSomeone('What did Borrell say?')).toBe(false);
    const next = answerQuestion(library, 'What else did he say about Italy?', { about: subjectOf(first) });
    expect(next.message).toMatch(/^What Mukhtar Ablyazov said about Italy:/);
    expect(next.answers[0].speaker).toBe('Mukhtar Ablyazov');
    expect(answerQuestion(library, 'Who is she?', { about: 'Nargis Kassenova' }).message).toMatch(
      /^Nargis Kassenova, researcher/,
    );
    expect(ask('What did he say?')).toMatchObject({
      message: 'Who do you mean by “he”? Ask with a name, e.g. “What did Ablyazov say?”',
      answers: [],
    });
  });

  it('who spoke of a subject no one named is quoted on: says so, and names no one', () => {
    const weapons = ask('Who said something about weapons?');
    expect(weapons.message).toBe('No one is quoted by name about weapons. The closest passages:');
    expect(weapons.answers.length).toBeGreaterThan(0);
    expect(weapons.answers.every((x) => x.speaker === null)).toBe(true);
    // "the Russians arrived", in a quote: Russia and the Russians are one subject.
    expect(ask('Who said something about Russia?').message).toBe('Quoted about Russia: Mukhtar Ablyazov.');
    expect(ask('Who talked about bananas?')).toMatchObject({
      message: 'No one is quoted about bananas in the corpus.',
      answers: [],
    });
  });

  it.each([
    ['What did Baunov say?', 'Aleksandr Baunov'],
    ['What did the dissident say about Italy?', 'Mukhtar Ablyazov'],
    ['Borrell on tensions', 'Josep Borrell'],
    ['quotes from the Farnesina', 'Farnesina'],
    ["What did Nazarbayev's spokesman say?", "Nazarbayev's spokesman"],
    ['What did Borel say?', 'Josep Borrell'],
    ['what did Baunoff say', 'Aleksandr Baunov'],
    ['What did the former minister say about Unicredit?', 'Mukhtar Ablyazov'],
  ])('what said: %s → %s', (q, speaker) => {
    const a = ask(q);
    expect(a.intent).toBe('what_said');
    expect(a.answers.length).toBeGreaterThan(0);
    // Their quotes first; after them only quotes on the subject whose attribution is unsure, and said so.
    const theirs = a.answers.filter((item) => item.speaker === speaker).length;
    expect(theirs).toBeGreaterThan(0);
    expect(a.answers.slice(0, theirs).every((item) => item.speaker === speaker)).toBe(true);
    for (const item of a.answers.slice(theirs)) expect(item.confidence).toBeLessThan(UNSURE_CONFIDENCE);
    if (theirs < a.answers.length) expect(a.message).toMatch(/whose speaker is unsure/);
  });

  it('a question that opens with a speaker’s name asks what they said about the rest', () => {
    const a = ask('Josep Borrell tensions');
    expect(a.intent).toBe('what_said');
    expect(a.answers[0].speaker).toBe('Josep Borrell');
    for (const q of ['Ablyazov Unicredit', 'Ablyazov, Unicredit']) {
      expect(ask(q).message, q).toBe('What Mukhtar Ablyazov said about Unicredit:');
    }
    // The name as the corpus writes it (an alias) holds in any case; a word that is only part of a name
    // must be capitalised to be taken for the person.
    expect(ask('ablyazov unicredit').message).toBe('What Mukhtar Ablyazov said about unicredit:');
    expect(ask('former Unicredit').intent).toBe('search');
    expect(ask('What happened in Almaty?').intent).toBe('search');
  });

  it('what said about a topic puts the quote on that topic first', () => {
    expect(ask('What did Ablyazov say about Unicredit?').answers[0].quote).toMatch(/Unicredit/);
    expect(ask('What did the opposition leader say about France?').answers[0].quote).toMatch(/France/);
  });

  it('says plainly when a speaker is not in the corpus, and names no one else', () => {
    const a = ask('What did Angela Merkel say about Kazakhstan?');
    expect(a.message).toBe('No quotes from Angela Merkel in the corpus.');
    expect(a.answers).toEqual([]);
    expect(ask('Who is Merkel?').message).toBe('No one called Merkel is quoted in the corpus.');
    expect(ask('Who said "we must leave the euro tomorrow"?').answers.every((x) => x.speaker === null)).toBe(true);
  });

  it('who is: the speaker, their descriptions and how often they are quoted', () => {
    const a = ask('Who is Baunov?');
    expect(a.intent).toBe('who_is');
    expect(a.message).toBe('Aleksandr Baunov, an analyst at Carnegie Moscow. Quoted 1 time in 1 article.');
    expect(a.speaker?.name).toBe('Aleksandr Baunov');
  });

  it('search: the best passage, with the speaker when it lies in a quote', () => {
    expect(ask('Did Germany stop exporting weapons to Kazakhstan?').answers[0].sentence).toBe(
      'Meanwhile Germany has suspended the export of weapons to Kazakhstan.',
    );
    expect(ask('What happened to Samat Abish?').answers[0].sentence).toMatch(/Nazarbaev’s grandson, Samat Abish/);
  });

  it('help and empty questions get a guide, not an error', () => {
    const help = ask('help');
    expect(help.intent).toBe('help');
    expect(help.message).toMatch(/Who said "/);
    expect(ask('   ').intent).toBe('empty');
    expect(ask('!!!').message).toMatch(/^Ask me who said something/);
  });

  it('never answers with page furniture', () => {
    for (const q of [
      'Related Posts',
      'Support us',
      'Read More',
      'who said read more',
      'Become a Supporter too',
      'Total Share',
      'Previous Article next',
      'Egypt activist Ramy Shaath',
      'Saakashvili coup',
    ]) {
      for (const item of ask(q).answers) {
        expect(item.sentence).not.toMatch(
          /Related Posts|Supporter|Read More|Ramy Shaath|Saakashvili|Total|ilFattoquotidiano/i,
        );
      }
    }
  });

  it('shows a server its own uploaded articles and no other server’s', () => {
    const upload = parseArticleBytes(
      Buffer.from(
        'Gnome news\n\n“The gnomes have won the election in the valley,” said Zorblatt Quux, the gnome spokesman.\n',
      ),
      'gnomes.txt',
      'guild/1/',
    ).articles[0];
    const withUpload = buildLibrary([...library.articles, { ...upload, guildId: '1' }]);
    const q = 'Who said the gnomes have won the election?';
    expect(answerQuestion(withUpload, q, { guildId: '1' }).answers[0]?.speaker).toBe('Zorblatt Quux');
    expect(answerQuestion(withUpload, q, { guildId: '2' }).answers.some((x) => x.speaker === 'Zorblatt Quux')).toBe(
      false,
    );
    expect(answerQuestion(withUpload, 'What did Quux say?', { guildId: '2' }).message).toBe(
      'No quotes from Quux in the corpus.',
    );
    expect(answerQuestion(withUpload, q).answers.some((x) => x.article.id.startsWith('guild/'))).toBe(false);
  });

  it('never describes a speaker by their own name again ("— some analysts, some analysts")', () => {
    const a = ask('who said the regime would fall');
    const analysts = a.answers.find((item) => item.speaker === 'some analysts');
    expect(analysts).toBeDefined();
    expect(analysts?.speakerDescription).toBeNull();
    expect(ask('What did Baunov say?').answers[0].speakerDescription).toBe('an analyst at Carnegie Moscow');
  });
});
