// The resolve stage: from the words naming a source ("Baunov", "he", "the analyst", "a statement", "a
// source") to the entities of the article it may be. A name or a role phrase that says whose it is gives
// one reading; a pronoun, a role noun, an epithet or a document may point back to several people, each
// described by features the speaker model weighs. No reading at all comes with the reason.
import {
  AFFILIATION,
  ARTICLES,
  BARE_BODIES,
  BUSINESSES,
  DEPENDENT_ROLES,
  INDEFINITE,
  isInstitution,
  isAnonymousHead,
  isDemonym,
  isPartyMember,
  isDocument,
  isFirstName,
  isPersonRole,
  LINK_PREPOSITIONS,
  OWNED_BODIES,
  POSSESSIVES,
  DEMONSTRATIVES,
  PREPOSITIONS,
  PRONOUNS,
  RANK_WORDS,
  roleKin,
  SETTING_PREPOSITIONS,
  surnameOf,
  union,
  SAYING_NOUNS,
  WORKS,
} from '../lexicon/index.js';
import type { Coref } from './coref.js';
import { describedBy, likelyPerson, type ArticleEntities, type Entity } from './entities.js';
import type { Features } from './model.js';
import type { Token } from './tokens.js';

/** How a source phrase was read: each is a source rule of rules.ts (`source.<how>`). */
export type How =
  | 'name'
  | 'possessive'
  | 'pronoun'
  | 'org-pronoun'
  | 'role'
  | 'epithet'
  | 'document'
  | 'anonymous'
  | 'description'
  | 'owner-role'
  | 'institution';

export interface Reading {
  entity: Entity;
  how: How;
  features: Features;
}

export interface Resolved {
  readings: Reading[];
  /** Why there is no reading. */
  reason?: string;
}

export interface SpeakerTrail {
  /** Speakers of the quotes before `offset`, nearest first, with their paragraph and where they ended. */
  before(offset: number): Array<{ entity: Entity; paragraph: number; end: number; reported?: boolean }>;
}

export interface ResolveContext {
  entities: ArticleEntities;
  trail: SpeakerTrail;
  coref: Coref;
}

/** How far back (in characters) a name may stand for "it", a document's issuer or an epithet. */
const NEAR = 600;

const DETERMINER_WORDS = union([ARTICLES, INDEFINITE, POSSESSIVES, DEMONSTRATIVES]);

const one = (entity: Entity, how: How, features: Features = {}): Resolved => ({
  readings: [{ entity, how, features }],
});
const none = (reason: string): Resolved => ({ readings: [], reason });

