import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import {
  allSentences,
  assemble,
  buildLibrary,
  corpusVersion,
  decodeLibrary,
  encodeLibrary,
  ENGINE_VERSION,
  loadSnapshot,
  saveSnapshot,
  SNAPSHOT_ERROR,
  SNAPSHOT_FORMAT_VERSION,
  type Library,
} from '../../src/library/index.js';
import { buildIndex } from '../../src/search/index.js';
import { indexTerms } from '../../src/text/pipeline.js';
import type { Article, Quote, Speaker } from '../../src/types.js';
import { needing } from '../requirements.js';
import { POLNEAR, POLNEAR_DIR, seedLibrary } from '../helpers.js';

const SEED_QUESTIONS = [
  'Did Germany stop exporting weapons to Kazakhstan?',
  'What happened to Samat Abish?',
  'Who said "it is now a real revolution"?',
  'What did Borrell say about the situation?',
  'Who is Nazarbayev?',
  'help',
  '',
  'zzz nothing matches this',
];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'whosaid-snapshot-'));
}

/** Everything a library holds, as plain data (the indexes as their arrays). */
function contents(library: Library) {
  const { sentenceIndex, quoteIndex, articleById, speakerById, speakerQuotes, ...rest } = library;
  return {
    ...rest,
    sentences: allSentences(library.sentences),
    sentenceIndex: { ...sentenceIndex.parts(), options: sentenceIndex.options },
    quoteIndex: { ...quoteIndex.parts(), options: quoteIndex.options },
    articleById: [...articleById],
    speakerById: [...speakerById],
    speakerQuotes: [...speakerQuotes],
  };
}

function expectSameAnswers(a: Library, b: Library, questions: string[]): void {
  for (const q of questions) expect(answerQuestion(b, q), q).toEqual(answerQuestion(a, q));
}

/** The seed library with quotes and speakers, as attribution will give them (it gives none yet). */
function withQuotes(base: Library): Library {
  const article = base.articles[0];
  const at = (s: string) => {
    const start = article.text.indexOf(s);
    if (start < 0) throw new Error(`not in the seed article: ${s}`);
    return { start, end: start + s.length, text: s };
  };
  const sentence = base.sentences.at(3)!;
  const quoted = at(sentence.text.split(' ').slice(2, 8).join(' '));
  const speaker: Speaker = {
    id: 'borrell',
    name: 'Josep Borrell',
    kind: 'person',
    aliases: ['Borrell'],
    descriptions: ['the EU’s foreign policy chief'],
    articles: [article.id],
    quoteCount: 2,
  };
  const quote = (n: number, extra: Partial<Quote>): Quote => ({
    id: `${article.id}#${n}`,
    articleId: article.id,
    kind: 'direct',
    text: quoted.text,
    start: quoted.start,
    end: quoted.end,
    sentence: sentence.text,
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    paragraph: sentence.paragraph,
    speaker: 'Josep Borrell',
    speakerId: 'borrell',
    source: { ...at('Borrell'), confidence: 0.9 },
    cue: null,
    confidence: 0.8,
    rules: ['after.verb-first', 'source.name'],
    ...extra,
  });
  const quotes = [
    quote(0, {}),
    // Text that is not its offsets' slice (a quote broken by its cue) must survive as written.
    quote(1, {
      kind: 'mixed',
      text: 'words joined … across a cue',
      cue: { start: 0, end: 3, text: 'not the slice', confidence: 0.5 },
    }),
    quote(2, {
      kind: 'indirect',
      speaker: null,
      speakerId: null,
      source: null,
      reason: 'pronoun',
      confidence: 0.3,
      rules: [],
    }),
    quote(3, { articleId: 'elsewhere', id: 'elsewhere#0' }),
  ];
  return assemble(
    base.articles,
    base.sentences,
    quotes,
    [speaker],
    base.sentenceIndex,
    buildIndex(quotes.map((q) => indexTerms(q.text))),
  );
}

