// Name matching shared by every stage that compares people's names: the people
// stage groups spellings with it, attribution resolves speakers with it, and the
// store keys people and aliases with it. One definition, so "Zelenskiy" in one
// article and "Zelensky" in another land on the same person.

/** Courtesy and professional titles written before a name ("Mr Dmitriev", "Dr. Ruth Alvarez"). */
export const HONORIFICS = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
  "rev", "reverend", "fr", "father", "sr", "sister", "brother", "rabbi", "imam", "sheikh", "sheik",
  "herr", "frau", "monsieur", "madame", "mme", "mlle", "senor", "senora", "signor", "signora",
]);

const FEMALE_HONORIFICS = new Set(["mrs", "ms", "miss", "dame", "lady", "sister", "frau", "madame", "mme", "mlle", "senora", "signora"]);
const MALE_HONORIFICS = new Set(["mr", "sir", "lord", "father", "fr", "brother", "herr", "monsieur", "senor", "signor"]);

/** Whether a word (with or without its full stop) is a courtesy title such as "Mr" or "Dr.". */
export function isHonorific(word: string): boolean {
  const w = word.toLowerCase();
  return HONORIFICS.has(w.endsWith(".") ? w.slice(0, -1) : w);
}

/** The gender an honorific implies, when it implies one. */
export function genderOfHonorific(word: string): "female" | "male" | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (FEMALE_HONORIFICS.has(w)) return "female";
  if (MALE_HONORIFICS.has(w)) return "male";
  return null;
}

const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/;

/** "Putin's" → "Putin", "Witkoffs'" → "Witkoffs". */
export function stripPossessive(word: string): string {
  return word.replace(POSSESSIVE, "");
}

/** "Mr. Kirill Dmitriev's" → "Kirill Dmitriev": drops leading honorifics and a trailing possessive. */
export function bareName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && isHonorific(words[0])) words.shift();
  if (words.length) words[words.length - 1] = stripPossessive(words[words.length - 1]);
  return words.join(" ");
}

/** Lower case without diacritics: "Zelenskýy" → "zelenskyy". */
export function foldDiacritics(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

// Romanisations of the same name differ in predictable places: -iy/-y/-yy/-i endings
// (Zelenskiy, Zelensky, Zelenskyy), ks/x (Aleksei, Alexei), kh/h, ph/f, w/v, j/y (Yuri, Juri),
// and doubled letters. Folding those differences gives spellings of one name one key.
function foldTransliteration(word: string): string {
  return word
    .replace(/[^a-z]/g, "")
    .replace(/ks/g, "x")
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/[yj]/g, "i")
    .replace(/(.)\1+/g, "$1");
}

// Keys are asked for the same few hundred words again and again; a bounded memo
// (cleared when full, so memory stays flat over a long run) saves the folding.
const WORD_KEYS = new Map<string, string>();
// The people stage asks for the key of each candidate's name several times over.
const NAME_KEYS = new Map<string, string>();
const WORD_KEYS_LIMIT = 50_000;

/** A key equal for every spelling of one word of a name: "Zelenskyy" and "Zelensky" share one. */
export function nameWordKey(word: string): string {
  let key = WORD_KEYS.get(word);
  if (key === undefined) {
    if (WORD_KEYS.size >= WORD_KEYS_LIMIT) WORD_KEYS.clear();
    key = foldTransliteration(foldDiacritics(stripPossessive(word)));
    WORD_KEYS.set(word, key);
  }
  return key;
}

/**
 * The matching key of a full name: honorifics, possessives, punctuation, diacritics
 * and transliteration differences removed. "Mr. Volodymyr Zelenskiy's" and
 * "Volodymyr Zelensky" give the same key.
 */
export function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    if (NAME_KEYS.size >= WORD_KEYS_LIMIT) NAME_KEYS.clear();
    key = bareName(name)
      .split(/[\s-]+/)
      .map(nameWordKey)
      .filter(Boolean)
      .join(" ");
    NAME_KEYS.set(name, key);
  }
  return key;
}

// Words that belong to a surname rather than give a name: "al-Rashidi", "de la Cruz",
// "von der Leyen", "bin Salman". nameKey splits "al-Rashidi" into two words, and
// two words had passed for a given name and a surname, so every "Ms al-Rashidi" and
// bare "Al-Rashidi" looked like a full name: fifty different al-Rashidis became one person.
const SURNAME_PARTICLES = `al el ad ed ash as at ar an az ibn bin bint abu ben de da del della der di du la le van von dos das do`.split(" ");
let particleKeys: Set<string> | null = null;

/**
 * Whether a name key gives a given name besides the surname: a word before the last that
 * is not a surname particle ("aiko al rashidi", "kirill dmitriev"; not "al rashidi",
 * "de la cruz", "dmitriev").
 */
export function keyHasGivenName(key: string): boolean {
  particleKeys ??= new Set(SURNAME_PARTICLES.map(nameWordKey));
  const words = key.split(" ");
  return words.slice(0, -1).some((w) => w && !particleKeys!.has(w));
}

// Particles that open a surname even when written with a capital ("De Blasio", "Van
// Hollen", "Bin Laden"). The short Arabic articles are left out: written on their own
// with a capital they are first names ("Al Gore", "Ed Rendell", "Ash Carter"), and
// glued by a hyphen ("al-Rashidi") they never stand apart.
const CAPITALISED_PARTICLES = new Set(`abu ibn bin bint de da del della der di du la le van von dos das el`.split(" "));

/**
 * Whether a name as written gives a given name besides the surname. The written form
 * tells what a key cannot: "Lee Epstein" and "Ben Carson" have first names, though their
 * keys ("le epstein", "ben carson") begin with what may be a surname particle, while
 * "de la Cruz", "Al-Rashidi", "Ms al-Rashidi" and "Bin Laden" are surnames alone.
 */
export function hasGivenName(name: string): boolean {
  const words = bareName(name).split(" ");
  return words.slice(0, -1).some((word) => {
    const first = word.split("-")[0];
    if (!first) return false;
    const lower = first.toLowerCase();
    if (word.includes("-")) return !particleWord(lower);
    return first === lower ? !particleWord(lower) : !CAPITALISED_PARTICLES.has(lower);
  });
}

function particleWord(lower: string): boolean {
  particleKeys ??= new Set(SURNAME_PARTICLES.map(nameWordKey));
  return SURNAME_PARTICLES.includes(lower) || particleKeys.has(nameWordKey(lower));
}

/** The key of a name's last word, used to recognise "Dmitriev" as "Kirill Dmitriev". */
export function surnameKey(name: string): string {
  const words = nameKey(name).split(" ");
  return words[words.length - 1] ?? "";
}

/** A URL-safe identifier: "Rare earth metals" → "rare-earth-metals", "Zelenskýy" → "zelenskyy". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
