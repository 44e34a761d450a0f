// Small hand-made libraries with speakers and quotes, so the bot's tests do not depend on what
// attribution (built elsewhere) finds in the seed corpus.
import { assemble, type Library } from '../../src/library/index.js';
import { buildIndex } from '../../src/search/index.js';
import { indexTerms } from '../../src/text/pipeline.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Article, Paragraph, Quote, QuoteKind, Sentence, Speaker } from '../../src/types.js';

export interface ArticleSpec {
  id: string;
  title: string;
  url?: string;
  guildId?: string;
  paragraphs: string[];
}

export interface QuoteSpec {
  article: string;
  /** Must appear verbatim in the article's paragraphs. */
  text: string;
  speaker: string | null;
  kind?: QuoteKind;
}

export interface SpeakerSpec {
  id: string;
  name: string;
  aliases?: string[];
  descriptions?: string[];
  /** Articles beyond those of their quotes (for speakers listed without quotes). */
  articles?: string[];
}

export function article(spec: ArticleSpec): Article {
  const paragraphs: Paragraph[] = [{ index: 0, start: 0, end: spec.title.length, title: true }];
  let text = spec.title;
  for (const p of spec.paragraphs) {
    text += '\n\n';
    paragraphs.push({ index: paragraphs.length, start: text.length, end: text.length + p.length });
    text += p;
  }
  const a: Article = { id: spec.id, title: spec.title, text, paragraphs };
  if (spec.url) a.url = spec.url;
  if (spec.guildId) a.guildId = spec.guildId;
  return a;
}

export function makeLibrary(
  articleSpecs: ArticleSpec[],
  speakerSpecs: SpeakerSpec[],
  quoteSpecs: QuoteSpec[],
): Library {
  const articles = articleSpecs.map(article);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sentences: Sentence[] = articles.flatMap((a) => splitSentences(a));
  const names = new Map(speakerSpecs.map((s) => [s.id, s.name]));
  const counters = new Map<string, number>();
  const quotes: Quote[] = quoteSpecs.map((q) => {
    const a = byId.get(q.article);
    if (!a) throw new Error(`no article ${q.article}`);
    const start = a.text.indexOf(q.text);
    if (start < 0) throw new Error(`quote not in ${q.article}: ${q.text}`);
    const end = start + q.text.length;
    const s = sentences.find((x) => x.articleId === a.id && x.start <= start && x.end >= end);
    const paragraph = a.paragraphs.find((p) => p.start <= start && p.end >= end)?.index ?? 0;
    const n = (counters.get(a.id) ?? 0) + 1;
    counters.set(a.id, n);
    return {
      id: `${a.id}#${n}`,
      articleId: a.id,
      kind: q.kind ?? 'direct',
      text: q.text,
      start,
      end,
      sentence: s?.text ?? q.text,
      sentenceStart: s?.start ?? start,
      sentenceEnd: s?.end ?? end,
      paragraph,
      speaker: q.speaker ? (names.get(q.speaker) ?? null) : null,
      speakerId: q.speaker,
      source: null,
      cue: null,
      confidence: 0.9,
      rules: [],
    };
  });
  const speakers: Speaker[] = speakerSpecs.map((s) => {
    const theirs = quotes.filter((q) => q.speakerId === s.id);
    return {
      id: s.id,
      name: s.name,
      kind: 'person',
      aliases: s.aliases ?? [],
      descriptions: s.descriptions ?? [],
      articles: [...new Set([...theirs.map((q) => q.articleId), ...(s.articles ?? [])])],
      quoteCount: theirs.length,
    };
  });
  return assemble(
    articles,
    sentences,
    quotes,
    speakers,
    buildIndex(sentences.map((s) => indexTerms(s.text))),
    buildIndex(quotes.map((q) => indexTerms(q.text))),
  );
}

/** Two articles, three speakers, Borrell quoted five times (two pages of answers). */
export function newsLibrary(extraSpeakers: SpeakerSpec[] = []): Library {
  return makeLibrary(
    [
      {
        id: 'eu-kazakhstan',
        title: 'EU ministers weigh their answer to the unrest in Kazakhstan',
        url: 'https://news.example.org/eu-kazakhstan',
        paragraphs: [
          '“It is now a real revolution,” said Josep Borrell, the EU foreign policy chief, after the meeting in Brest.',
          'Aleksandr Baunov, an analyst at Carnegie Moscow, said: “The protests took the Kremlin by surprise.”',
          'Borrell added: “We will not accept a return to the old order in Almaty.” He spoke for twenty minutes.',
          'The ministers also discussed energy. Borrell said: “Gas supplies to Europe must not become a weapon.”',
          'Kassym-Jomart Tokayev, the President of Kazakhstan, insisted that “order has been restored” in the capital.',
        ],
      },
      {
        id: 'borrell-interview',
        title: 'Borrell interview: *bold* plans for the _union_',
        paragraphs: [
          'In a long interview, Borrell said: “Europe has to learn the language of power.”',
          'Asked about sanctions, Borrell replied: “Sanctions work slowly but they work.”',
        ],
      },
    ],
    [
      { id: 'borrell', name: 'Josep Borrell', aliases: ['Borrell'], descriptions: ['the EU foreign policy chief'] },
      { id: 'baunov', name: 'Aleksandr Baunov', aliases: ['Baunov'], descriptions: ['an analyst at Carnegie Moscow'] },
      {
        id: 'tokayev',
        name: 'Kassym-Jomart Tokayev',
        aliases: ['Tokayev', 'President Tokayev'],
        descriptions: ['the President of Kazakhstan'],
      },
      ...extraSpeakers,
    ],
    [
      { article: 'eu-kazakhstan', text: 'It is now a real revolution,', speaker: 'borrell' },
      { article: 'eu-kazakhstan', text: 'The protests took the Kremlin by surprise.', speaker: 'baunov' },
      { article: 'eu-kazakhstan', text: 'We will not accept a return to the old order in Almaty.', speaker: 'borrell' },
      { article: 'eu-kazakhstan', text: 'Gas supplies to Europe must not become a weapon.', speaker: 'borrell' },
      { article: 'eu-kazakhstan', text: 'order has been restored', speaker: 'tokayev', kind: 'mixed' },
      { article: 'borrell-interview', text: 'Europe has to learn the language of power.', speaker: 'borrell' },
      { article: 'borrell-interview', text: 'Sanctions work slowly but they work.', speaker: 'borrell' },
    ],
  );
}