export function resolveSource(np: Token[], paragraph: number, ctx: ResolveContext): Resolved {
  const { entities } = ctx;
  const words = np.filter((t) => t.word);
  if (!words.length) return none('no source words');
  const text = np.map((t) => t.text).join(' ');
  if (words.length === 1 && PRONOUNS[words[0].lower]) return pronoun(words[0], paragraph, ctx);
  // "police said", "Prosecutors said": a public body named only by what it is, with no article.
  if (words.length === 1 && BARE_BODIES.has(words[0].lower)) {
    const name = words[0].lower === 'police' ? 'the police' : words[0].lower;
    return one(entities.role(name, 'org', text), 'institution');
  }
  // "the German said", "the 34-year-old added": an epithet for the person just named or quoted.
  if (
    words.length === 2 &&
    words[0].lower === 'the' &&
    (isDemonym(words[1].lower) || /^\d+-year-old$/.test(words[1].lower))
  ) {
    return epithet(np[0].start, paragraph, ctx, text);
  }

  const from = np[0].start;
  const to = np[np.length - 1].end;
  const named = entities.within(from, to);
  // The last name that is not a possessive or a modifier: "Sanders’ campaign manager, Jeff Weaver".
  const ownerOf = words.findIndex((w) => LINK_PREPOSITIONS.has(w.lower));
  const heads = named.filter(
    ({ mention }) =>
      !mention.possessive &&
      !modifies(np, mention.end) &&
      !affiliated(np, mention.start) &&
      !(
        ownerOf > 0 &&
        DEPENDENT_ROLES.has(ARTICLES.has(words[0].lower) ? (words[1]?.lower ?? '') : words[0].lower) &&
        mention.start > words[ownerOf].start
      ),
  );
  // "Obama's": a name alone in the possessive (the owner of a "promise" or "slogan" quoted) is its owner.
  if (!heads.length && named.length && words.every((w) => w.cap) && named.at(-1)!.mention.possessive) {
    return one(named.at(-1)!.entity, 'possessive');
  }
  if (heads.length) {
    // Before the first comma the last name heads the phrase ("Fight for $15 director Kendall Fells"); after
    // it comes apposition ("Morton Blackwell, the … from Virginia"), unless nothing came before.
    const comma = np.find((t) => t.text === ',')?.start ?? Infinity;
    const open = np.find((t) => t.text === '(')?.start ?? Infinity;
    const early = heads.filter((h) => h.mention.start < Math.min(comma, open));
    const head = early.length ? early[early.length - 1] : heads[0];
    return one(head.entity, 'name', early.length ? {} : { 'name:apposition': 1 });
  }
  const headWord = headOf(np);
  const lead = words.find((w) => !ARTICLES.has(w.lower) && !RANK_WORDS.has(w.lower));
  const ofIndex = words.findIndex((w) => LINK_PREPOSITIONS.has(w.lower));
  if (
    lead &&
    ofIndex > 0 &&
    DEPENDENT_ROLES.has(lead.lower) &&
    named.some((m) => m.mention.start > words[ofIndex].start)
  ) {
    // "spokesman for the former leader Nazarbayev" → Nazarbayev’s spokesman.
    const owner = named[named.length - 1].entity;
    return one(entities.role(ownerRole(owner, lead.lower), 'person', text), 'owner-role');
  }
  if (named.length) {
    // "Nazarbayev's spokesman", "spokesman for the former leader Nazarbayev", "the Clinton campaign".
    const owner = named[named.length - 1].entity;
    if (headWord && DEPENDENT_ROLES.has(headWord.lower)) {
      return one(
        entities.role(ownerRole(owner, headWord.lower), headWord.lower === 'campaign' ? 'org' : 'person', text),
        'owner-role',
      );
    }
    if (headWord && isAnonymousHead(headWord.lower)) return anonymous(entities, np);
    if (headWord && OWNED_BODIES.has(headWord.lower)) {
      return one(entities.role(`${owner.name} ${headWord.lower}`, 'org', text), 'owner-role', { 'owner:body': 1 });
    }
    // "Russia's foreign ministry", "the French foreign ministry": a body named by whose it is.
    if (headWord && isInstitution(headWord.lower) && (ARTICLES.has(words[0].lower) || named[0].mention.possessive)) {
      const upTo = words
        .slice(0, words.indexOf(headWord) + 1)
        .map((w) => w.text)
        .join(' ')
        .replace(/^The\b/, 'the');
      return one(entities.role(upTo, 'org', text), 'institution', { 'institution:owned': 1 });
    }
  }
  if (!headWord) return none(`no head word in "${text}"`);
  const det = words[0].lower;
  // "the port authority said", "the ministry said": an institution the article names only by what it
  // is. Its words, as written, name the source; which campaign or party "the campaign" is, they do not.
  const generic = det === 'the' && words.length <= 4 && words.slice(1).every((w) => !w.cap || w === headWord);
  // "the company wrote" after "the website GunBroker.com": the business named just before, not a new one.
  const business = (generic && BUSINESSES.has(headWord.lower) ? entities.before(np[0].start) : []).find(
    (m) => m.entity.kind !== 'anonymous' && isBody(m.entity) && paragraph - m.mention.paragraph <= 1,
  );
  if (business) return one(business.entity, 'institution', { 'institution:named': 1 });
  if (generic && isInstitution(headWord.lower)) {
    return one(
      entities.role(
        words
          .map((w) => w.text)
          .join(' ')
          .replace(/^The\b/, 'the'),
        'org',
        text,
      ),
      'institution',
    );
  }
  const owned = isDocument(headWord.lower) || SAYING_NOUNS.has(headWord.lower) || WORKS.has(headWord.lower);
  // "Bush's Facebook post", "Sanders’ email to …": its owner's words, not the site's named before the noun.
  const possessor = named.filter((m) => m.mention.possessive && m.mention.start < headWord.start).at(-1);
  if (owned && possessor) return one(possessor.entity, 'possessive');
  // "his announcement speech called …", "her statement said": words owned by "his"/"her" are that person's.
  const owner = words[0].lower === 'his' || words[0].lower === 'her' ? words[0] : undefined;
  if (owner && owned) {
    const { readings } = pronoun(owner, paragraph, ctx);
    if (readings.length)
      return { readings: readings.map((r) => ({ ...r, features: { ...r.features, 'pron:owns': 1 } })) };
  }
  if (isDocument(headWord.lower)) return documentSource(np[0].start, paragraph, ctx);
  if (isAnonymousHead(headWord.lower) && (INDEFINITE.has(det) || (headWord.lower.endsWith('s') && det !== 'the')))
    return anonymous(entities, np);
  if (isPersonRole(headWord.lower)) {
    const readings = roleReadings(headWord.lower, det, np[0].start, paragraph, ctx);
    if (readings.length) return { readings };
    if (INDEFINITE.has(det)) return anonymous(entities, np);
    // "the doctors" after "Doctors for Camp Closure": the organisation whose name says what they are.
    const org = entities.all.find((e) => e.kind === 'org' && e.mentions > 0 && e.words.includes(headWord.lower));
    if (org && headWord.lower.endsWith('s')) return one(org, 'role', { 'role:organisation': 1 });
    // "the physicians", "Teachers", "Federal prosecutors": people the article describes but never names, as
    // it describes them.
    if (det === 'the' || (!DETERMINER_WORDS.has(det) && headWord.lower.endsWith('s'))) {
      return one(entities.role(described(np), 'anonymous', text), 'description');
    }
    return none(`"${text}" names no one the article introduced`);
  }
  return none(`"${text}" is not a person or organisation the article names`);
}

