// Words that name what a person does. News writing introduces people through them
// ("Foreign Minister Ana Ruiz", "envoy Tom Lake", "Ruiz, the finance minister,") and
// later refers back to them alone ("the minister said"), so they serve three rules:
// they mark the next capitalised words as a person, they are stripped from names,
// and they let a bare role noun be resolved to the last person who held that role.

// Offices written capitalised before a name as a title: "President Ana Ruiz", "Senator Lake".
const TITLES = `
ambassador archbishop ayatollah bishop cardinal ceo chair chairman chairperson chairwoman chancellor chief colonel
commander commissioner congressman congresswoman councillor councilman councilwoman councilor deputy detective director
emir emperor empress envoy executive general governor inspector judge king lieutenant marshal mayor minister monarch
officer patriarch pope premier president prince princess professor prosecutor queen rabbi representative secretary
senator sergeant sheriff speaker spokesman spokesperson spokeswoman sultan superintendent treasurer vice-president justice
captain coach major admiral delegate reverend
`;

// Nouns for what a person is or does, written in lower case ("envoy Tom Lake", "the
// baker said"). Many are also surnames (Baker, Driver), so they never cut a name short.
const ROLES = `
actor actress agent adviser advisor aide ally analyst anchor assemblyman assemblywoman athlete attorney author artist
baker banker billionaire boss boxer brother businessman businesswoman campaigner candidate cfo champion chef cmo
colleague columnist comedian commentator coo correspondent counsel critic cto curator cyclist dad daughter dean
defender delegate diplomat doctor driver economist editor entrepreneur expert fan farmer father fighter founder friend
gaffer goalkeeper grandfather grandmother head historian host husband international investor jockey journalist keeper
lawmaker lawyer leader legislator man manager mediator member midfielder mother mp mep mum musician negotiator
neighbour neighbor nominee novelist nurse official organiser organizer owner partner pastor pensioner physician pilot
player poet politician pollster presenter priest principal producer protester psychologist rapper refugee regulator
researcher resident retiree rider runner scientist singer sister skipper soldier son star strategist striker student
supporter surgeon swimmer teacher technician teenager trainer trustee tycoon veteran victim voter whip wife winger
witness woman worker wrestler writer youngster reporter alderman alderwoman advocate recorder clerk auditor comptroller
celebrity activist blogger scholar lecturer publisher filmmaker photographer
`;

// Party and camp labels written before a name as titles are ("Democrat Ana Ruiz",
// "Republicans Lake and Holt", "Tory MP Tom Lake"): they say which side, never who.
const AFFILIATIONS = `
democrat democrats democratic republican republicans gop independent independents libertarian libertarians
conservative conservatives liberal liberals socialist socialists tory tories labour progressive progressives
`;

// Capitalised words that stand before a name as part of a title ("Prime Minister",
// "Defence Secretary", "U.S. Secretary of State") without being offices on their own.
const TITLE_MODIFIERS = `
acting assistant associate attorney-general attorney crown defence defense economy education energy finance foreign
former health home interior justice labor labour majority minority prime senior state trade transport treasury vice
deputy first lady lord high supreme then interim outgoing incoming
`;

const MALE_ROLES = new Set(["assemblyman", "businessman", "chairman", "congressman", "councilman", "emperor", "king", "prince", "spokesman", "sultan", "pope", "emir", "man", "father", "dad", "son", "husband", "brother", "grandfather", "actor"]);
const FEMALE_ROLES = new Set(["assemblywoman", "businesswoman", "chairwoman", "congresswoman", "councilwoman", "empress", "queen", "princess", "spokeswoman", "woman", "mother", "mum", "daughter", "wife", "sister", "grandmother", "actress"]);

// Abbreviated titles written before names: "Gov. Ana Ruiz", "Sen. Tom Lake", "Coun. Li Wei".
const ABBREVIATIONS: Record<string, string> = {
  gov: "governor", sen: "senator", rep: "representative", coun: "councillor", cllr: "councillor", gen: "general",
  col: "colonel", lt: "lieutenant", capt: "captain", sgt: "sergeant", adm: "admiral", pres: "president",
  amb: "ambassador", supt: "superintendent", insp: "inspector", det: "detective", cmdr: "commander", maj: "major",
};

// Abbreviated titles that are names too without their full stop: "Del. Ana Ruiz" (a state
// delegate) but "Lana Del Rey".
const DOTTED_ABBREVIATIONS: Record<string, string> = { del: "delegate" };

// Roles that usually stand for someone the article does not name ("a spokesperson
// said", "the source added"): when nobody named holds them, the speaker is nobody.
const ANONYMOUS_ROLES = new Set(["spokesman", "spokeswoman", "spokesperson", "source", "insider", "aide", "man", "woman", "witness", "resident"]);
// Words wide enough to refer back to anyone holding an office ("the official", "the leader").
const GENERIC_ROLES = new Set(["official", "leader", "chief", "head", "executive", "politician", "figure"]);

const words = (list: string) => list.split(/\s+/).filter(Boolean);
const TITLE_ONLY_SET = new Set(words(TITLES));
const ROLE_SET = new Set([...TITLE_ONLY_SET, ...words(ROLES), "source", "insider"]);
const AFFILIATION_SET = new Set(words(AFFILIATIONS));
const TITLE_SET = new Set([...TITLE_ONLY_SET, ...words(TITLE_MODIFIERS), ...Object.keys(ABBREVIATIONS)]);

