// The article's title, from what the page says of itself: og:title, then the <h1>, then <title>, in that
// order of trust, each with the site's name taken off ("… | The Guardian", "… - BBC News"). A candidate
// that is only the site's name, a single letter (a drop cap) or a single word (a CMS's name) is passed
// over for the next.

export interface TitleSources {
  ogTitle?: string;
  /** The page's <h1>s, in document order. */
  headings: string[];
  docTitle?: string;
  /** What the page calls its site: og:site_name, application-name, the URL's host. */
  siteNames: string[];
  /** Readability's title: <title> cut at a separator by its own rules, a hint where no site is known. */
  readerTitle?: string;
}

// A separator between a title and a site name: spaced bars, dashes, colons, bullets, guillemets.
const SEPARATOR = /\s+[|–—·•»:-]\s+|\s*\|\s*|\s+::\s+/g;

/** The title, and every other candidate found (to drop the headline again where it opens the text). */
export function chooseTitle(sources: TitleSources): { title?: string; candidates: string[] } {
  const sites = sources.siteNames.map(squash).filter((s) => s.length >= 2);
  const heading = matchingHeading(sources);
  const ordered = [sources.ogTitle, heading, sources.docTitle].map((t) => (t ? clean(t) : ''));
  const hints = [heading, sources.readerTitle].filter((h): h is string => !!h).map(squash);
  const candidates = ordered.filter(Boolean).map((t) => stripSite(t, sites, hints));
  const title = candidates.find((t) => plausible(t, sites));
  return { title: title ?? candidates[0], candidates: [...new Set([...candidates, ...ordered.filter(Boolean)])] };
}

/** The <h1> that names the story: the one the other titles start with, else the first of a few words. */
function matchingHeading(sources: TitleSources): string | undefined {
  const headings = sources.headings.map(clean).filter(Boolean);
  const others = [sources.ogTitle, sources.docTitle].filter((t): t is string => !!t).map((t) => squash(t));
  const named = headings.find((h) => squash(h).length >= 4 && others.some((o) => o.includes(squash(h))));
  return named ?? headings.find((h) => words(h) >= 3);
}

// The parts of a title around its separators, the site's own dropped from either end. Without a known
// site name, a part that is the page's heading is the title ("Story - Site" with <h1>Story</h1>).
function stripSite(title: string, sites: string[], hints: string[]): string {
  const parts = splitParts(title);
  if (parts.length < 2) return title;
  // The site's name, a piece of it ("Remember 80/90" of "Remember 80/90 - Memorabilia anni 80/90"), or it
  // with a few letters more ("SpaceNews.com", "BBC News"); not a part that merely starts with it.
  const isSite = (p: string) => {
    const s = squash(p);
    return (
      s.length > 0 &&
      sites.some(
        (site) =>
          s === site || (s.length >= 3 && site.includes(s)) || (s.includes(site) && s.length <= site.length + 8),
      )
    );
  };
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && isSite(parts[to - 1].text)) to--;
  while (to - from > 1 && isSite(parts[from].text)) from++;
  if (from === 0 && to === parts.length) {
    const hit = parts.findIndex((p) => hints.includes(squash(p.text)));
    return hit >= 0 ? parts[hit].text : title;
  }
  return title.slice(parts[from].start, parts[to - 1].end).trim();
}

function splitParts(title: string): Array<{ text: string; start: number; end: number }> {
  const parts: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    parts.push({ text: title.slice(start, m.index), start, end: m.index! });
    start = m.index! + m[0].length;
  }
  parts.push({ text: title.slice(start), start, end: title.length });
  return parts.filter((p) => p.text.trim());
}

function plausible(title: string, sites: string[]): boolean {
  const s = squash(title);
  if (!s || sites.includes(s)) return false;
  // "News from The Site", "Welcome to The Site": the site's name and a few words, the same on every page.
  const site = sites.find((name) => name.length >= 4 && s.includes(name));
  if (site && s.length - site.length <= 12) return false;
  // Scripts written without spaces hold a title in a few characters; others need two words.
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(title)
    ? s.length >= 4
    : words(title) >= 2;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function words(text: string): number {
  return text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Letters and digits only, lower case: "SpaceNews.com" and "spacenews" compare. */
function squash(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('');
}
