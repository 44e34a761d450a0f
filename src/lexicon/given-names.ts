// Common given names and their usual gender: "Hillary Clinton" is a person, and "she" can point back
// to her but "he" cannot. The core list covers frequent English and European names; learned names from
// the annotated train split (learned.json) are added to it.
import { learned as lexicon } from './learned.js';
import { wordFacts } from './word-memo.js';

const MALE = `aaron adam adrian ahmed aidan al alan albert alberto aleksandr alessandro alex alexander alexandre alexei
 alfred ali allen alvin amir andre andrea andrei andres andrew andy angelo anthony antonio arnold arthur ashton
 barack barry ben benjamin bennie bernard bernie bill billy bob bobby boris brad bradley brandon brendan brent
 brian bruce bryan bulat calvin carl carlos chad charles charlie chris christian christopher chuck clarence
 claude clifford clint colin corey craig curtis dale dan daniel danny darrell dave david dean dennis derek diego
 dmitry domenico dominic don donald doug douglas duncan dwight ed eddie edgar eduardo edward elijah elon emmanuel
 enrico eric erik ernest eugene evan felix fernando francesco francis francisco frank franklin fred frederick
 gabriel gary gavin gene geoffrey george gerald gerhard giovanni giuseppe glenn gordon graham greg gregory guy
 hans harold harry harvey hassan hector henry herbert howard hugh hugo ian igor isaac ivan jack jacob jake james
 jamie jan jared jason javier jay jean jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny
 jon jonathan jordan jorge jose josep joseph josh joshua juan julian justin karim karl keith ken kenneth kevin
 kirk kurt kyle lamar lance larry lawrence lee leo leon leonard lewis lincoln lindsey lloyd louis luca luigi luis
 luke malcolm manuel marc marco marcus mario mark martin marvin matt matteo matthew maurice max michael miguel
 mike mikhail mitch mitchell mohammed muhammad mukhtar nathan neil newt nicholas nick nicolas nigel noah norman
 nursultan oliver omar orrin oscar owen pablo paolo pat patrick paul pedro pete peter phil philip philippe pierre
 rahm ralph rand randy raul ray raymond reince reza ricardo richard rick rob robert roberto rod rodney roger roland
 roman ron ronald ross roy rudy rupert russell ryan sam samat samuel scott sean sergei sergio seth simon stanley
 stefan stephen steve steven stuart ted terry thomas tim timothy toby todd tom tommy tony travis trey tyler
 valdimir vance victor vincent vladimir walter warren wayne wesley will william willie xavier yuri zachary`;

const FEMALE = `abigail ada adriana alexandra alexandria alice alicia alison amanda amy ana andrea angela angelina anita
 ann anna anne annette april ashley barbara betsy betty beverly brenda bridget carla carly carmen carol caroline
 carolyn catherine cathy cecilia charlotte chelsea cheryl christina christine claire claudia cynthia dana
 daniela dariga debbie deborah denise diana diane donna doris dorothy elaine eleanor elena elisabeth elizabeth
 ellen emily emma erin eva evelyn fiona frances gabriela gail gina gloria grace hannah harriet heather heidi
 helen hillary holly hope huma ingrid irene isabel ivanka jackie jacqueline jane janet janice jean jennifer
 jessica jill joan joanne jodi josephine joy joyce judith judy julia julie karen kate katherine kathleen kathy
 katie kay kayleigh kelly kellyanne kim kimberly kirsten kristen laura lauren leah lena linda lisa liz loretta
 lori louise lucy lynn madeleine madeline maggie marcia margaret maria marie marine marion martha mary maxine
 megan megyn melania melanie melissa michele michelle mildred miriam molly monica nancy naomi nargis natalie
 nicole nikki nina nora olga olivia pam pamela patricia patty paula pauline peggy penny rachel rebecca regina
 rita roberta rosa rose ruth sally samantha sandra sara sarah sharon shirley silvia sonia sophia sophie stacey
 stephanie susan suzanne sylvia tamara teresa theresa tiffany tina tracy ursula valerie vanessa vera veronica
 victoria virginia wendy yolanda yulia zoe`;

const genders = new Map<string, 'm' | 'f'>();
const both = new Set<string>();
for (const n of MALE.split(/\s+/)) if (n) genders.set(n, 'm');
for (const n of FEMALE.split(/\s+/)) {
  if (n && genders.get(n) === 'm') both.add(n);
  else if (n) genders.set(n, 'f');
}
// Names given to both (Andrea, Jean) tell nothing.
for (const n of both) genders.delete(n);

// Learned names are noisy ("Senate" annotated as a "he"): they only ever add a gender to someone
// already known to be a person, never make a word a name.
const learned: Record<string, 'm' | 'f'> = lexicon.firstNames ?? {};

/** 'm' or 'f' for a known given name, else undefined. */
export function genderOf(firstName: string): 'm' | 'f' | undefined {
  const n = firstName.toLowerCase();
  return genders.get(n) ?? (both.has(n) ? undefined : learned[n]);
}

/** A common given name, from the core list only. */
export function isFirstName(word: string): boolean {
  return firstName(word.toLowerCase());
}

const firstName = wordFacts.question((w) => genders.has(w) || both.has(w));