/** "the analyst": the person the article last described so; for "the", failing that, the one just quoted. */
function roleReadings(
  role: string,
  det: string,
  at: number,
  paragraph: number,
  { entities, trail }: ResolveContext,
): Reading[] {
  const kin = roleKin(role);
  // "the physicians": many people, never one person the article described so.
  const plural = role.endsWith('s') && !role.endsWith('ss');
  const described = entities.describedAll(kin, at).filter((e) => !plural || !likelyPerson(e))[0];
  if (described) return [{ entity: described, how: 'role', features: { 'role:described': 1 } }];
  // "the expert" after a quote of "one legal expert": a speaker with no name, quoted before and described so.
  const quoted = trail
    .before(at)
    .find((s) => paragraph - s.paragraph <= 3 && describedBy(s.entity, kin) && (!plural || !likelyPerson(s.entity)));
  if (quoted) return [{ entity: quoted.entity, how: 'role', features: { 'role:quoted-described': 1 } }];
  // "the spokesperson" long after "a CBP spokesperson said": a speaker with no name, described so, quoted earlier.
  const unnamed = trail.before(at).find((s) => !s.entity.mentions && describedBy(s.entity, kin));
  if (unnamed) return [{ entity: unnamed.entity, how: 'role', features: { 'role:unnamed-described': 1 } }];
  // "The dissident then accuses …": no description says so, but the person just quoted is the one meant.
  const last = plural ? undefined : personQuotedJustBefore(trail, at, paragraph);
  return last && det === 'the' ? [{ entity: last.entity, how: 'role', features: { 'role:last-speaker': 1 } }] : [];
}

