// The words questions are read with, in one place. Each list is plain data so that a shared lexicon
// (src/text/lexicon, built with attribution) can later supply them; parse.ts only builds patterns.

/** Verbs of saying (and of holding a view) after "who", in the forms people type: -ed, -s, base. */
export const SAY_VERBS = [
  'said', 'says', 'say', 'stated', 'states', 'wrote', 'writes', 'claimed', 'claims', 'told', 'tells', 'described',
  'describes', 'called', 'calls', 'asked', 'asks', 'remarked', 'declared', 'argued', 'argues', 'tweeted', 'insisted',
  'warned', 'warns', 'added', 'explained', 'explains', 'suggested', 'suggests', 'noted', 'notes', 'observed',
  'mentioned', 'commented', 'quipped', 'joked', 'admitted', 'acknowledged', 'announced', 'promised', 'predicted',
  'speculated', 'speculates', 'accused', 'accuses', 'criticized', 'criticised', 'praised', 'blamed', 'denied',
  'insists', 'uttered', 'responded', 'replied', 'answered', 'recalled', 'reported', 'emphasized', 'stressed',
  'pointed', 'complained', 'conceded', 'vowed', 'urged', 'believes', 'believed', 'thinks', 'thought', 'wondered',
  'talked', 'spoke', 'referred', 'labeled', 'labelled', 'dubbed', 'characterized', 'compared', 'questioned',
];

/**
 * Verbs a what-said question may ask with ("What did X tell …", "What does X sing …"), base and past.
 * Longer than SAY_VERBS: after "what did X", any of them ends the speaker's name.
 */
export const WHAT_VERBS = [
  'say', 'said', 'says', 'saying', 'tell', 'told', 'think', 'thinks', 'thought', 'claim', 'claimed', 'state', 'stated',
  'write', 'wrote', 'argue', 'argued', 'mean', 'meant', 'comment', 'commented', 'declare', 'declared', 'believe',
  'believed', 'reveal', 'revealed', 'announce', 'announced', 'promise', 'promised', 'predict', 'predicted', 'suggest',
  'suggested', 'explain', 'explained', 'add', 'added', 'warn', 'warned', 'remark', 'remarked', 'mention',
  'mentioned', 'note', 'noted', 'speak', 'spoke', 'talk', 'talked', 'answer', 'answered', 'reply', 'replied',
  'respond', 'responded', 'insist', 'insisted', 'report', 'reported', 'complain', 'complained', 'feel', 'felt',
  'speculate', 'speculated', 'wonder', 'wondered', 'ask', 'asked', 'accuse', 'accused', 'recall', 'recalled',
  'admit', 'admitted', 'concede', 'conceded', 'urge', 'urged', 'call', 'called', 'describe', 'described', 'tweet',
  'tweeted', 'post', 'posted', 'blame', 'blamed', 'criticize', 'criticized', 'criticise', 'criticised', 'praise',
  'praised', 'deny', 'denied', 'propose', 'proposed', 'demand', 'demanded', 'emphasize', 'emphasized', 'stress',
  'stressed', 'find', 'found', 'sing', 'sang', 'sung', 'chant', 'chanted', 'testify', 'testified', 'recommend',
  'recommended', 'conclude', 'concluded', 'expect', 'expected', 'fear', 'feared', 'hope', 'hoped', 'pledge',
  'pledged', 'vow', 'vowed', 'acknowledge', 'acknowledged', 'advise', 'advised', 'predict', 'insist', 'admit',
  'have to say', 'had to say', 'has to say', 'got to say',
];

/** Verbs whose object is whom it was said to, not what about: "What did X tell the BBC?" */
export const TO_WHOM_VERBS = ['tell', 'told', 'ask', 'asked', 'urge', 'urged', 'warn', 'warned', 'advise', 'advised'];

/** Where a thing was said, not what about: "in a statement", "in her letter", "on Twitter". */
export const MEDIA = [
  'statement', 'statements', 'letter', 'letters', 'interview', 'interviews', 'tweet', 'tweets', 'post', 'posts',
  'speech', 'speeches', 'testimony', 'filing', 'filings', 'email', 'emails', 'memo', 'note', 'op-ed', 'column',
  'press conference', 'news conference', 'briefing', 'court', 'hearing', 'video', 'podcast', 'blog', 'book',
  'report', 'study', 'paper', 'message', 'release', 'press release', 'remarks', 'twitter', 'facebook', 'instagram',
];

/** Words that deny the verb after "who": "Who doesn't think …", "Who did not want …". */
export const NEGATIONS = [
  "doesn't", 'doesnt', 'does not', "didn't", 'didnt', 'did not', "don't", 'do not', "won't", 'will not', 'never',
];

/** Nouns for the people a question may ask about by kind: "which economist", "which officials". */
export const PERSON_NOUNS = [
  'person', 'people', 'one', 'ones', 'official', 'officials', 'politician', 'politicians', 'candidate', 'speaker',
  'analyst', 'analysts', 'source', 'sources', 'man', 'woman', 'leader', 'leaders', 'expert', 'experts', 'reporter',
  'journalist', 'organization', 'organisation', 'group', 'groups', 'agency', 'ministry', 'government', 'senator',
  'senators', 'lawmaker', 'lawmakers', 'minister', 'ministers', 'countries',
];

/** Openings that ask who, of anyone: "did anyone say …", "has somebody mentioned …". */
export const ANYONE = ['anyone', 'anybody', 'someone', 'somebody', 'any one', 'no one', 'nobody'];

/** Words that mark a question about the things said on a subject: "quotes about Y", "reactions to Y". */
export const TOPIC_NOUNS = [
  'quotes', 'quote', 'quotations', 'statements', 'remarks', 'comments', 'reactions', 'reaction', 'responses',
  'opinions', 'views',
];

/** Whom a thing is said to, in "Did X tell reporters …". */
export const AUDIENCES = [
  'reporters', 'journalists', 'the press', 'the media', 'the crowd', 'the audience', 'supporters', 'voters', 'viewers',
  'listeners', 'the public', 'congress', 'lawmakers', 'the senate', 'the committee', 'the court', 'us', 'you', 'him',
  'her', 'them', 'people', 'the nation', 'the country', 'fans', 'students', 'donors', 'the jury', 'the judge',
];
