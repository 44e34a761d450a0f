// What a line of page furniture looks like, on its own: the patterns of the jusText/boilerpipe kind that
// clean.ts starts from. They describe kinds of furniture (a photo credit, a dateline, a "Read more:"
// teaser, a newsletter box), never the strings of one site, and are for short lines only: a long line
// that happens to contain "Subscribe" is a sentence of the story.

/** A pattern made of alternatives, one a line in the source: `^(` + any + `)` + tail, case aside. */
function anyOf(head: string, parts: string[], tail: string, flags = 'i'): RegExp {
  return new RegExp(`${head}(${parts.join('|')})${tail}`, flags);
}

// A heading after which a page lists other stories.
export const SECTION_HEADING = anyOf(
  '^',
  [
    'related( posts| articles| stories| news| content| coverage| links| reading)?',
    'you (may|might) (also )?(like|enjoy)',
    '(want )?more( \\w+){0,3} (stories|news|articles|reads|videos)( like this)?\\??',
    'more (on this( story)?|from [\\w .]+)',
    'recommended( for you| stories| reading)?',
    'most (read|popular|viewed|shared)',
    'trending( now| stories)?',
    'latest (news|stories|posts)',
    'popular (posts|stories)',
    'index of news',
    'other (stories|news)',
    "don'?t miss",
    'top stories',
    'around the web',
    'from (our|the) (partners|web)',
    'further reading',
    'read (next|also)',
    'also read',
    'see also',
    'up next',
  ],
  '\\s*(:|\\.{3}|…)?$',
);

const NAVIGATION = anyOf(
  '^',
  [
    '(previous|next|prev|older|newer)( (article|post|story|page))?\\s*[:»«›‹<>→←]*',
    'home',
    'menu',
    'search',
    'back to top',
    'skip to (main )?content',
    'top',
  ],
  '$',
);

const READ_MORE = anyOf(
  '^',
  ['read', 'see', 'click', 'tap', 'continue reading', 'keep reading', 'watch', 'listen'],
  '\\b.{0,60}\\b(more|rest|full (story|article|text)|here|original|source|article|story)\\b.{0,40}$',
);

// "Read more: <headline>", "[Related: …]", "UP NEXT: …": a link to another story, labelled.
const TEASER_PREFIX = anyOf(
  '^[[(]?\\s*',
  [
    'related( \\w+){0,2}',
    'read more',
    'read also',
    'also read',
    'read next',
    'see also',
    'see more',
    'more',
    'more on this( story)?',
    'watch( more| now)?',
    'listen( now)?',
    'recommended',
    "don'?t miss",
    'must read',
    "also on [\\w .’']+",
    'up next',
    'next up',
    'trending( now)?',
    "editor'?s picks?",
    'further reading',
    'you (may|might) also like',
  ],
  '\\s*[:|»›>–—]\\s*\\S',
);

const DISCLAIMER = anyOf(
  '(',
  [
    '\\bha(ve|s) been indexed\\b',
    'do not claim (legitimacy|ownership)',
    '\\ball rights reserved\\b',
    '\\bclick here\\b',
    '^©',
    '^copyright\\b',
    '\\bcookies?\\b.*\\b(accept|consent|policy)\\b',
    '\\bterms of (use|service)\\b.*\\bprivacy\\b',
  ],
  ')',
);

// Calls for money or sign-ups, spoken to the reader; a line made of them is a banner. Stories about
// donations use the same words, but rarely in the second person and never densely.
const APPEALS = anyOf(
  '\\b',
  [
    'support us',
    'support (our|independent) \\w+',
    'your (support|contribution|donation|subscription)s?',
    'become a (supporter|member|subscriber|patron)',
    'donate( now| today)',
    'make a (donation|contribution)',
    'subscribe (now|today|to our)',
    'sign up (for|now|here|to)',
    'join us',
  ],
  '\\b',
  'gi',
);

// Headings of a single furniture line that do not end the story ("Also on HuffPost:").
const LONE_HEADING = anyOf(
  '^',
  [
    "also on [\\w .’']+",
    'advertisement',
    'sponsored( content)?',
    'share this( article| story)?',
    'tags?',
    'filed under',
  ],
  '\\s*:?$',
);

