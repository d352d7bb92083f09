import { describe, expect, it } from "vitest";
import { fts5Match } from "../../src/store/search-fts5.js";
import { MAX_SEARCH_LENGTH, parseSearch } from "../../src/store/search-syntax.js";

const match = (s: string) => {
  const parsed = parseSearch(s);
  if (!parsed.ok) throw new Error(parsed.reason);
  return fts5Match(parsed.search);
};

describe("parseSearch", () => {
  it("requires every word, each quoted so FTS5 takes it literally", () => {
    expect(match("rare earth")).toBe('("rare" AND "earth")');
  });

  it("keeps a double-quoted phrase together", () => {
    expect(match('"rare earth" metals')).toBe('("rare earth" AND "metals")');
  });

  it("reads upper-case OR as either side, and lower-case or as a word", () => {
    expect(match("sanctions OR tariffs")).toBe('"sanctions" OR "tariffs"');
    expect(match("war or peace")).toBe('("war" AND "or" AND "peace")');
  });

  it("turns a trailing star into a prefix search", () => {
    expect(match("sanction*")).toBe('"sanction"*');
  });

  it("neutralises FTS5 operators, column filters and SQL", () => {
    expect(match("NEAR(a b)")).toBe('("NEAR a" AND "b")');
    expect(match("headline:oil")).toBe('"headline oil"');
    expect(match("a AND NOT b")).toBe('("a" AND "AND" AND "NOT" AND "b")');
    expect(match("x'; DROP TABLE articles;--")).toBe('("x" AND "DROP" AND "TABLE" AND "articles")');
    expect(match("^start")).toBe('"start"');
  });

  it("closes an unbalanced quote instead of failing", () => {
    expect(match('"unbalanced phrase')).toBe('"unbalanced phrase"');
  });

  it("says there is nothing to search for when the text has no words", () => {
    expect(parseSearch("* ^ ( )")).toEqual({ ok: false, reason: "has no words to search for" });
    expect(parseSearch("\u0000\u0007")).toEqual({ ok: false, reason: "has no words to search for" });
  });

  it("refuses text longer than the limit, saying the limit", () => {
    const result = parseSearch("a".repeat(MAX_SEARCH_LENGTH + 1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(String(MAX_SEARCH_LENGTH));
  });
});
