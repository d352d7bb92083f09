// An article's snippet for a search on PostgreSQL, made from its body in JavaScript: which
// words are marked, and which stretch of the body is shown. That the marks are the words
// PostgreSQL itself matches is search-conformance.test.ts's to show, against a real server.
import { describe, expect, it } from "vitest";
import { bodySnippet } from "../../../src/store/postgres/body-snippet.js";
import { parseSearch, type SearchExpression } from "../../../src/store/search-syntax.js";

const search = (text: string): SearchExpression => {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.search;
};
const snippet = (body: string, words: string) => bodySnippet(body, search(words), "[", "]");
const filler = (n: number, word = "filler") => Array.from({ length: n }, (_, i) => `${word}${String.fromCharCode(97 + (i % 26))}`).join(" ");
const wordCount = (text: string) => text.replace(/[[\]…]/g, "").match(/[\p{L}\p{N}]+/gu)!.length;

describe("a PostgreSQL snippet of an article's body", () => {
  it("marks every form of a searched word, as the stemmer reads it", () => {
    expect(snippet("The tanker sailed. Tankers sail, and the TANKER's crew sailed on.", "tankers")).toBe(
      "The [tanker] sailed. [Tankers] sail, and the [TANKER]'s crew sailed on.",
    );
    expect(snippet("Ministers met the minister; a ministry spokesman declined.", "minister")).toBe("[Ministers] met the [minister]; a ministry spokesman declined.");
  });

  it("marks the words a prefix begins, and each word of a phrase", () => {
    expect(snippet("Shipping and ship-owners: the ships' shipment was late.", "ship*")).toBe("[Shipping] and [ship]-owners: the [ships]' [shipment] was late.");
    expect(snippet("Freight rates rose; rates of freight fell.", '"freight rates"')).toBe("[Freight] [rates] rose; [rates] of [freight] fell.");
  });

  it("does not mark a word inside what the parser keeps whole: an address, a path, a signed number", () => {
    expect(snippet("Write to press@tanker.example or see tanker/news, call 555-0150, or ask the tanker.", "tanker")).toBe(
      "Write to press@tanker.example or see tanker/news, call 555-0150, or ask the [tanker].",
    );
    expect(snippet("Call 555-0150 today.", "0150")).toBe("Call 555-0150 today.");
  });

  it("shows about 24 words around the first match, its cut ends marked", () => {
    const text = snippet(`${filler(40)} the tankers arrived ${filler(40, "later")}.`, "tankers");
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text).toContain("[tankers]");
    expect(wordCount(text)).toBe(24);
    // The match near the middle: context on both sides.
    const [before, after] = text.split("[tankers]");
    expect(wordCount(before)).toBeGreaterThan(8);
    expect(wordCount(after)).toBeGreaterThan(8);
  });

  it("prefers the stretch holding the most different words searched to an earlier one with fewer", () => {
    const body = `Tankers first. ${filler(60)} The levy on tankers was approved. ${filler(60, "later")}`;
    const text = snippet(body, "tankers levy");
    expect(text).toContain("[levy] on [tankers]");
    expect(text).not.toContain("first");
  });

  it("shows the body's start when no word of the search is in it (the article matched by its headline)", () => {
    const text = snippet(`Opening words here. ${filler(50)}`, "tankers");
    expect(text.startsWith("Opening words here.")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(wordCount(text)).toBe(24);
  });

  it("keeps a short body whole, its lines run together", () => {
    expect(snippet("“Tankers first,” she said.\n\nThe end.", "tankers")).toBe("“[Tankers] first,” she said. The end.");
    expect(snippet("", "tankers")).toBe("");
  });
});
