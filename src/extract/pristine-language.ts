// wink-nlp's English model, as shipped, for every paragraph: nothing a thread read before
// may change how it reads the next one.
//
// wink's cache adds every word the model does not know to the model's feature tables
// (lexeme, and the word's new prefix, suffix and shape), and its tokenizer keeps as one
// token any word found there. Shared by all articles, that made a paragraph's tokens depend
// on what its thread had read before: once some article wrote "Trump's," (left whole
// before the comma), every later "Trump's" stayed whole too and "Donald Trump's plan"
// stopped naming Donald Trump. Ingest hands batches to whichever worker thread is free,
// so the same article got different speakers from one run to the next.
//
// A new instance per paragraph would cost about 100 ms (decoding the model) or, sharing the
// decoded model, about 10 ms plus cold JIT. Instead one instance is put back to the model as
// shipped before each paragraph: each of its feature tables indexes words in an object whose
// prototype is the shipped index, so the words it learned are its own keys, and forgetting
// them is deleting those keys.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export type Language = ReturnType<typeof winkNLP>;

interface FeatureTable {
  hash: Record<string, number>;
  list: string[];
  index: number;
  intrinsicSize: number;
}
interface CoreModel {
  features: Record<string, object>;
}

const PIPE = ["sbd", "pos"];

// The lexeme list cannot be cut back: wink keeps each learned word's features in a private
// array at the word's position in that list, so the list keeps growing (by the unknown
// words of each paragraph) and the instance is replaced once it holds this many. A learned
// word's number is only a key to its own features: the model's machines match lexemes the
// model ships (numbered below its size) and hints numbered from 1,080,000, which the list
// stays far below.
const LEARNED_LEXEMES_BEFORE_RENEWAL = 200_000;

const shipped = model as unknown as { core(): CoreModel; metaCER(): unknown };
let decoded: CoreModel | null = null;
// The model's custom-entity loader re-stringifies its machines on each call, so every new
// instance would double their escaping (a RangeError after a few dozen). The first answer
// is the right one.
let firstMetaCER: unknown;

interface Instance {
  nlp: Language;
  lexemes: FeatureTable;
  tables: FeatureTable[];
}
let current: Instance | null = null;

function isFeatureTable(table: object): table is FeatureTable {
  return "hash" in table && "list" in table && "intrinsicSize" in table;
}

function newInstance(): Instance {
  decoded ??= shipped.core();
  const tables: FeatureTable[] = [];
  const features: CoreModel["features"] = {};
  for (const [name, table] of Object.entries(decoded.features)) {
    if (!isFeatureTable(table)) {
      features[name] = table;
      continue;
    }
    const own: FeatureTable = { ...table, hash: Object.create(table.hash) as Record<string, number>, list: table.list.slice() };
    features[name] = own;
    tables.push(own);
  }
  const core = { ...decoded, features };
  const nlp = winkNLP({ ...model, core: () => core, metaCER: () => (firstMetaCER ??= shipped.metaCER()) } as unknown as typeof model, PIPE);
  const lexemes = features.lexeme;
  if (!lexemes || !isFeatureTable(lexemes)) throw new Error("wink-eng-lite-web-model has no lexeme table: this module needs updating for the installed model");
  return { nlp, lexemes, tables };
}

function forgetLearnedWords({ lexemes, tables }: Instance): void {
  for (const table of tables) {
    for (const word of Object.keys(table.hash)) delete table.hash[word];
    if (table === lexemes) continue;
    table.list.length = table.intrinsicSize;
    table.index = table.intrinsicSize;
  }
}

/** wink's English model (sentences and parts of speech) with nothing learned from text read before. */
export function pristineLanguage(): Language {
  if (current === null || current.lexemes.list.length - current.lexemes.intrinsicSize > LEARNED_LEXEMES_BEFORE_RENEWAL) current = newInstance();
  else forgetLearnedWords(current);
  return current.nlp;
}
