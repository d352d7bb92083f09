// snowball-stemmers ships no types: the part body-snippet.ts uses.
declare module "snowball-stemmers" {
  export interface Stemmer {
    /** The word's stem; empty for a word the algorithm removes whole ("s"). */
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}
