// "Did X say Y?": a verdict, for people checking a quote they saw shared. Yes only when X's quote holds
// the words (as asked, or nearly: the wording says which); no when someone else's quote does (the first
// answer is that quote, with who said it); unknown when no quote in the corpus does.
import type { Library } from '../library/index.js';
import { nameKey, nameWords, type Question, type SpeakerMatch } from '../question/index.js';
import type { Answer, AnswerItem, Verdict } from '../types.js';
import { matchedItem, rankForWords } from './quote-match.js';
import { deniedWord } from './polarity.js';
import { matchLevel, type Match } from './rank.js';
import { reply, type Scope } from './scope.js';
import { CLOSE_SECOND_MARGIN } from './weights.js';
import { certainty } from './wording.js';

/** `fits`: the speakers the question's name resolved to (empty: no one quoted is called so). */
export function verify(library: Library, q: Question, fits: SpeakerMatch[], scope: Scope, limit: number): Answer {
  const asked = q.speaker ?? 'they';
  const named = fits[0]?.speaker.name ?? asked;
  const ids = new Set(fits.map((m) => m.speaker.id));
  const ranked = rankForWords(library, q, scope);
  // Theirs: by a speaker the name resolved to, or by one whose name holds it whole ("Ed Rendell" in
  // "Pennsylvania Gov. Ed Rendell": the corpus may keep one person under two names).
  const core = /^\p{Lu}/u.test(asked)
    ? nameKey(asked)
        .split(' ')
        .filter((w) => w.length > 1)
    : [];
  const isTheirs = (doc: number) => {
    const quote = library.quotes[doc];
    if (ids.has(quote.speakerId ?? '')) return true;
    if (!core.length || !quote.speaker) return false;
    const words = new Set(nameWords(quote.speaker));
    return core.every((w) => words.has(w));
  };
  const theirs = ranked.find((m) => isTheirs(m.doc));
  const top = ranked[0];
  // Their quote, when it answers the words about as well as the best one does.
  if (theirs && matchLevel(theirs) !== 'loose' && theirs.score >= top.score - CLOSE_SECOND_MARGIN) {
    const first = matchedItem(library, q, theirs);
    const items = [first, ...rest(library, q, ranked, theirs, limit)];
    const how = matchLevel(theirs) === 'exact' ? 'said this' : 'said nearly this (not word for word)';
    const sure = certainty(first);
    // Their words, but denied ("not a handout"), or denied in the question only: not what was asked.
    const denied = deniedWord(first.quote, q.words);
    if (denied && sure !== 'unclear') {
      return verdict(q, 'no', `No: ${named} is quoted on this, but says the opposite about “${denied}”.`, items, fits);
    }
    if (sure === 'unclear') {
      const unclear = `The corpus has these words, but the article does not say clearly who said them (perhaps ${named}).`;
      return verdict(q, 'unknown', unclear, items, fits);
    }
    const lead =
      sure === 'sure'
        ? `Yes: ${named} ${how}.`
        : `Most likely yes: ${named} ${how}, though the article does not say it for certain.`;
    return verdict(q, 'yes', lead, items, fits);
  }
  if (!top || matchLevel(top) === 'loose') {
    const none = fits.length
      ? `No quote of ${named} says this, and nobody in the corpus is quoted saying it.`
      : `No quotes from ${asked} in the corpus, and nobody in the corpus is quoted saying this.`;
    const items = top ? ranked.slice(0, limit).map((m) => matchedItem(library, q, m)) : [];
    const message = items.length ? `${none} The closest quotes, which say something else:` : none;
    return verdict(q, 'unknown', message, items, fits);
  }
  const first = matchedItem(library, q, top);
  const items = [first, ...rest(library, q, ranked, top, limit)];
  const how = matchLevel(top) === 'exact' ? 'said this' : 'said nearly this';
  const not = fits.length ? `not ${named}` : `and no one called ${asked} is quoted in the corpus`;
  if (!first.speaker || certainty(first) === 'unclear') {
    const unclear = `The corpus has these words, but not from ${named}; the article does not say clearly who said them.`;
    return verdict(q, 'unknown', unclear, items, fits);
  }
  return verdict(q, 'no', `No: ${first.speaker} ${how}, ${not}.`, items, fits);
}

function rest(library: Library, q: Question, ranked: Match[], first: Match, limit: number): AnswerItem[] {
  return ranked
    .filter((m) => m !== first)
    .slice(0, limit - 1)
    .map((m) => matchedItem(library, q, m));
}

/** The answer is about the person asked of, unless someone else said it ("no": the next "he" is them). */
function verdict(q: Question, value: Verdict, message: string, items: AnswerItem[], fits: SpeakerMatch[]): Answer {
  const answer = { ...reply(q, message, items), verdict: value };
  if (fits[0] && value !== 'no') answer.speaker = fits[0].speaker;
  return answer;
}
