// An article's snippet for a search on PostgreSQL, made here from the body the statement reads.
// ts_headline parsed the whole body again with the text search parser and sent every token
// through the dictionaries: 0.13 ms for a 700-byte body, 2.5 ms of the 12.8 ms a page of 20
// searched articles took at a million articles. Which articles match is still PostgreSQL's to
// say (the statement keeps `"searchVector" @@ query`); made here are the marks and the stretch
// of body shown. A word is marked when it has a lexeme of the search as the archive's text
// search configuration gives it (news_archive_english: unaccent, then the Snowball "porter"
// stemmer, whose JavaScript build gives PostgreSQL's stem for every word of the PolNeAR
// training texts; a word with digits as it is, by the `simple` dictionary).
import snowball from "snowball-stemmers";
import type { SearchExpression } from "../search-syntax.js";

const porter = snowball.newStemmer("porter");
// A word, or words joined by "." "/" or "@" with no space ("U.S", "gov.md", "and/or", an
// address): PostgreSQL's parser reads the latter as one token (a host, a file, an email),
// indexed whole, which only a prefix search can match (its stem is never a search word's).
const TOKEN = /[\p{L}\p{N}]+(?:[./@][\p{L}\p{N}]+)*/gu;
const DIGITS = /^\p{N}+$/u;
const HAS_DIGIT = /\p{N}/u;
const PUNCTUATION = /[^\s\p{L}\p{N}]/u;
const NOT_ASCII = /[^\x00-\x7f]/;
// Letters unaccent.rules writes as other letters, not as a base letter and marks.
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

// Stems of the words met lately: the stemmer takes 3–4 µs a word, and pages of one search
// stem the same few words again and again.
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

/** A word as the archive's text search configuration indexes it. */
export function lexeme(word: string): string {
  const plain = unaccent(word.toLowerCase());
  if (HAS_DIGIT.test(plain)) return plain;
  let stem = stems.get(plain);
  if (stem === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    // The stemmer removes a word that is all suffix ("s") whole; PostgreSQL keeps such a word as it is.
    stems.set(plain, (stem = porter.stem(plain) || plain));
  }
  return stem;
}

function unaccent(word: string): string {
  if (!NOT_ASCII.test(word)) return word;
  return word.normalize("NFKD").replace(/\p{M}+/gu, "").replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c]);
}

interface WantedLexeme {
  lexeme: string;
  /** A search word ending in `*`: every lexeme it begins. */
  prefix: boolean;
  /**
   * What a word (lower-cased, unaccented) that can have this lexeme begins with: a Porter stem
   * is the word's beginning but for its last letter or two (happy → happi, hoping → hope), so
   * only words beginning so are stemmed, and a body's other words cost a comparison.
   */
  probe: string;
}

function wantedLexemes(search: SearchExpression): WantedLexeme[] {
  const wanted = new Map<string, WantedLexeme>();
  for (const group of search.anyOf) {
    for (const term of group) {
      term.words.forEach((word, i) => {
        const prefix = term.prefix && i === term.words.length - 1;
        const stem = lexeme(word);
        const probe = HAS_DIGIT.test(stem) ? stem : stem.slice(0, Math.max(1, stem.length - 2));
        wanted.set(`${stem}${prefix ? "*" : ""}`, { lexeme: stem, prefix, probe });
      });
    }
  }
  return [...wanted.values()];
}

/** Which of `wanted` a token has (its index), or -1. */
function matchOf(word: string, wanted: WantedLexeme[]): number {
  const plain = unaccent(word.toLowerCase());
  let stem: string | undefined;
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i];
    if (!plain.startsWith(w.probe)) continue;
    stem ??= lexeme(word);
    if (w.prefix ? stem.startsWith(w.lexeme) : stem === w.lexeme) return i;
  }
  return -1;
}

/**
 * About `maxWords` words of `body` around the matches of `search`, each matching word between
 * `open` and `close`, a cut end marked `…`. The stretch is the one holding the most different
 * words of the search (the first such), centred on its matches; with none, the body's start.
 */
export function bodySnippet(body: string, search: SearchExpression, open: string, close: string, maxWords = 24): string {
  const wanted = wantedLexemes(search);
  // A word is looked at only if its first letter begins a probe (lower-cased; any letter past
  // ASCII, which unaccent may change): most of a body's words cost a character's comparison.
  const firstLetters = new Set(wanted.map((w) => w.probe.charCodeAt(0)));
  const starts: number[] = [];
  const ends: number[] = [];
  const hits: number[] = [];
  const matchOfWord = new Map<string, number>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
    const [word] = m;
    starts.push(m.index);
    ends.push(m.index + word.length);
    const first = word.charCodeAt(0);
    let hit = -1;
    // Digits after a hyphen ("555-0150", "1-0") are a signed number to the parser: "-0150".
    if ((first > 0x7f || firstLetters.has(first | (first >= 0x41 && first <= 0x5a ? 0x20 : 0))) && !(body[m.index - 1] === "-" && DIGITS.test(word))) {
      const known = matchOfWord.get(word);
      if (known === undefined) matchOfWord.set(word, (hit = matchOf(word, wanted)));
      else hit = known;
    }
    hits.push(hit);
  }
  const [start, end] = stretch(hits, wanted.length, maxWords);
  if (start >= end) return "";
  let text = start > 0 ? "…" : "";
  // Punctuation against the stretch's first and last word (a quotation mark, a full stop) goes with it.
  let from = starts[start];
  while (from > 0 && PUNCTUATION.test(body[from - 1])) from--;
  text += body.slice(from, starts[start]);
  for (let i = start; i < end; i++) {
    if (i > start) text += body.slice(ends[i - 1], starts[i]).replace(/\s+/g, " ");
    const word = body.slice(starts[i], ends[i]);
    text += hits[i] >= 0 ? `${open}${word}${close}` : word;
  }
  let to = ends[end - 1];
  while (to < body.length && PUNCTUATION.test(body[to])) to++;
  text += body.slice(ends[end - 1], to);
  return end < hits.length ? `${text}…` : text;
}

/** The words [start, end) to show: of every `maxWords` in a row, the first holding the most different wanted lexemes, then centred on its hits. */
function stretch(hits: number[], wantedCount: number, maxWords: number): [number, number] {
  const n = hits.length;
  const width = Math.min(maxWords, n);
  const inWindow = new Array<number>(wantedCount).fill(0);
  let distinct = 0;
  let best = -1;
  let bestStart = 0;
  for (let i = 0; i < n; i++) {
    if (hits[i] >= 0 && inWindow[hits[i]]++ === 0) distinct++;
    const leaving = i - width;
    if (leaving >= 0 && hits[leaving] >= 0 && --inWindow[hits[leaving]] === 0) distinct--;
    if (i >= width - 1 && distinct > best) {
      best = distinct;
      bestStart = i - width + 1;
    }
  }
  if (best <= 0) return [0, width];
  let first = bestStart;
  while (hits[first] < 0) first++;
  let last = bestStart + width - 1;
  while (hits[last] < 0) last--;
  const start = Math.max(0, Math.min(first - Math.floor((width - (last - first + 1)) / 2), n - width));
  return [start, start + width];
}
