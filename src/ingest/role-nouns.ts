// Words that name what a person does. News writing introduces people through them
// ("Foreign Minister Ana Ruiz", "envoy Tom Lake", "Ruiz, the finance minister,") and
// later refers back to them alone ("the minister said"), so they serve three rules:
// they mark the next capitalised words as a person, they are stripped from names,
// and they let a bare role noun be resolved to the last person who held that role.

const ROLES = `
actor actress agent adviser advisor aide ally athlete artist baker boxer campaigner cfo chairman cmo colleague comedian
coo cto cyclist dad daughter driver father fighter friend gaffer goalkeeper grandfather grandmother husband
international jockey keeper man manager midfielder mother mum musician neighbour neighbor pensioner poet presenter
protester rapper refugee retiree rider runner sister skipper son star supporter swimmer teenager technician trainer
wife winger woman wrestler youngster veteran fan brother ambassador analyst anchor archbishop assemblyman assemblywoman attorney author ayatollah
banker billionaire bishop boss businessman businesswoman campaigner candidate captain cardinal ceo cfo chair chairman
chairperson chairwoman champion chancellor chef chief coach colonel columnist commander commentator commissioner
congressman congresswoman councillor councilman councilwoman councilor correspondent counsel critic curator dean
defender delegate deputy detective diplomat director doctor economist editor emir emperor empress entrepreneur envoy
executive expert farmer founder general governor head historian host inspector investor journalist judge king lawmaker
lawyer leader legislator lieutenant manager marshal mayor mediator member minister monarch mp mep negotiator nominee
novelist nurse officer official organiser organizer owner partner pastor patriarch physician pilot player politician
pollster pope premier president priest prince princess principal producer professor prosecutor psychologist queen
rabbi regulator representative researcher resident scientist secretary senator sergeant sheriff singer soldier
speaker spokesman spokesperson spokeswoman strategist striker student sultan superintendent surgeon teacher treasurer
trustee tycoon vice-president victim voter whip witness worker writer
`;

// Capitalised words that stand before a name as part of a title ("Prime Minister",
// "Defence Secretary", "U.S. Secretary of State") without being roles on their own.
const TITLE_MODIFIERS = `
acting assistant associate attorney-general attorney crown defence defense economy education energy finance foreign
former health home interior justice labor labour majority minority prime senior state trade transport treasury vice
deputy first lady lord high supreme then interim outgoing incoming sen rep gov gen col lt capt maj sgt adm cmdr supt
insp det
`;

const MALE_ROLES = new Set(["assemblyman", "businessman", "chairman", "congressman", "councilman", "emperor", "king", "prince", "spokesman", "sultan", "pope", "emir", "man", "father", "dad", "son", "husband", "brother", "grandfather", "actor"]);
const FEMALE_ROLES = new Set(["assemblywoman", "businesswoman", "chairwoman", "congresswoman", "councilwoman", "empress", "queen", "princess", "spokeswoman", "woman", "mother", "mum", "daughter", "wife", "sister", "grandmother", "actress"]);

// Abbreviated titles written before names: "Gov. Ana Ruiz", "Sen. Tom Lake", "Coun. Li Wei".
const ABBREVIATIONS: Record<string, string> = {
  gov: "governor", sen: "senator", rep: "representative", coun: "councillor", cllr: "councillor", gen: "general",
  col: "colonel", lt: "lieutenant", capt: "captain", sgt: "sergeant", adm: "admiral", pres: "president",
  amb: "ambassador", supt: "superintendent", insp: "inspector", det: "detective", cmdr: "commander", maj: "major",
};

// Roles that usually stand for someone the article does not name ("a spokesperson
// said", "the source added"): when nobody named holds them, the speaker is nobody.
const ANONYMOUS_ROLES = new Set(["spokesman", "spokeswoman", "spokesperson", "source", "insider", "aide", "man", "woman", "witness", "resident"]);
// Words wide enough to refer back to anyone holding an office ("the official", "the leader").
const GENERIC_ROLES = new Set(["official", "leader", "chief", "head", "executive", "politician", "figure"]);

const ROLE_SET = new Set([...ROLES.split(/\s+/).filter(Boolean), "source", "insider"]);
const TITLE_SET = new Set([...ROLE_SET, ...TITLE_MODIFIERS.split(/\s+/).filter(Boolean), ...Object.keys(ABBREVIATIONS)]);

function plain(word: string): string {
  const w = word.toLowerCase().replace(/\.$/, "").replace(/^(?:vice|ex|co|deputy|former)-/, "");
  return ABBREVIATIONS[w] ?? w;
}

/** Whether a word names a role: "minister", "Envoy", "spokeswoman". Plurals are not roles of one person. */
export function isRoleNoun(word: string): boolean {
  return ROLE_SET.has(plain(word));
}

/** Whether a word can be part of a title written before a name: "Prime", "Minister", "Foreign", "Sen.". */
export function isTitleWord(word: string): boolean {
  return TITLE_SET.has(plain(word));
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