const FORMER_PREFIX = /^(?:vice|ex|co|deputy|former)-/;

// Asked of nearly every token by the people and attribution stages, for the same few
// thousand words: a bounded memo (cleared when full, as names.ts keeps its word keys).
const PLAIN = new Map<string, string>();
const PLAIN_LIMIT = 50_000;

function plain(word: string): string {
  let w = PLAIN.get(word);
  if (w === undefined) {
    if (PLAIN.size >= PLAIN_LIMIT) PLAIN.clear();
    w = word.toLowerCase();
    if (w.endsWith(".")) w = DOTTED_ABBREVIATIONS[w.slice(0, -1)] ?? w.slice(0, -1);
    if (w.includes("-")) w = w.replace(FORMER_PREFIX, "");
    w = ABBREVIATIONS[w] ?? w;
    PLAIN.set(word, w);
  }
  return w;
}

/** Whether a word names a role: "minister", "Envoy", "spokeswoman". Plurals are not roles of one person. */
export function isRoleNoun(word: string): boolean {
  return ROLE_SET.has(plain(word));
}

/** Whether a capitalised word before a name is a party or camp label: "Democrat", "Republicans", "GOP". */
export function isAffiliation(word: string): boolean {
  return AFFILIATION_SET.has(word.toLowerCase());
}

/** Whether a word can be part of a title written before a name: "Prime", "Minister", "Foreign", "Sen.", "Gov.". */
export function isTitleWord(word: string): boolean {
  return TITLE_SET.has(plain(word)) || isCompoundOffice(word);
}

/** "Secretary-Treasurer", "Chairman-Elect"-like offices joined by a hyphen, every part an office or role. */
function isCompoundOffice(word: string): boolean {
  if (!word.includes("-")) return false;
  const parts = word.split("-");
  return parts.length > 1 && parts.every((part) => part !== "" && (TITLE_ONLY_SET.has(plain(part)) || ROLE_SET.has(plain(part)) || part.toLowerCase() === "elect"));
}

/** Whether a word is an office that can stand as a title on its own: "Minister", "Gov.", not "Prime" or "Transport". */
export function isOfficeTitle(word: string): boolean {
  const w = plain(word);
  return TITLE_ONLY_SET.has(w) || w in ABBREVIATIONS || isCompoundOffice(word);
}

/** The gender a role noun carries, when it carries one ("spokeswoman" → female). */
export function genderOfRole(word: string): "female" | "male" | null {
  const w = plain(word);
  if (FEMALE_ROLES.has(w)) return "female";
  if (MALE_ROLES.has(w)) return "male";
  return null;
}

/** The role noun in its comparable form: "Minister" → "minister", "Gov." → "governor", "ex-husband" → "husband". */
export function roleKey(word: string): string {
  return plain(word);
}

/** Whether a role usually stands for an unnamed source ("a spokesperson", "the source"). */
export function isAnonymousRole(role: string): boolean {
  return ANONYMOUS_ROLES.has(role);
}

/** Whether a role word is wide enough to refer to anyone holding an office ("the official"). */
export function isGenericRole(role: string): boolean {
  return GENERIC_ROLES.has(role);
}

/**
 * A word's stem for comparing descriptions: "Moldovan" and "Moldova" share "moldo",
 * "Ukrainian" and "Ukraine" share "ukrai". Used to tell "the Moldovan minister" from
 * "the Ukrainian minister".
 */
export function descriptorStem(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}]/gu, "").slice(0, 5);
}

// Nationality adjectives and nouns, which news uses as epithets for a person named
// earlier ("the Egyptian", "the Chilean minister"). A general gazetteer, as the list of
// given names is; compared by descriptorStem, so "Chilean" agrees with "of Chile".
const DEMONYMS = `
afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani
bahraini bangladeshi basque belarusian belgian bolivian bosnian brazilian british briton bulgarian burmese cambodian
cameroonian canadian catalan chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dane dutch
ecuadorian egyptian emirati english eritrean estonian ethiopian filipino finnish finn french georgian german ghanaian
greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian
jamaican japanese jordanian kazakh kenyan korean kosovan kuwaiti kyrgyz latvian lebanese liberian libyan lithuanian
malaysian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican namibian nepali nigerian nigerien
norwegian omani pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan
saudi scot scottish senegalese serbian singaporean slovak slovakian slovenian somali spaniard spanish sudanese swede
swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan uzbek
venezuelan vietnamese welsh yemeni zambian zimbabwean
`;
const NATIONALITY_STEMS = new Set(words(DEMONYMS).map(descriptorStem));
const DEMONYM_SET = new Set(words(DEMONYMS));

/** The nationality a capitalised word names, as a descriptor stem ("Egyptian" → "egypt"), or null. */
export function nationalityOf(word: string): string | null {
  return /^\p{Lu}/u.test(word) && DEMONYM_SET.has(word.toLowerCase()) ? descriptorStem(word) : null;
}

/** Whether a descriptor stem ("chile", "egypt") is a nationality's. */
export function isNationalityStem(stem: string): boolean {
  return NATIONALITY_STEMS.has(stem);
}