/** The nearest speaker before `at`, likely a person, quoted in this paragraph or the two before. */
function personQuotedJustBefore(trail: SpeakerTrail, at: number, paragraph: number) {
  return trail.before(at).find((s) => likelyPerson(s.entity) && paragraph - s.paragraph <= 2);
}

/** "the German", "the 56-year-old": whoever came last, the speaker just quoted or a person named since. */
function epithet(at: number, paragraph: number, { entities, trail }: ResolveContext, text: string): Resolved {
  // "the 52-year-old": the person whose age the article gave as 52.
  const age = /(\d+)-year-old$/.exec(text)?.[1];
  const aged = age ? entities.before(at).find((m) => m.entity.age === Number(age)) : undefined;
  if (aged) return one(aged.entity, 'epithet', { 'epithet:age': 1 });
  const quoted = personQuotedJustBefore(trail, at, paragraph);
  const named = entities.before(at).find((m) => likelyPerson(m.entity) && at - m.mention.end < NEAR);
  if (named && (!quoted || named.mention.end > quoted.end)) return one(named.entity, 'epithet', { 'epithet:named': 1 });
  return quoted
    ? one(quoted.entity, 'epithet', { 'epithet:quoted': 1 })
    : none(`"${text}" points to no one named before`);
}

function pronoun(t: Token, paragraph: number, { entities, trail, coref }: ResolveContext): Resolved {
  const p = PRONOUNS[t.lower];
  if (p === 'i') return none('the writer speaks ("I")');
  if (p === 'it' || p === 'they') {
    const readings: Reading[] = [];
    const recent = trail.before(t.start)[0];
    if (recent && paragraph - recent.paragraph <= 1) {
      const person = recent.entity.kind === 'person';
      readings.push({
        entity: recent.entity,
        how: 'org-pronoun',
        features: { [person ? 'orgpron:speaker-person' : 'orgpron:speaker']: 1 },
      });
    }
    const orgs = entities
      .before(t.start)
      .filter((m) => isBody(m.entity) && !m.mention.possessive && t.start - m.mention.end < NEAR);
    const seen = new Set(readings.map((r) => r.entity));
    for (const m of orgs) {
      if (seen.has(m.entity) || seen.size > 2) continue;
      seen.add(m.entity);
      readings.push({
        entity: m.entity,
        how: 'org-pronoun',
        features: { [`orgpron:org${Math.min(seen.size - 1, 2)}`]: 1 },
      });
    }
    return readings.length ? { readings } : none(`"${t.text}" points to no organisation`);
  }
  const readings = coref
    .candidates(t, trail.before(t.start))
    .map((c) => ({ entity: c.entity, how: 'pronoun' as const, features: c.features }));
  return readings.length ? { readings } : none(`"${t.text}" points to no one named before`);
}

// "a statement read", "reads a note": the organisation or person that issued it, named just before — in
// this paragraph, the last named in the sentence naming the nearest; else whoever was quoted just before;
// else an issuer further back.
function documentSource(at: number, paragraph: number, { entities, trail }: ResolveContext): Resolved {
  const issuers = entities
    .before(at)
    .filter((m) => m.entity.kind === 'org' || m.entity.kind === 'person' || m.entity.speaks);
  const issuer = issuers[0];
  if (issuer && issuer.mention.paragraph === paragraph) {
    const sameSentence = issuers.filter((m) => m.mention.sentence === issuer.mention.sentence);
    return one(sameSentence[sameSentence.length - 1].entity, 'document', { 'doc:issuer-paragraph': 1 });
  }
  const recent = trail.before(at)[0];
  if (recent && paragraph - recent.paragraph <= 1) return one(recent.entity, 'document', { 'doc:last-speaker': 1 });
  if (issuer && at - issuer.mention.end < NEAR) return one(issuer.entity, 'document', { 'doc:issuer-near': 1 });
  return none('a document with no issuer named before it');
}

/**
 * "Nazarbayev's spokesman": a person's surname and the role; any other owner by its whole name ("Brightwell
 * Foods's spokeswoman", "Downing Street's spokesman"), whose last word alone names nothing.
 */
