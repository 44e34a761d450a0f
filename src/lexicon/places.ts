// Places a news story names often: countries, US states, large cities and regions. A capitalised name
// that is a place is not a person, so "she" cannot point back to "Little Rock" or "South Carolina".
import { isFirstName } from './given-names.js';
import { wordFacts } from './word-memo.js';

const PLACES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech denmark
djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal
netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia
spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe
britain england scotland wales usa america europe asia africa antarctica oceania crimea gaza tibet kashmir
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
almaty astana moscow beijing shanghai tokyo seoul delhi mumbai paris london berlin rome madrid lisbon vienna
brussels amsterdam athens istanbul ankara tehran baghdad damascus beirut cairo riyadh dubai doha jerusalem
kabul islamabad karachi kyiv kiev minsk warsaw prague budapest bucharest sofia belgrade zagreb stockholm oslo
helsinki copenhagen dublin edinburgh geneva zurich milan naples toronto montreal vancouver ottawa havana caracas
bogota lima santiago brasilia sydney melbourne manila jakarta bangkok hanoi singapore nairobi lagos johannesburg
chicago houston phoenix philadelphia dallas austin boston seattle denver atlanta miami detroit baltimore
milwaukee cleveland cincinnati pittsburgh nashville memphis louisville charlotte raleigh richmond orlando tampa
sacramento portland minneapolis milwaukee omaha albuquerque tucson fresno anchorage honolulu brooklyn manhattan
bronx queens harlem charleston columbia columbus indianapolis manchester concord reno tallahassee annapolis
trenton albany ala ariz ark calif colo conn fla ill ind kan kans ky md mass mich minn miss mont neb nev okla
ore pa tenn tex wis wyo n.y n.h n.j n.c s.c n.d s.d d.c w.va r.i`;

const MULTI = `new york|new jersey|new hampshire|new mexico|north carolina|south carolina|north dakota|south dakota|
west virginia|rhode island|los angeles|san francisco|san diego|san antonio|san jose|las vegas|des moines|
new orleans|salt lake city|little rock|kansas city|st. louis|saint louis|oklahoma city|jersey city|fort worth|
el paso|long island|capitol hill|wall street|silicon valley|washington d.c|washington dc|new delhi|hong kong|
abu dhabi|buenos aires|mexico city|rio de janeiro|sao paulo|tel aviv|cape town|saudi arabia|south africa|
north korea|south korea|united states|united kingdom|united arab emirates|new zealand|sri lanka|costa rica|
el salvador|puerto rico|czech republic|dominican republic|ivory coast|sierra leone|papua new guinea|
central asia|middle east|east asia|southeast asia|latin america|south america|north america|central america|
eastern europe|western europe|the west|great britain|soviet union|nur-sultan|white house|oval office|
iowa city|cedar rapids|palm beach|palm springs|beverly hills|atlantic city|baton rouge`;

const single = new Set(PLACES.split(/\s+/).filter(Boolean));
const multi = new Set(
  MULTI.split('|')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** The last word of a place's name: "Central Park", "Kent County", "Harbour Street". */
const PLACE_HEADS = new Set(
  `park street avenue road boulevard square plaza bridge river lake bay beach island islands valley mountain
mountains county airport station stadium arena harbour harbor port`
    .split(/\s+/)
    .filter(Boolean),
);

/** Place words that are also surnames: "Jimmy Park", "Fiona Street", "Michael Bay" are people. */
const SURNAME_HEADS = new Set('park street bridge river lake bay beach island valley mountain port'.split(' '));

/**
 * A place, from the words of a name (lower case). A name ending in a place's word is one unless it opens
 * with a given name and that word is also a surname ("Lee County" is a place, "Jimmy Park" a person).
 */
export function isPlace(words: string[]): boolean {
  // One word is its own name, asked of many a capitalised word.
  if (words.length === 1) return placeWord(words[0]);
  if (multi.has(words.join(' '))) return true;
  const head = words[words.length - 1];
  return words.length >= 2 && PLACE_HEADS.has(head) && !(SURNAME_HEADS.has(head) && isFirstName(words[0]));
}

const placeWord = wordFacts.question((name) => multi.has(name) || single.has(name));

// What sports and foreign news call a person they named before: "the German", "the Dutchman".
const DEMONYMS = new Set(
  `american british english englishman englishwoman scottish scot scotsman welsh welshman irish
irishman french frenchman frenchwoman german dutch dutchman dutchwoman spanish spaniard italian portuguese belgian
swiss austrian swede swedish norwegian dane danish finn finnish pole polish czech slovak hungarian romanian
bulgarian croat croatian serb serbian bosnian slovenian montenegrin albanian greek turk turkish russian ukrainian
belarusian georgian armenian azerbaijani kazakh uzbek chinese japanese korean indian pakistani afghan iranian iraqi
syrian lebanese israeli palestinian egyptian saudi moroccan algerian tunisian nigerian ghanaian kenyan ethiopian
senegalese ivorian cameroonian brazilian argentine argentinian uruguayan colombian chilean peruvian venezuelan
ecuadorian mexican canadian australian kiwi icelander jamaican cuban filipino vietnamese thai indonesian
malaysian`
    .split(/\s+/)
    .filter(Boolean),
);

/** A nationality word standing for a person ("the German"), lower case. */
export function isDemonym(word: string): boolean {
  return DEMONYMS.has(word);
}