export const SHARE_WORDS = anyOf(
  '^',
  [
    'share',
    'shares',
    'shared',
    'tweet',
    'email',
    'e-mail',
    'print',
    'pin',
    'like',
    'likes',
    'total',
    'comments?',
    'whatsapp',
    'facebook',
    'twitter',
    'linkedin',
    'reddit',
    'telegram',
    'copy link',
  ],
  '$',
);

// Where a picture stands in the text: "Image", "Video", "Image 2 of 5", a player's fallback line.
const PLACEHOLDER = anyOf(
  '^',
  [
    'images?',
    'videos?',
    'photos?',
    'picture',
    'gallery',
    'audio',
    'graphic',
    'media',
    'embed',
    'slideshow',
    'loading',
    'play( video)?',
    'watch( video)?',
    '(view|see) (the )?(gallery|photos|slideshow)',
    '(image|photo|slide) \\d+ (of|\\/) \\d+',
    '\\d+ (of|\\/) \\d+',
    'this slideshow requires javascript\\.?',
    'media playback is (unsupported|not supported) on your device\\.?',
  ],
  '$',
);

// A caption's or credit's own label: "Image caption …", "Photo credit …", "Photo: Jane Doe/Reuters".
const CREDIT_LABEL = anyOf(
  '^[[(]?\\s*',
  [
    '(image|photo|picture|video|media|graphic|illustration|photograph|cover|header|top|main|lead|featured)' +
      '( image| photo)? (credit|caption|copyright|source|courtesy)s?\\b',
    '(credits?|photo(graph)?s?|images?|pictures?|illustrations?|source|courtesy|video)\\s*[:|]',
  ],
  '',
);

// A caption that ends on its credit: "… in Beijing (Image: GETTY)", "…treatmentCredit: EPA",
// "… in Littleton, Colo. (AP Photo/David Zalubowski)".
const CREDIT_TAIL = anyOf(
  '',
  [
    '[([]\\s*(image|photo|picture|video|credit|photograph|illustration|pictured|file)s?( credit)?' +
      '\\s*:[^)\\]]{1,80}[)\\]]',
    '[([][^()[\\]]{0,40}\\bphotos?\\s*\\/[^)\\]]{1,60}[)\\]]',
    'credit:\\s*[^.:]{1,60}',
  ],
  '\\s*$',
);

// The wire services' caption, dated or filed: "In this Dec. 12, 2006, file photo, made available by …"
// ("In this photo, a man holds…" of a fact check is the story's).
const AP_CAPTION = anyOf(
  '^in this ',
  ['([\\w.]+,? ){0,4}(19|20)\\d\\d,? (file )?', '([\\w.]+,? ){0,4}file '],
  '(photo|photograph|image|picture|handout photo)\\b',
);

// Photo and wire agencies, for bare credits ("MARIA KOWALSKA/AFP", "Alex Wong | Getty Images").
const AGENCY = anyOf(
  '\\b',
  [
    'getty( images)?',
    'afp',
    'reuters',
    'ap',
    'epa',
    'pa( wire| images)?',
    'shutterstock',
    'alamy',
    'istock(photo)?',
    'bloomberg',
    'xinhua',
    'anadolu',
    'sipa',
    'rex',
    'zuma',
    'efe',
    'dpa',
    'ansa',
    'nurphoto',
    'corbis',
    'ddp',
    'tass',
    'imago',
    'usa today sports',
    'file photo',
    'handout',
  ],
  '\\b',
);

const BYLINE =
  /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|al|bin|and|&))*\s*($|[,|•·–—-]|\s\d)/u;

// Who wrote or helped: "Jane Doe contributed to this report.", "(Reporting by …; Editing by …)".
const CREDIT_LINE = anyOf(
  '',
  [
    '^\\(?(additional )?(reporting|writing|editing|compiled|research) by\\b',
    '\\b(contributed|contributing) to this (report|story|article)\\.?\\)?$',
  ],
  '',
);

const DATELINE_WORD = anyOf(
  '^[|(•·\\s]*',
  [
    'published',
    'updated',
    'posted',
    'last (updated|modified)',
    'modified',
    'created',
    'first published',
    'publicado',
    'atualizado',
    'aktualisiert',
    'veröffentlicht',
    'publié',
    'mis à jour',
  ],
  '\\b',
);