/** Snapshot bytes with the header changed (and its checksum made right again). */
function rewriteHeader(bytes: Buffer, change: (header: Record<string, unknown>) => void): Buffer {
  const length = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + length));
  change(header);
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(Math.ceil((12 + json.length) / 8) * 8);
  head.write('WSLB', 0, 'latin1');
  head.writeUInt32LE(json.length, 4);
  head.writeUInt32LE(zlib.crc32(json), 8);
  json.copy(head, 12);
  return Buffer.concat([head, bytes.subarray(Math.ceil((12 + length) / 8) * 8)]);
}

describe('library snapshots', () => {
  let seed: Library;
  let seedBytes: Buffer;
  beforeAll(async () => {
    seed = await seedLibrary();
    seedBytes = encodeLibrary(seed, corpusVersion(seed.articles));
  });

  it('give back the same library and the same answers (seed corpus)', () => {
    const loaded = decodeLibrary(seedBytes, { corpusVersion: corpusVersion(seed.articles) });
    expect(contents(loaded)).toEqual(contents(seed));
    expectSameAnswers(seed, loaded, SEED_QUESTIONS);
  });

  it('give sentences by position as the built array does, nothing outside it, and save again as they were', () => {
    const loaded = decodeLibrary(seedBytes);
    const n = seed.sentences.length;
    for (const i of [0, 1, n - 1]) expect(loaded.sentences.at(i)).toEqual(seed.sentences.at(i));
    for (const i of [n, n + 1, -1, 0.5, NaN]) expect(loaded.sentences.at(i), String(i)).toBeUndefined();
    expect(encodeLibrary(loaded, corpusVersion(seed.articles))).toEqual(seedBytes);
  });

  it('keep quotes, speakers and the quote index, text that differs from its offsets included', () => {
    const library = withQuotes(seed);
    const loaded = decodeLibrary(encodeLibrary(library, 'v'));
    expect(loaded.quotes).toEqual(library.quotes);
    expect(loaded.quotes[1].text).toBe('words joined … across a cue');
    expect(contents(loaded)).toEqual(contents(library));
    expectSameAnswers(library, loaded, [...SEED_QUESTIONS, 'What did Borrell say?', 'Who is Borrell?']);
  });

  needing('shared').it(
    'give back the same library and answers on PolNeAR, every quote and speaker included',
    async () => {
      const { articles } = await loadCorpus(POLNEAR_DIR);
      const built = buildLibrary(articles);
      const dir = tempDir();
      const file = join(dir, 'polnear.snapshot');
      await saveSnapshot(file, built, corpusVersion(articles));
      const loaded = await loadSnapshot(file, { corpusVersion: corpusVersion(articles) });
      expect(allSentences(loaded.sentences)).toEqual(allSentences(built.sentences));
      expect(loaded.articles).toEqual(built.articles);
      expect(JSON.stringify(loaded.articles)).toBe(JSON.stringify(built.articles));
      expect(built.quotes.length).toBeGreaterThan(10_000);
      // Field order too: a loaded quote prints as a built one.
      expect(JSON.stringify(loaded.quotes)).toBe(JSON.stringify(built.quotes));
      expect(loaded.speakers).toEqual(built.speakers);
      const questions = readFileSync(join(POLNEAR, 'train-questions.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .filter((_, i) => i % 40 === 0)
        .map((l) => JSON.parse(l).question as string);
      expect(questions.length).toBeGreaterThan(90);
      expectSameAnswers(built, loaded, questions);
    },
  );

  it('name a corpus by what the engine reads of it', () => {
    const articles = seed.articles;
    const version = corpusVersion(articles);
    expect(version).toMatch(/^[0-9a-f]{32}$/);
    expect(corpusVersion(articles.map((a) => ({ ...a, paragraphs: [...a.paragraphs] })))).toBe(version);
    const reordered = articles.map(({ id, title, text, paragraphs, ...rest }) => ({
      ...rest,
      paragraphs,
      text,
      title,
      id,
    }));
    expect(corpusVersion(reordered)).toBe(version);
    const changed = (change: Partial<Article>) => corpusVersion([{ ...articles[0], ...change }]);
    const variants = [
      changed({ text: `${articles[0].text} ` }),
      changed({ title: 'Another title' }),
      changed({ id: 'another-id' }),
      changed({ guildId: '123456789012345678' }),
      changed({ url: 'https://example.com/x' }),
      corpusVersion([...articles, ...articles]),
    ];
    expect(new Set([version, ...variants]).size).toBe(variants.length + 1);
  });

  it('refuse another format, engine or corpus version with the snapshot error', () => {
    const expectRefused = (bytes: Buffer, message: string, expectVersion?: string) =>
      expect(() => decodeLibrary(bytes, { corpusVersion: expectVersion })).toThrow(`${SNAPSHOT_ERROR} ${message}`);
    expectRefused(
      rewriteHeader(seedBytes, (h) => (h.format = 0)),
      `format 0, this version reads ${SNAPSHOT_FORMAT_VERSION}`,
    );
    expectRefused(
      rewriteHeader(seedBytes, (h) => (h.engine = ENGINE_VERSION + 1)),
      `engine version ${ENGINE_VERSION + 1}, this engine is ${ENGINE_VERSION}`,
    );
    expectRefused(seedBytes, `corpus version ${corpusVersion(seed.articles)}, expected ffff`, 'ffff');
    // The rewritten header itself is read fine when nothing in it differs.
    expect(decodeLibrary(rewriteHeader(seedBytes, () => {})).sentences.length).toBe(seed.sentences.length);
  });

  it('refuse damaged, truncated or foreign bytes with the snapshot error', () => {
    const flipped = Buffer.from(seedBytes);
    flipped[flipped.length - 100] ^= 0x40;
    expect(() => decodeLibrary(flipped)).toThrow(`${SNAPSHOT_ERROR} damaged (checksum mismatch)`);
    const header = Buffer.from(seedBytes);
    header[20] ^= 0x01;
    expect(() => decodeLibrary(header)).toThrow(`${SNAPSHOT_ERROR} damaged (header checksum mismatch)`);
    expect(() => decodeLibrary(seedBytes.subarray(0, seedBytes.length - 1))).toThrow(`${SNAPSHOT_ERROR} truncated`);
    expect(() => decodeLibrary(seedBytes.subarray(0, 30))).toThrow(SNAPSHOT_ERROR);
    expect(() => decodeLibrary(Buffer.concat([seedBytes, Buffer.from([0])]))).toThrow(
      `${SNAPSHOT_ERROR} damaged (trailing bytes)`,
    );
    expect(() => decodeLibrary(Buffer.from('a text file, not a snapshot'))).toThrow(
      `${SNAPSHOT_ERROR} not a whosaid library snapshot`,
    );
    // Consistent checksums over inconsistent sections: still the snapshot error, never a crash elsewhere.
    const lying = rewriteHeader(seedBytes, (h) => ((h.counts as Record<string, number>).sentences += 5));
    expect(() => decodeLibrary(lying)).toThrow(`${SNAPSHOT_ERROR} damaged (`);
  });

  it('are written whole or not at all', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.snapshot');
    await saveSnapshot(file, seed, 'v1');
    await saveSnapshot(file, seed, 'v2');
    expect(readdirSync(dir)).toEqual(['a.snapshot']);
    expect(readFileSync(file).equals(encodeLibrary(seed, 'v2'))).toBe(true);
    // A save that cannot complete (here the rename: the target is a folder) leaves no file behind.
    mkdirSync(join(dir, 'taken.snapshot'));
    await expect(saveSnapshot(join(dir, 'taken.snapshot'), seed, 'v')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a.snapshot', 'taken.snapshot']);
    expect(readdirSync(join(dir, 'taken.snapshot'))).toEqual([]);
    await expect(loadSnapshot(join(dir, 'missing.snapshot'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('write a file that reads back as the bytes encodeLibrary gives', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.snapshot'), seedBytes);
    expect(contents(await loadSnapshot(join(dir, 'b.snapshot')))).toEqual(contents(seed));
  });
});
