import { describe, expect, it } from "vitest";
import { foldedWords, foldedWordsWithNames } from "../../src/link/word-stems.js";

const names = (text: string) => foldedWordsWithNames(text).map(({ word, nameRun }) => `${word}:${nameRun}`);

describe("foldedWordsWithNames", () => {
  it("gives the words of foldedWords, in the same order", () => {
    const text = "Not one barge on the Great Amber Canal was stopped, Mr Ødegård’s office said – none.";
    expect(foldedWordsWithNames(text).map((w) => w.word)).toEqual(foldedWords(text));
  });

  it("takes a run of capitalised words joined by spaces or hyphens for one name", () => {
    expect(names("the barges wait on the Great Amber Canal and at Port-Sekka")).toEqual([
      "the:-1", "barges:-1", "wait:-1", "on:-1", "the:-1", "great:0", "amber:0", "canal:0", "and:-1", "at:-1", "port:1", "sekka:1",
    ]);
  });

  it("ends a name at a comma or a lower-case word", () => {
    expect(names("ports at Varnholm and Sekka, Lund, and more")).toEqual([
      "ports:-1", "at:-1", "varnholm:0", "and:-1", "sekka:1", "lund:2", "and:-1", "more:-1",
    ]);
  });

  it("takes no names in a quote written in capitals or in title case", () => {
    expect(foldedWordsWithNames("THE GREAT AMBER CANAL IS OPEN").every((w) => w.nameRun === -1)).toBe(true);
    expect(foldedWordsWithNames("The Great Amber Canal Is Open Again").every((w) => w.nameRun === -1)).toBe(true);
  });
});