function ownerRole(owner: Entity, role: string): string {
  const person = owner.kind === 'person' || (owner.kind === 'unknown' && isFirstName(owner.words[0]));
  const name = person ? surnameOf(owner.name) : owner.name;
  return `${name}'s ${role}`;
}

/** "one legal expert", "officials at the agency": a speaker the article does not name, as described. */
function anonymous(entities: ArticleEntities, np: Token[]): Resolved {
  return one(entities.role(described(np), 'anonymous', np.map((t) => t.text).join(' ')), 'anonymous');
}

/**
 * How a speaker with no name is called: the source phrase up to its first comma, "one" made "a", the
 * article and a common noun in lower case ("One legal expert" → "a legal expert", "Teachers" → "teachers").
 */
function described(np: Token[]): string {
  const cut = np.findIndex((t) => t.text === ',' || t.text === '(');
  const words = (cut > 0 ? np.slice(0, cut) : np)
    .filter((t) => t.word)
    .slice(0, 10)
    .map((t) => t.text);
  if (/^one$/i.test(words[0] ?? '') && words.length > 1) words[0] = /^[aeiou]/i.test(words[1]) ? 'an' : 'a';
  if (
    words.length &&
    (ARTICLES.has(words[0].toLowerCase()) ||
      (isPersonRole(words[0]) && !isPartyMember(words[0])) ||
      INDEFINITE.has(words[0].toLowerCase()))
  ) {
    words[0] = words[0].toLowerCase();
  }
  return words.join(' ');
}

/** The head noun of a phrase: its last word before a comma, "of", "for", "at" or a parenthesis. */
function headOf(np: Token[]): Token | undefined {
  // "of"/"for" between capitalised words is inside a name ("Department for Education spokesperson").
  const inName = (k: number) => LINK_PREPOSITIONS.has(np[k].lower) && !!np[k - 1]?.cap && !!np[k + 1]?.cap;
  const cut = np.findIndex(
    (t, k) => k > 0 && (t.text === ',' || t.text === '(' || (PREPOSITIONS.has(t.lower) && !inName(k))),
  );
  const part = (cut > 0 ? np.slice(0, cut) : np).filter((t) => t.word);
  return part[part.length - 1];
}

/**
 * Names after "of", "at", "from" are affiliations ("Stephen Vladeck of the University of Texas"), also
 * behind an owner or a noun ("of NASA's Jet Propulsion Laboratory", "in the journal JAMA Psychiatry").
 */
function affiliated(np: Token[], start: number): boolean {
  const before = np
    .slice(
      0,
      np.findIndex((t) => t.start >= start),
    )
    .filter((t) => t.word)
    .reverse();
  let k = 0;
  while (
    k < before.length &&
    k < 4 &&
    (ARTICLES.has(before[k].lower) || before[k].cap || ARTICLES.has(before[k + 1]?.lower ?? ''))
  )
    k++;
  const prep = before[k]?.lower ?? '';
  return SETTING_PREPOSITIONS.has(prep) || LINK_PREPOSITIONS.has(prep);
}

/** An organisation, a group described, or a name no sign makes a person's ("Big Machine have denied …"). */
function isBody(e: Entity): boolean {
  return e.kind === 'org' || e.kind === 'anonymous' || (e.kind === 'unknown' && !isFirstName(e.words[0]));
}

/** A name followed in the phrase by a lower-case noun modifies it ("the Clinton campaign", "a Trump adviser"). */
function modifies(np: Token[], end: number): boolean {
  const k = np.findIndex((t) => t.start >= end);
  const next = np[k];
  if (!next?.word || next.cap || AFFILIATION.has(next.lower) || next.lower === 'in') return false;
  // "Greek and Turkish officials": a nationality shares the noun with the next; "Smith and Jones" are two names.
  return next.lower !== 'and' || isDemonym(np[k + 1]?.lower ?? '');
}
