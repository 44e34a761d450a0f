// News pages of our own for the feed tests: each quotes a speaker found nowhere else, so an answer
// naming them can only come from the page.
import { newsPage, send, type LocalSite } from '../fetch/site.js';

export interface Story {
  path: string;
  title: string;
  speaker: string;
  words: string;
  html: string;
}

function story(path: string, title: string, speaker: string, role: string, words: string, more: string): Story {
  const html = newsPage(title, [
    `"${words}," said ${speaker}, ${role}, on Tuesday.`,
    more,
    `${speaker.split(' ')[1]} added that the work would go on through the winter.`,
  ]);
  return { path, title, speaker, words, html };
}

export const STORIES: Story[] = [
  story(
    '/news/quarry',
    'Quarry reopens after flood',
    'Ilsabet Marrow',
    'the quarry foreman',
    'The water took three weeks to drain from the lower pit',
    'The quarry employs forty people from the two villages along the valley road.',
  ),
  story(
    '/news/ferry',
    'Night ferry returns to the strait',
    'Tomasz Vellacourt',
    'the harbour pilot',
    'No crossing has been this calm since the old pier burned',
    'The ferry company bought a second boat from a yard in the north last spring.',
  ),
  story(
    '/news/orchard',
    'Frost spares the hill orchards',
    'Perpetua Oyelaran',
    'the cooperative chair',
    'We lit the braziers at two in the morning and saved the blossom',
    'Growers on the lower slopes lost most of their early pears to the cold.',
  ),
  story(
    '/news/library',
    'Mobile library adds a second van',
    'Caspian Whitlow',
    'the county librarian',
    'Every hamlet past the moor will see books on Thursdays',
    'The service lends about nine thousand books a month across the county.',
  ),
];

export function serveStories(site: LocalSite, stories: Story[] = STORIES): void {
  for (const s of stories) site.route(s.path, send(s.html));
}
