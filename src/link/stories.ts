// Stories: the articles about one event. Two articles are one story when they appeared
// within STORY_WINDOW_DAYS of each other AND the evidence is strong: the same main
// person plus more common ground (another person, places, key terms), or, with no
// person in common, most key terms and a named place. A later visit by the same person
// months on is a different story because the dates are too far apart; two events of one
// busy day stay apart because a person alone, or a few common words alone, is not
// enough. People are matched across outlets by `mayBeSamePerson` (same-person.ts), so a
// translated outlet's "Alexandr Lysenko" or a tabloid's "Mo Nasser" is the wire's
// "Oleksandr Lysenko" or "Mohamed Nasser": a translation shares the people and places
// of an event but few English key terms, so the people carry it. Shared places alone do
// not: two events of one president's day name the same capital and country. Groups are the connected components of that pairwise relation, so input
// order does not matter, and features are computed per article, so the store can keep
// them and link each new article against its neighbours in time.
import { compareIds, DisjointSets } from "./connected-components.js";
import { dayNumber } from "../extract/day-number.js";
import { keyTerms, namedThings, type WeightedTerm } from "./key-terms.js";
import { nameKey, nameWordKey } from "../extract/names.js";
import { comparableName, mayBeSamePerson, type ComparableName } from "./same-person.js";
import { foldedWords, stemWord } from "./word-stems.js";

/** An article as the story linker sees it. */
export interface StoryArticle {
  id: string;
  publishedOn: string | null; // YYYY-MM-DD
  headline: string | null;
  body: string;
  people: { name: string; mentions: number }[];
  /** The outlet's name: its words in the text are not places. */
  outlet?: string | null;
}

/** What the story linker keeps of an article: small and JSON-serialisable, for the store to keep per article. */
export interface StoryFeatures {
  /** The most mentioned people, by name key (see names.ts), most mentioned first. */
  people: { key: string; mentions: number }[];
  /** Capitalised non-person names inside sentences (mostly places), most frequent first. */
  places: string[];
  /** Key-term stems with their share of the article's key-term weight, strongest first. */
  terms: WeightedTerm[];
}

/** Articles about one event appear within this many days of each other. */
export const STORY_WINDOW_DAYS = 3;
/**
 * However links chain, a story's reports span at most this many days. Day-by-day
 * coverage of one busy person links each day to the next; without a bound the chain
 * became one story of months (96,619 of 100,000 articles in the benchmark corpus). Within
 * the bound, stories are the connected components of isSameStory and do not depend on
 * the order articles arrive in; where the bound cuts a chain, the cut follows the order
 * of publication in a batch and the order of arrival in the store.
 */
export const STORY_MAX_SPAN_DAYS = 14;
const MAX_PEOPLE = 5;

/** The features of one article, computed once. */
export function storyFeatures(article: StoryArticle): StoryFeatures {
  // Spellings of one person (name keys equal) count as one person.
  const mentionsByKey = new Map<string, number>();
  for (const p of article.people) {
    const key = nameKey(p.name);
    if (key) mentionsByKey.set(key, (mentionsByKey.get(key) ?? 0) + p.mentions);
  }
  const people = [...mentionsByKey]
    .map(([key, mentions]) => ({ key, mentions }))
    .sort((x, y) => y.mentions - x.mentions || compareIds(x.key, y.key));
  // People are compared as people; their names would otherwise dominate the key terms.
  const personWordKeys = new Set<string>();
  const personStems = new Set<string>();
  for (const p of article.people) {
    for (const word of p.name.split(/[\s-]+/)) personWordKeys.add(nameWordKey(word));
    for (const word of foldedWords(p.name)) personStems.add(stemWord(word));
  }
  return {
    people: people.slice(0, MAX_PEOPLE),
    places: namedThings(article.body, personWordKeys, article.outlet ?? null),
    terms: keyTerms(article.headline, article.body, personStems),
  };
}

/** What the pairwise relation reads of an article. */
export interface StoryCandidate {
  publishedOn: string | null;
  features: StoryFeatures;
}

/** Evidence two articles share; exported for tests and diagnostics. */
export interface StoryEvidence {
  daysApart: number | null;
  /** A person main in both articles. */
  sharedMainPerson: boolean;
  /** People among the most mentioned of both articles. */
  sharedPeople: number;
  /** Sum over shared key terms of the smaller weight, 0..1. */
  termOverlap: number;
  sharedTerms: number;
  sharedPlaces: number;
}

export function storyEvidence(a: StoryCandidate, b: StoryCandidate): StoryEvidence {
  return evidenceAgainst(a)(b);
}

/**
 * storyEvidence(a, ·): what it reads of `a` worked out once, as the store compares a new
 * article with each candidate of its week.
 */
