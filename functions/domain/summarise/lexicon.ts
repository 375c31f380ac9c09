// Word lists the analysis layers share: reporting verbs, the titles and role nouns that introduce people
// ("Foreign Minister", "aide", "spokesperson"), the words that make a capitalised run an organisation,
// countries with their demonyms and capitals, and pronouns. General English and world knowledge only:
// nothing here names a report, a sentence or a person.
import countryNames from './countries.json' with { type: 'json' };

/** Verbs that attribute speech or writing ("said", "wrote", "told reporters", "called it …"). */
export const REPORTING_VERBS = new Set(
  (
    'say said says saying add added adds adding write wrote writes writing written tell told tells telling ' +
    'state stated states note noted notes noting ask asked asks warn warned warns warning insist insisted insists ' +
    'explain explained explains post posted posts posting tweet tweeted declare declared declares stress stressed ' +
    'stresses stressing call called calls calling claim claimed claims claiming describe described describes ' +
    'describing deny denied denies argue argued argues arguing announce announced announces reply replied replies ' +
    'respond responded responds emphasise emphasised emphasize emphasized acknowledge acknowledged admit admitted ' +
    'concede conceded echo echoed echoes confirm confirmed confirms recall recalled predict predicted vow vowed ' +
    'pledge pledged urge urged urges quip quipped remark remarked comment commented observe observed suggest ' +
    'suggested suggests caution cautioned complain complained lament lamented boast boasted praise praised hail ' +
    'hailed hailing dub dubbed term termed label labeled labelled brand branded characterise characterised ' +
    'characterize characterized reiterate reiterated reiterates affirm affirmed assure assured continue continued ' +
    'continues tout touted insisting declaring arguing told report reported reports reporting quoted ' +
    'urging pledging vowing welcomed welcoming condemned condemning criticised criticized accused promised ' +
    'cite cited cites demanded recounted concluded believed believes thinks thought felt regard regarded regards viewed views answer answered answers reads repeat repeated repeats repeating ' +
    'apologized apologised apologizes apologises thanked thanks expressed expresses regretted'
  ).split(' '),
);

/** Verbs whose subject is a news outlet relaying what others said: never a speaker. */
export const RELAYING_VERBS = new Set(['report', 'reported', 'reports', 'reporting']);

/** Words of a title written before a name ("Vice Commerce Minister", "U.S. Special Envoy", "Gen."). */
export const TITLE_WORDS = new Set(
  (
    'president vice prime minister secretary foreign defence defense state trade treasury commerce finance ' +
    'affairs external interior home justice economy economic energy agriculture health education deputy first ' +
    'chief general gen special envoy representative ambassador chancellor premier spokesperson spokesman ' +
    'spokeswoman adviser advisor aide senator sen sens rep reps governor mayor king queen prince crown emir sheikh director ' +
    'commander field marshal admiral colonel col lt major maj captain capt mr mrs ms dr pope cardinal speaker ' +
    'leader secretary-general director-general attorney-general governor-general solicitor-general inspector-general auditor-general prosecutor-general vice-president deputy-director under undersecretary national security council army navy air force top senior ' +
    'acting interim former ex lead principal assistant press policy intelligence military international ' +
    'counterpart negotiator mediator delegate officer head judge justice lawmaker mp congressman congresswoman ' +
    'representative-elect president-elect journalist reporter correspondent analyst editor commissioner ' +
    'chairman chairwoman chair mayor rector dean professor bishop archbishop mep ceo cfo coo administrator ' +
    'superintendent datuk dato datin seri tun'
  ).split(' '),
);

/** Nouns that name a role a person holds ("the envoy", "Kremlin aide", "his counterpart"). */
export const PERSON_ROLE_NOUNS = new Set(
  (
    'president vice-president premier chancellor minister secretary envoy representative ambassador adviser advisor ' +
    'aide spokesperson spokesman spokeswoman negotiator diplomat official leader chief head director commander ' +
    'general governor senator lawmaker king queen prince emir sheikh counterpart deputy mediator delegate ' +
    'journalist reporter correspondent analyst editor expert source officer strongman monarch premier ruler ' +
    'secretary-general prosecutor judge person people member members commissioner chair chairman chairwoman ' +
    'chairperson mayor executive ceo founder organiser organizer lawyer lawyers attorney attorneys ' +
    'president-elect co-chair vice-chair rapporteur facilitator politician campaigner activist mep ombudsman ombudsperson researcher scholar professor economist democrat republican socialist conservative liberal communist nationalist centrist tory ' +
    'machinist worker nurse doctor teacher pilot driver engineer farmer miner resident voter employee protester staffer ' +
    'scientist historian strategist consultant academic lecturer sociologist specialist commentator pollster ' +
    'pope pontiff cardinal archbishop bishop patriarch publisher columnist presenter editor-in-chief ' +
    'manager trader banker investor'
  ).split(' '),
);

