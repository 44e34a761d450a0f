import { describe, expect, it } from 'vitest';
import { cleanQuestion, MAX_QUESTION_LENGTH, parseQuestion } from '../../src/question/index.js';

const who = (q: string) => parseQuestion(q);

describe('reading questions', () => {
  it.each([
    ['Who said "it is now a real revolution"?', 'it is now a real revolution'],
    ['who said these things give strength to dictators', 'these things give strength to dictators'],
    ['WHO SAID IT IS NOW A REAL REVOLUTION', 'IT IS NOW A REAL REVOLUTION'],
    ['Who described Massimov as a close ally of Nazarbaev?', 'Massimov as a close ally of Nazarbaev'],
    ['Who is quoted as saying “in near real-time starting at 9 p.m. E.T”?', 'in near real-time starting at 9 p.m. E.T'],
    ['who said that you’ll keep your hands in sight', 'you’ll keep your hands in sight'],
    ['woh siad it is now a real revolution', 'it is now a real revolution'],
    ['"the regime took off its mask"', 'the regime took off its mask'],
    ['the regime took off its mask — who said that?', 'the regime took off its mask'],
    ['which analyst said it was a coup', 'it was a coup'],
    ['whose words are "not even Lukashenko in Belarus"', 'not even Lukashenko in Belarus'],
    ['Who was it that said "the regime took off its mask"?', 'the regime took off its mask'],
    ['Can you find who said “the regime took off its mask”?', 'the regime took off its mask'],
    ["I'd like to know who said the regime took off its mask", 'the regime took off its mask'],
    ['the regime took off its mask - whose quote is that?', 'the regime took off its mask'],
    ['Identify the speaker: "the regime took off its mask"', 'the regime took off its mask'],
    ['Who do you think said "the regime took off its mask"?', 'the regime took off its mask'],
  ])('who said: %s', (q, snippet) => {
    expect(who(q)).toMatchObject({ intent: 'who_said', snippet });
  });

  it.each([
    ['Who talked about sanctions?', 'sanctions'],
    ['Who said something about Russia?', 'Russia'],
    ['Which officials commented on the coup?', 'coup'],
    ['who has spoken publicly about the Almaty protests', 'Almaty protests'],
    ["Who's quoted about the election?", 'election'],
    ['Who mentioned Unicredit?', 'Unicredit'],
    ['who criticized the Italian government', 'Italian government'],
    ['Which Russian experts weighed in on the crisis?', 'crisis'],
  ])('who spoke of a subject: %s', (q, topic) => {
    expect(who(q)).toEqual(expect.objectContaining({ intent: 'topic', topic, names: true }));
    expect(who(q).snippet).toBeUndefined();
  });

  it.each([
    ['Who said on Monday that the talks had failed?', 'on Monday that the talks had failed'],
    ['Who talked about "a real revolution"?', 'a real revolution'],
    ['Who warned that the regime is finished?', 'the regime is finished'],
    [
      'who criticized the police for shooting at crowds that were unarmed',
      'the police for shooting at crowds that were unarmed',
    ],
  ])('a clause or quoted words stay a who-said snippet: %s', (q, snippet) => {
    const p = who(q);
    expect(p.intent).toBe('who_said');
    expect(p.topic).toBeUndefined();
    expect(p.snippet).toContain(snippet);
  });

  it.each([
    ['What did Baunov say?', 'Baunov', undefined],
    ['What did the dissident say about Italy?', 'the dissident', 'Italy'],
    ['Borrell on tensions', 'Borrell', 'tensions'],
    ['quotes from the Farnesina', 'the Farnesina', undefined],
    ['what has New York Post said about treatment', 'New York Post', 'treatment'],
    ["What was Borrell's reaction to the crisis?", 'Borrell', 'crisis'],
    ['how did Baunov describe Massimov', 'Baunov', 'Massimov'],
    ["What is Nazarbayev's spokesman saying?", "Nazarbayev's spokesman", undefined],
    ['What did Kassenova speculate?', 'Kassenova', undefined],
    ['Did Borrell say anything about civilians?', 'Borrell', 'civilians'],
    ['What did Then Brafman say about zeal?', 'Brafman', 'zeal'],
    ['What has Hillary Clinton been saying about Wall Street?', 'Hillary Clinton', 'Wall Street'],
    ['What did Lindsey Graham (R-SC) say about Christians?', 'Lindsey Graham', 'Christians'],
    ['How did Baunov talk about Massimov?', 'Baunov', 'Massimov'],
    ["Give me Borrell's quotes about civilians", 'Borrell', 'civilians'],
    ["I'd like to know what Borrell said about civilians", 'Borrell', 'civilians'],
    ['Could you please tell me what Borrell said about civilians?', 'Borrell', 'civilians'],
    ['What did Borrell tell reporters about civilians?', 'Borrell', 'civilians'],
    ['civilians: what did Borrell say?', 'Borrell', 'civilians'],
    ['What did Borrell say with regard to civilians?', 'Borrell', 'civilians'],
    ['What is Borrell quoted as saying about civilians?', 'Borrell', 'civilians'],
    ['What has Borrell been quoted saying about civilians?', 'Borrell', 'civilians'],
    ['Did Borrell mention civilians?', 'Borrell', 'civilians'],
    ['Summarize what Borrell said about civilians', 'Borrell', 'civilians'],
    ['Find quotes where Borrell talks about civilians', 'Borrell', 'civilians'],
    ['Show Borrell quotes on civilians', 'Borrell', 'civilians'],
    ['civilians according to Borrell', 'Borrell', 'civilians'],
    ['According to Borrell, what about civilians?', 'Borrell', 'civilians'],
  ])('what said: %s', (q, speaker, topic) => {
    const p = who(q);
    expect(p.intent).toBe('what_said');
    expect(p.speaker).toBe(speaker);
    expect(p.topic).toBe(topic);
  });

  it.each([
    ['Who is quoted?', 'speakers', undefined],
    ['list the speakers', 'speakers', undefined],
    ['Who is quoted in the articles?', 'speakers', undefined],
    ['Who is quoted in the Kazakhstan article?', 'speakers', 'Kazakhstan'],
    ['Which articles do you have?', 'articles', undefined],
    ["what's in the corpus", 'articles', undefined],
  ])('asks for an overview: %s', (q, overview, article) => {
    expect(who(q)).toEqual(expect.objectContaining({ intent: 'help', overview }));
    expect(who(q).article).toBe(article);
  });

  it('tells who-is, help, empty and search apart', () => {
    expect(who('Who is Baunov?')).toMatchObject({ intent: 'who_is', speaker: 'Baunov' });
    expect(who('tell me about the Farnesina')).toMatchObject({ intent: 'who_is', speaker: 'the Farnesina' });
    for (const q of ['help', 'hi!', 'Hello', 'what can you do?', '/help']) expect(who(q).intent, q).toBe('help');
    for (const q of ['', '   ', '???', '…', '\u200b\u200b']) expect(who(q).intent, JSON.stringify(q)).toBe('empty');
    expect(who('What happened to Samat Abish?')).toMatchObject({
      intent: 'search',
      snippet: 'What happened to Samat Abish',
    });
    expect(who('Did Germany stop exporting weapons to Kazakhstan?').intent).toBe('search');
  });

  it('takes mentions, markdown and invisible characters out, and bounds the length', () => {
    expect(cleanQuestion('<@123456789012345678> who said **it is now** a `real` revolution @everyone').text).toBe(
      'who said it is now a real revolution',
    );
    expect(cleanQuestion('\u202Ewho\u200b said it').text).toBe('who said it');
    const long = cleanQuestion('revolution '.repeat(1000));
    expect(long.truncated).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });

  it.each([
    ['who implored the government to let doctors in', 'implored the government to let doctors in'],
    ['who hoped the talks would resume', 'hoped the talks would resume'],
    ['Who called the plan a disgrace?', 'the plan a disgrace'],
    ["who doesn't think the ceasefire will hold?", 'the ceasefire will hold'],
    ['did anyone say the economy was on the brink', 'the economy was on the brink'],
    ['has anybody claimed that the vote was rigged', 'the vote was rigged'],
    ['Who was complaining that the trains are always late?', 'complaining that the trains are always late'],
  ])('who said, other openings: %s', (q, snippet) => {
    expect(who(q)).toMatchObject({ intent: 'who_said', snippet });
  });

  it('which <role> said: the role is kept as a hint; which person says nothing of who', () => {
    expect(who('which economist warned that rates will rise')).toMatchObject({
      intent: 'who_said',
      role: 'economist',
      snippet: 'rates will rise',
    });
    expect(who('Which Steelers player said the defense was tired?')).toMatchObject({
      role: 'Steelers player',
      snippet: 'the defense was tired',
    });
    expect(who('Which person said the defense was tired?').role).toBeUndefined();
    expect(who("who doesn't think the ceasefire will hold?").negated).toBe(true);
  });

  it('which of the <role>s said; who is/was not …; who is <stance> about …: who-said questions', () => {
    expect(who('which of the lawyers said the client was innocent')).toMatchObject({
      intent: 'who_said',
      role: 'lawyers',
      snippet: 'the client was innocent',
    });
    expect(who("who isn't convinced the plan will work?")).toMatchObject({
      intent: 'who_said',
      negated: true,
      snippet: 'convinced the plan will work',
    });
    expect(who('who wasn’t happy with the result')).toMatchObject({ intent: 'who_said', negated: true });
    expect(who('who is worried about inflation?')).toMatchObject({
      intent: 'who_said',
      snippet: 'worried about inflation',
    });
    expect(who('who was against the ceasefire')).toMatchObject({
      intent: 'who_said',
      snippet: 'against the ceasefire',
    });
    // A noun or a name after "who is" asks who someone is.
    expect(who('who is president of France?')).toMatchObject({ intent: 'who_is', speaker: 'president of France' });
    expect(who('who is the mayor?').intent).toBe('who_is');
  });

  it.each([
    ['Did the mayor say the bridge would reopen in May?', 'the mayor', 'the bridge would reopen in May'],
    ['Is it true that Borrell said the EU is ready to help?', 'Borrell', 'the EU is ready to help'],
    [
      'Was it Baunov who said the protests took the Kremlin by surprise?',
      'Baunov',
      'the protests took the Kremlin by surprise',
    ],
    ['did Tokayev really tell reporters that order has been restored', 'Tokayev', 'order has been restored'],
    ['Did he say the regime took off its mask?', 'he', 'the regime took off its mask'],
  ])('verify: %s', (q, speaker, snippet) => {
    expect(who(q)).toMatchObject({ intent: 'verify', speaker, snippet });
  });

  it.each([
    ['Did Borrell say anything about Russia?', 'what_said'],
    ['did anyone say anything about the ceasefire', 'topic'],
    ['Did Germany stop exporting weapons to Kazakhstan?', 'search'],
  ])('not a verify: %s', (q, intent) => {
    expect(who(q).intent).toBe(intent);
  });

  it.each([
    ['quotes about China', 'China'],
    ['What has been said about the ceasefire?', 'ceasefire'],
    ['reactions to the verdict', 'verdict'],
    ['what are people saying about the new stadium', 'new stadium'],
    ['show me comments on the budget', 'budget'],
  ])('topic: %s', (q, topic) => {
    expect(who(q)).toMatchObject({ intent: 'topic', topic });
    expect(who(q).names).toBeUndefined();
  });

  it.each([
    ['What did the White House press secretary tell CNN?', 'the White House press secretary', undefined, 'CNN'],
    ['What did the doctors say in their letter about flu season?', 'the doctors', 'flu season', 'in their letter'],
    ['What did Trump call the impeachment hearings?', 'Trump', 'impeachment hearings', undefined],
    [
      'What did the state schools superintendent tell the teachers?',
      'the state schools superintendent',
      undefined,
      'the teachers',
    ],
    ['What did Dylan Nelson say in a statement?', 'Dylan Nelson', undefined, 'in a statement'],
    ['What does Rose-Lynn sing in Glasgow?', 'Rose-Lynn', 'Glasgow', undefined],
  ])('what said, whom and where apart from the topic: %s', (q, speaker, topic, setting) => {
    const p = who(q);
    expect(p).toMatchObject({ intent: 'what_said', speaker });
    expect(p.topic).toBe(topic);
    expect(p.setting).toBe(setting);
  });
});
