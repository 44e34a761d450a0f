// Articles the tests upload: speakers and words found nowhere in the seed corpus, so an answer that
// shows them can only come from the upload.
export const ZORBLAT = {
  name: 'zorblat-festival.txt',
  text: [
    'Zorblat Quimby warns of a melting glacier festival',
    '',
    '"The ice sculptures will melt before the mayor arrives," said Zorblat Quimby, the festival director, on Tuesday.',
    '',
    'Quimby added: "We have ordered three hundred tonnes of snow from the mountains."',
    '',
  ].join('\n'),
  title: 'Zorblat Quimby warns of a melting glacier festival',
  question: 'Who said "the ice sculptures will melt"?',
  answer: 'Zorblat Quimby said it.',
};

export const PELLINORE = {
  name: 'pellinore.md',
  text: [
    '---',
    'title: Harbour pilots strike over night shifts',
    'url: https://news.example.org/pellinore',
    '---',
    '',
    '"No pilot should guide a tanker after twenty hours awake," said Odessa Pellinore, the union secretary.',
    '',
  ].join('\n'),
  question: 'Who said "guide a tanker after twenty hours awake"?',
  answer: 'Odessa Pellinore said it.',
};