/** Nouns for bodies and documents that can be credited with words ("the joint statement said"). */
export const BODY_NOUNS = new Set(
  (
    'statement readout communique communiqué ministry office government administration embassy cabinet ' +
    'presidency delegation delegations side sides team spokesperson memo letter document declaration council ' +
    'commission parliament army military command agency service department officials sources authorities ' +
    'kremlin union company party group alliance association federation committee coalition forum guild ' +
    'league board authority movement network campaign institute foundation consulate mission secretariat ' +
    'tribunal court bank fund organisation organization body headquarters family account police'
  ).split(' '),
);

/** Roles of people who report the news rather than make it: never participants, never speakers of what they relay. */
export const REPORTER_NOUNS = new Set([
  'journalist',
  'reporter',
  'correspondent',
  'editor',
  'columnist',
  'anchor',
]);

/** Last words that make a capitalised run an organisation, place or thing rather than a person. */
export const NON_PERSON_TAILS = new Set(
  (
    'ministry council command union fund party forces army agency office department commission committee bank ' +
    'parliament assembly court company group organization organisation alliance front movement institute ' +
    'university administration government cabinet senate congress house kremlin pentagon service guard ' +
    'directorate federation republic airport park hotel palace square platform social street forum summit ' +
    'conference games times post news journal independent press network channel radio television tv magazine ' +
    'review herald tribune daily weekly gazette telegraph express mail guardian observer economist agency ' +
    'corporation corp inc ltd holdings airlines bureau institution foundation centre center club stadium ' +
    'province region oblast state county city district island islands sea ocean river mountains desert ' +
    'war crisis accord agreement plan framework treaty declaration protocol initiative talks process deal ' +
    'statement day week month year strip bank valley corridor border front line zone crossing ' +
    'association coalition guild league confederation society board authority tribunal syndicate caucus ' +
    'secretariat mission embassy consulate chamber force police navy corps brigade battalion regiment ' +
    'headquarters component branch division chapter section employees workers teachers nurses pilots ' +
    'drivers machinists engineers farmers miners dockworkers longshoremen presidency treasury exchequer ' +
    // Firms: "General Motors", "General Electric", "Charter Communications".
    'motors electric dynamics industries airways petroleum pharmaceuticals chemicals communications ' +
    'technologies systems studios pictures entertainment'
  ).split(' '),
);

/** Words that are capitalised without being names: days, months, sentence-start function words. */
export const NOT_NAME_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december the a an and but or ' +
    'in on at for with by from to of as after before during while when if since although though however ' +
    'meanwhile earlier later still yet also then there this that these those he she it they we i you his her ' +
    'their its our my your both each every all some many most several no not neither either one two three ' +
    'according speaking asked under over among between against without within about across through despite ' +
    'following amid editor note photo video read watch'
  ).split(' '),
);