function evidenceAgainst(a: StoryCandidate): (b: StoryCandidate) => StoryEvidence {
  const da = dayNumber(a.publishedOn);
  const namesA = a.features.people.map((p) => comparableName(p.key));
  const mainA = mainPeople(a.features).map((k) => comparableName(k));
  return (b) => {
    const db = dayNumber(b.publishedOn);
    // Outlets spell one person differently ("Mo Nasser", "Muhammad Nasser"); people lists
    // are short (MAX_PEOPLE), so every pair of names is compared.
    const namesB = b.features.people.map((p) => comparableName(p.key));
    const inB = (name: ComparableName, among: ComparableName[]) => among.some((other) => mayBeSamePerson(name, other));
    const mainB = mainPeople(b.features).map((k) => comparableName(k));
    const sharedMainPerson = mainA.some((name) => inB(name, mainB));
    const sharedPeople = namesA.filter((name) => inB(name, namesB)).length;
    const weightsB = new Map(b.features.terms.map((t) => [t.term, t.weight]));
    let termOverlap = 0;
    let sharedTerms = 0;
    for (const t of a.features.terms) {
      const w = weightsB.get(t.term);
      if (w === undefined) continue;
      sharedTerms++;
      termOverlap += Math.min(w, t.weight);
    }
    const placesB = new Set(b.features.places);
    return {
      daysApart: da === null || db === null ? null : Math.abs(da - db),
      sharedMainPerson,
      sharedPeople,
      termOverlap: Math.round(termOverlap * 100) / 100,
      sharedTerms,
      sharedPlaces: a.features.places.filter((p) => placesB.has(p)).length,
    };
  };
}

/**
 * Keys two articles share whenever isSameStory accepts them: the match keys of each
 * main person (two names `mayBeSamePerson` accepts always share one) and each
 * named place. Both rules of isSameStory need one or the other in common, so the store
 * can find an article's candidates by key and date instead of comparing it with every
 * article of the week: at 100,000 articles over ten years a week holds ~190 articles,
 * and a busy archive many more.
 */
export function storyKeys(features: StoryFeatures): string[] {
  const keys = new Set<string>();
  for (const person of mainPeople(features)) for (const key of comparableName(person).matchKeys) keys.add(`person:${key}`);
  for (const place of features.places) keys.add(`place:${place}`);
  return [...keys];
}

// A person is main in an article when mentioned at least half as often as its most
// mentioned person (and more than once, unless nobody is).
function mainPeople(features: StoryFeatures): string[] {
  const top = features.people[0]?.mentions ?? 0;
  const floor = Math.max(top / 2, Math.min(top, 2));
  return features.people.filter((p) => p.mentions >= floor).map((p) => p.key);
}

// How much of their key-term weight two articles must share. With the same main person
// a moderate overlap is enough; with no person in common the words alone must be close,
// as for two reports of one flood that quote different residents.
const PERSON_TERM_OVERLAP = 0.2;
const TOPIC_TERM_OVERLAP = 0.3;
const TOPIC_MIN_SHARED_TERMS = 5;

/**
 * Whether two articles are about the same event: published within STORY_WINDOW_DAYS
 * (false when either is undated) and
 *  - the same main person, and either a second person in common plus a named place or
 *    some shared key terms, or a clear share of key terms; or
 *  - no main person in common, but most key terms and a named place in common.
 * A main person alone is never enough: a head of state is the main person of several
 * unrelated stories on any day.
 */
export function isSameStory(a: StoryCandidate, b: StoryCandidate): boolean {
  return sameStoryAs(a)(b);
}

/** isSameStory(a, ·), for comparing one article with many. */
export function sameStoryAs(a: StoryCandidate): (b: StoryCandidate) => boolean {
  const evidence = evidenceAgainst(a);
  return (b) => {
    const e = evidence(b);
    if (e.daysApart === null || e.daysApart > STORY_WINDOW_DAYS) return false;
    if (e.sharedMainPerson) {
      if (e.sharedPeople >= 2 && (e.sharedPlaces >= 1 || e.termOverlap >= PERSON_TERM_OVERLAP / 2)) return true;
      if (e.termOverlap >= PERSON_TERM_OVERLAP) return true;
    }
    return e.termOverlap >= TOPIC_TERM_OVERLAP && e.sharedTerms >= TOPIC_MIN_SHARED_TERMS && e.sharedPlaces >= 1;
  };
}

/**
 * The articles grouped into stories: every id in exactly one group, ids sorted within a
 * group and groups by first id. Only articles within STORY_WINDOW_DAYS are compared.
 */
export function groupStories(articles: StoryArticle[]): string[][] {
  const sets = new DisjointSets();
  const dated: { id: string; day: number; candidate: StoryCandidate }[] = [];
  for (const article of articles) {
    sets.add(article.id);
    const day = dayNumber(article.publishedOn);
    if (day !== null) dated.push({ id: article.id, day, candidate: { publishedOn: article.publishedOn, features: storyFeatures(article) } });
  }
  dated.sort((x, y) => x.day - y.day || compareIds(x.id, y.id));
  const span = new Map<string, { first: number; last: number }>(dated.map((d) => [d.id, { first: d.day, last: d.day }]));
  for (let i = 0; i < dated.length; i++) {
    const a = dated[i];
    let sameAsA: ((b: StoryCandidate) => boolean) | undefined;
    for (let j = i + 1; j < dated.length && dated[j].day - a.day <= STORY_WINDOW_DAYS; j++) {
      const b = dated[j];
      const [ra, rb] = [sets.find(a.id), sets.find(b.id)];
      if (ra === rb) continue;
      const merged = spanOfBoth(span.get(ra)!, span.get(rb)!);
      if (merged.last - merged.first > STORY_MAX_SPAN_DAYS || !(sameAsA ??= sameStoryAs(a.candidate))(b.candidate)) continue;
      sets.union(a.id, b.id);
      span.set(sets.find(a.id), merged);
    }
  }
  return sets.groups();
}

/** The days covered by two groups of reports together. */
export function spanOfBoth(a: { first: number; last: number }, b: { first: number; last: number }): { first: number; last: number } {
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}