const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}[:/.]\d{1,2}\b/i;

const FOLLOW = anyOf(
  '\\bfollow ',
  ['us', 'him', 'her', 'them', 'me', '@\\w+', '\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)*'],
  ' on (twitter|facebook|instagram|linkedin|youtube|x)\\b',
  'iu',
);
const NEWSLETTER =
  /\b(sign up|subscribe|get (it|them|our \w+|the latest[\w ]*)|delivered)\b.*\b(newsletters?|inbox|e-?mails?)\b/i;
const CONTACT = /(\S+@\S+\.\w{2,}|@\w{2,})/;
// Said to the reader: "Email Jane at …", "She may be reached at …", "Have a tip?".
const CONTACT_WORD = anyOf(
  '\\b',
  [
    'e-?mail (\\w+ ){0,3}at',
    'contact (\\w+ ){0,3}at',
    '(can|may) be reached',
    'reach (\\w+ ){0,3}at',
    'write to',
    'send (us )?(your )?tips?',
    'follow (us|him|her|them|me)',
    'have a (news )?tip',
  ],
  '\\b',
);

export const ENDS_SENTENCE = /[.!?…"”’»)\]:]$/;

/** Whether a line is furniture by its look alone. */
export function isFurnitureLine(text: string): boolean {
  const words = wordCount(text);
  if (SECTION_HEADING.test(text) || LONE_HEADING.test(text) || NAVIGATION.test(text)) return true;
  if (SHARE_WORDS.test(text) || PLACEHOLDER.test(text)) return true;
  if (words <= 14 && READ_MORE.test(text)) return true;
  if (words <= 25 && TEASER_PREFIX.test(text)) return true;
  // Word count first: the disclaimer patterns backtrack on a long line full of their trigger words.
  if (words <= 60 && DISCLAIMER.test(text)) return true;
  if (/\bthumbnail$/i.test(text)) return true;
  if (/^(https?:\/\/)?(www\.)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i.test(text)) return true;
  if (isCaptionOrCredit(text, words) || isBylineOrDateline(text, words) || isSignUp(text, words)) return true;
  const appeals = text.match(APPEALS)?.length ?? 0;
  return (appeals >= 2 && words <= 80) || (appeals >= 1 && words <= 12);
}

function isCaptionOrCredit(text: string, words: number): boolean {
  if (words <= 60 && CREDIT_TAIL.test(text)) return true;
  if (words <= 80 && AP_CAPTION.test(text)) return true;
  if (words <= 12 && CREDIT_LABEL.test(text) && !/[.!?]$/.test(text)) return true;
  // A bare credit: a few capitalised words and an agency, joined by "/" or "|", no sentence.
  return words <= 10 && /[/|]/.test(text) && AGENCY.test(text) && !/[.!?]$/.test(text);
}

function isBylineOrDateline(text: string, words: number): boolean {
  if (words <= 20 && BYLINE.test(text) && !/[.!?]$/.test(text)) return true;
  if (words <= 40 && CREDIT_LINE.test(text)) return true;
  // A date and a time alone, in any language: "Tuesday, 22 January 2018 at 0:13".
  const dateTime = /\b(19|20)\d\d\b/.test(text) && /\b\d{1,2}:\d\d\b/.test(text);
  if (words <= 12 && dateTime && !/[.!?]$/.test(text)) return true;
  const dated = MONTH.test(text) || /\b(ago|today|yesterday)\b/i.test(text);
  return words <= 16 && DATELINE_WORD.test(text) && dated;
}

function isSignUp(text: string, words: number): boolean {
  if (words > 40) return false;
  if (words <= 25 && /^(subscribe|sign up|register|join)\b/i.test(text)) return true;
  // A sign-up box is short; a tweet quoted with its "SIGN UP" button scraped in is not one.
  if (FOLLOW.test(text) || (words <= 25 && NEWSLETTER.test(text))) return true;
  return words <= 30 && CONTACT.test(text) && CONTACT_WORD.test(text);
}

export function wordCount(text: string): number {
  return text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function isReadMore(text: string): boolean {
  return READ_MORE.test(text);
}