/** Honorifics that are part of how a person is named ("Sheikh Mohammed bin …", "Prince Faisal …"). */
export const HONORIFICS = new Set([
  'sheikh',
  'sheikha',
  'prince',
  'princess',
  'emir',
  'king',
  'queen',
  'pope',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she']);
export const ALL_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** Countries with their demonyms, capitals and the seats of power that stand for their governments. */
const COUNTRIES: Array<[string, string]> = [
  ['United States', 'US U.S. USA U.S.A. America American Americans Washington United-States White-House'],
  ['Russia', 'Russian Russians Russia Moscow Kremlin Russian-Federation'],
  ['Ukraine', 'Ukrainian Ukrainians Kyiv Kiev'],
  ['China', 'Chinese Beijing PRC'],
  ['India', 'Indian Indians New-Delhi Delhi'],
  ['Pakistan', 'Pakistani Pakistanis Islamabad'],
  ['DR Congo', 'Congolese DRC Congo Kinshasa Democratic-Republic-of-the-Congo DR-Congo'],
  ['Rwanda', 'Rwandan Rwandans Kigali'],
  ['United Kingdom', 'UK U.K. Britain British Briton Britons Great-Britain London Downing-Street'],
  ['France', 'French Paris Elysee Élysée'],
  ['Germany', 'German Germans Berlin'],
  ['Italy', 'Italian Rome'],
  ['Poland', 'Polish Warsaw'],
  ['Finland', 'Finnish Helsinki'],
  ['Hungary', 'Hungarian Budapest'],
  ['Turkey', 'Turkish Türkiye Ankara'],
  ['Saudi Arabia', 'Saudi Saudis Riyadh'],
  ['Qatar', 'Qatari Doha'],
  ['United Arab Emirates', 'UAE Emirati Abu-Dhabi Emirates'],
  ['Israel', 'Israeli Israelis Jerusalem'],
  ['Iran', 'Iranian Iranians Tehran'],
  ['Japan', 'Japanese Tokyo'],
  ['South Korea', 'South-Korean Seoul'],
  ['North Korea', 'North-Korean Pyongyang'],
  ['Canada', 'Canadian Ottawa'],
  ['Mexico', 'Mexican Mexico-City'],
  ['Brazil', 'Brazilian Brasilia'],
  ['Egypt', 'Egyptian Cairo'],
  ['Switzerland', 'Swiss Bern'],
  ['Norway', 'Norwegian Oslo'],
  ['Sweden', 'Swedish Stockholm'],
  ['Denmark', 'Danish Copenhagen'],
  ['Netherlands', 'Dutch The-Hague Amsterdam'],
  ['Belgium', 'Belgian Brussels'],
  ['Spain', 'Spanish Madrid'],
  ['Greece', 'Greek Athens'],
  ['Belarus', 'Belarusian Minsk'],
  ['Georgia', 'Georgian Tbilisi'],
  ['Armenia', 'Armenian Yerevan'],
  ['Azerbaijan', 'Azerbaijani Baku'],
  ['Kazakhstan', 'Kazakh Astana'],
  ['Syria', 'Syrian Damascus'],
  ['Lebanon', 'Lebanese Beirut'],
  ['Jordan', 'Jordanian Amman'],
  ['Iraq', 'Iraqi Baghdad'],
  ['Afghanistan', 'Afghan Kabul'],
  ['Bangladesh', 'Bangladeshi Dhaka'],
  ['Sri Lanka', 'Sri-Lankan Colombo'],
  ['Nepal', 'Nepali Kathmandu'],
  ['Taiwan', 'Taiwanese Taipei'],
  ['Vietnam', 'Vietnamese Hanoi'],
  ['Indonesia', 'Indonesian Jakarta'],
  ['Philippines', 'Filipino Manila'],
  ['Australia', 'Australian Canberra'],
  ['South Africa', 'South-African Pretoria'],
  ['Nigeria', 'Nigerian Abuja'],
  ['Kenya', 'Kenyan Nairobi'],
  ['Ethiopia', 'Ethiopian Addis-Ababa'],
  ['Sudan', 'Sudanese Khartoum'],
  ['South Sudan', 'South-Sudanese Juba'],
  ['Uganda', 'Ugandan Kampala'],
  ['Burundi', 'Burundian Gitega'],
  ['Angola', 'Angolan Luanda'],
  ['Venezuela', 'Venezuelan Caracas'],
  ['Colombia', 'Colombian Bogota'],
  ['Cuba', 'Cuban Havana'],
  ['Argentina', 'Argentine Argentinian Buenos-Aires'],
  ['Serbia', 'Serbian Belgrade'],
  ['Kosovo', 'Kosovar Pristina'],
  ['Moldova', 'Moldovan Chisinau'],
  ['Romania', 'Romanian Bucharest'],
  ['Estonia', 'Estonian Tallinn'],
  ['Latvia', 'Latvian Riga'],
  ['Lithuania', 'Lithuanian Vilnius'],
  ['Austria', 'Austrian Vienna'],
  ['Czech Republic', 'Czech Prague'],
  ['Slovakia', 'Slovak Bratislava'],
  ['Oman', 'Omani Muscat'],
  ['Yemen', 'Yemeni Sanaa'],
  ['Libya', 'Libyan Tripoli'],
  ['Algeria', 'Algerian Algiers'],
  ['Morocco', 'Moroccan Rabat'],
  ['Palestine', 'Palestinian Palestinians Gaza Ramallah West-Bank'],
  ['Vatican', 'Holy-See Vatican-City'],
  ['Thailand', 'Thai Bangkok'],
  ['Cambodia', 'Cambodian Phnom-Penh'],
  ['Malaysia', 'Malaysian Kuala-Lumpur Putrajaya'],
  ['Somalia', 'Somali Mogadishu'],
  ['Eritrea', 'Eritrean Asmara'],
  ['Djibouti', 'Djiboutian'],
  ['Niger', 'Nigerien Niamey'],
  ['Mali', 'Malian Bamako'],
  ['Senegal', 'Senegalese Dakar'],
  ['Ghana', 'Ghanaian Accra'],
  ['Tanzania', 'Tanzanian Dodoma'],
  ['Mozambique', 'Mozambican Maputo'],
  ['Zimbabwe', 'Zimbabwean Harare'],
  ['Tunisia', 'Tunisian Tunis'],
  ['Bahrain', 'Bahraini Manama'],
  ['Kuwait', 'Kuwaiti'],
  ['Cyprus', 'Cypriot Nicosia'],
  ['Ireland', 'Irish Dublin'],
  ['Portugal', 'Portuguese Lisbon'],
  ['Croatia', 'Croatian Zagreb'],
  ['Bosnia', 'Bosnian Sarajevo'],
  ['Montenegro', 'Montenegrin Podgorica'],
  ['North Macedonia', 'Macedonian Skopje'],
  ['Albania', 'Albanian Tirana'],
  ['Bulgaria', 'Bulgarian Sofia'],
  ['Slovenia', 'Slovenian Ljubljana'],
  ['Uzbekistan', 'Uzbek Tashkent'],
  ['Kyrgyzstan', 'Kyrgyz Bishkek'],
  ['Tajikistan', 'Tajik Dushanbe'],
  ['Turkmenistan', 'Turkmen Ashgabat'],
  ['Mongolia', 'Mongolian Ulaanbaatar'],
  ['Myanmar', 'Myanmar Burmese Naypyidaw Yangon'],
  ['Laos', 'Laotian Vientiane'],
  ['Singapore', 'Singaporean'],
  ['New Zealand', 'Wellington'],
  ['Chile', 'Chilean Santiago'],
  ['Peru', 'Peruvian Lima'],
  ['Ecuador', 'Ecuadorian Quito'],
  ['Bolivia', 'Bolivian La-Paz'],
  ['Paraguay', 'Paraguayan Asuncion'],
  ['Uruguay', 'Uruguayan Montevideo'],
  ['Haiti', 'Haitian Port-au-Prince'],
  ['Guatemala', 'Guatemalan'],
  ['Honduras', 'Honduran Tegucigalpa'],
  ['Nicaragua', 'Nicaraguan Managua'],
  ['El Salvador', 'Salvadoran San-Salvador'],
  ['Panama', 'Panamanian'],
  ['Costa Rica', 'Costa-Rican San-Jose'],
  ['Dominican Republic', 'Dominican Santo-Domingo'],
  ['Jamaica', 'Jamaican Kingston'],
  ['Iceland', 'Icelandic Reykjavik'],
  ['Luxembourg', 'Luxembourgish'],
  ['Malta', 'Maltese Valletta'],
  ['European Union', 'EU E.U. European Brussels'],
];

const countryOf = new Map<string, string>();
for (const [country, words] of COUNTRIES) {
  countryOf.set(country.toLowerCase(), country);
  for (const w of words.split(' ')) countryOf.set(w.replace(/-/g, ' ').toLowerCase(), country);
}

/**
 * Every other country and territory, from the `world-countries` dataset (mledoze/countries; the fields
 * read here are extracted into `countries.json` by `npm run countries`): its common
 * and official names, English demonyms, capitals and spelled-out alternative names. The list above wins
 * where both know a country (its canonical names and the seats of power it maps), so "Türkiye" is still
 * Turkey. Capitals count for sovereign states only (a territory's is often a person's name: Hamilton,
 * Douglas, Stanley), and a form that is also a first name or a common word (Victoria, Kingston, Malé)
 * only as the country's own name (Chad, Niger).
 */
const AMBIGUOUS_FORMS = new Set(
  'chad|jordan|victoria|kingston|georgetown|male|malé|castries|nassau|monaco|djibouti|niger|guinea|island|mann|mannin'.split(
    '|',
  ),
);
for (const c of countryNames) {
  const names = [
    c.common,
    c.official,
    ...c.alternatives.filter((a) => !AMBIGUOUS_FORMS.has(a.toLowerCase())),
    ...c.capitals,
    ...c.demonyms,
  ];
  const canonical =
    [c.common, c.official].map((n) => countryOf.get(n.toLowerCase())).find(Boolean) ?? c.common;
  for (const name of names) {
    const key = name.toLowerCase();
    if (!countryOf.has(key) && (!AMBIGUOUS_FORMS.has(key) || key === c.common.toLowerCase()))
      countryOf.set(key, canonical);
  }
}

/**
 * Plural demonyms ("Americans", "Iranians", "Israelis"): forms whose singular is a form of the same
 * country. Alternation source for patterns about people of a nationality.
 */
export const NATIONALS_PATTERN = [
  ...new Set([
    ...[...countryOf.keys()].filter(
      (w) => /s$/.test(w) && countryOf.get(w.slice(0, -1)) === countryOf.get(w),
    ),
    // "Canadians", "Qataris", "Afghans": the plural of a one-word demonym in -an or -i.
    ...[...countryOf.keys()]
      .filter(
        (w) =>
          /^[a-z]+(?:an|i)$/.test(w) &&
          countryOf.get(w) !== undefined &&
          w !== countryOf.get(w)?.toLowerCase(),
      )
      .map((w) => `${w}s`),
  ]),
]
  .sort((x, y) => y.length - x.length)
  .join('|');

/** The country a word or phrase stands for ("Russian", "Kremlin", "U.S.", "Beijing"), if any. */
export function countryFor(word: string): string | undefined {
  return countryOf.get(word.replace(/['’]s$/, '').toLowerCase());
}

/** Every country named in a phrase ("Rwanda's Foreign Minister" → Rwanda). */
export function countriesIn(phrase: string): string[] {
  const found = new Set<string>();
  const tokens = phrase.split(/\s+/).map((t) => t.replace(/['’]s$|[,.;:]$/g, ''));
  for (let i = 0; i < tokens.length; i++) {
    for (const span of [3, 2, 1]) {
      const c = countryFor(tokens.slice(i, i + span).join(' '));
      if (c) {
        found.add(c);
        i += span - 1;
        break;
      }
    }
  }
  return [...found];
}

/** Cities and countries: a capitalised run that is one of these is a place, never a person. */
export function isPlace(phrase: string): boolean {
  return countryFor(phrase) !== undefined || EXTRA_PLACES.has(phrase.toLowerCase());
}

const EXTRA_PLACES = new Set([
  ...(
    'geneva|miami|florida|palm beach|hallandale beach|mar-a-lago|new york|istanbul|jeddah|alaska|anchorage|' +
    'sochi|st. petersburg|munich|davos|vnukovo|crimea|donbas|donbass|donetsk|luhansk|zaporizhzhia|kherson|' +
    'kharkiv|odesa|odessa|pokrovsk|bakhmut|kursk|belgorod|rzeszow|kashmir|pahalgam|jammu|punjab|goma|bukavu|' +
    'kivu|north kivu|south kivu|lagos|shanghai|hong kong|dubai|abu dhabi|london|washington dc|washington d.c.|' +
    'europe|asia|africa|middle east|mideast|gulf|balkans|caucasus|arctic|black sea|baltic|sahel|oval office|' +
    'capitol hill|camp david|west bank|sinai|golan|rafah|zaryadye park|truth social|telegram|x'
  ).split('|'),
  // US states (not Washington or Georgia, which name people and a country) and Canada's provinces:
  // "Maggie Hassan of New Hampshire", "Ontario Premier Doug Ford".
  ...(
    'alabama|arizona|arkansas|california|colorado|connecticut|delaware|hawaii|idaho|illinois|indiana|iowa|' +
    'kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|' +
    'nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|' +
    'pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|' +
    'west virginia|wisconsin|wyoming|ontario|quebec|alberta|british columbia|manitoba|saskatchewan|' +
    'nova scotia|new brunswick|newfoundland|prince edward island'
  ).split('|'),
]);

/** Particles joined to a name by a hyphen, which may open it in lower case ("al-Ansari", "bin-Zayed"). */
export const NAME_PARTICLES = 'al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|bint';
/** A name that opens on such a particle ("al-Ansari"). */
export const PARTICLE_NAME = new RegExp(`^(?:${NAME_PARTICLES})-\\p{Lu}`, 'u');

/** Words that make a capitalised name a document's ("General Agreement for Cooperation", "Paris Accord"). */
export const DOCUMENT_NAME_WORDS =
  'Agreement|Accord|Accords|Treaty|Declaration|Convention|Protocol|Memorandum|Charter|Pact|Framework|Initiative|Resolution|Act';
