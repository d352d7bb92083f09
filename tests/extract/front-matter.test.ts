import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/extract/front-matter.js";

describe("splitFrontMatter", () => {
  it("reads outlet, publishedOn and url and returns the text after the block", () => {
    const text = "---\noutlet: The Lakeside Gazette\npublishedOn: 2025-02-14\nurl: https://gazette.example/a\n---\nHeadline here\n\nBody.";
    const result = splitFrontMatter(text, "a.txt");
    expect(result).toEqual({
      ok: true,
      frontMatter: { meta: { outlet: "The Lakeside Gazette", publishedOn: "2025-02-14", url: "https://gazette.example/a" }, title: null, authors: [] },
      text: "Headline here\n\nBody.",
    });
  });

  it("passes text without front matter through unchanged", () => {
    expect(splitFrontMatter("Just an article.", "a.txt")).toEqual({ ok: true, frontMatter: null, text: "Just an article." });
  });

  it("keeps a title and authors the crawler recorded", () => {
    const result = splitFrontMatter("---\ntitle: Bridge reopens\nauthor: Ana Ruiz and Tom Lake\n---\nText", "a.txt");
    expect(result.ok && result.frontMatter).toMatchObject({ title: "Bridge reopens", authors: ["Ana Ruiz", "Tom Lake"] });
  });

  it("rejects publishedOn: not-a-date with BAD_FRONT_MATTER naming the field", () => {
    const result = splitFrontMatter("---\noutlet: X\npublishedOn: not-a-date\n---\nText", "bad-date.txt");
    expect(result).toMatchObject({ ok: false, code: "BAD_FRONT_MATTER" });
    expect(!result.ok && result.message).toMatch(/bad-date\.txt.*publishedOn/);
  });

  it("rejects an impossible calendar date", () => {
    expect(splitFrontMatter("---\npublishedOn: 2025-02-30\n---\nText", "a.txt")).toMatchObject({ ok: false, code: "BAD_FRONT_MATTER" });
  });

  it("rejects broken YAML with BAD_FRONT_MATTER", () => {
    const result = splitFrontMatter("---\noutlet: [unclosed\npublishedOn: 2025-01-01\n---\nText", "broken.txt");
    expect(result).toMatchObject({ ok: false, code: "BAD_FRONT_MATTER" });
    expect(!result.ok && result.message).toContain("not valid YAML");
  });

  it("rejects a block that is never closed", () => {
    expect(splitFrontMatter("---\noutlet: X\nText without a closing line", "a.txt")).toMatchObject({ ok: false, code: "BAD_FRONT_MATTER" });
  });

  it("rejects a url that is not http(s)", () => {
    const result = splitFrontMatter("---\nurl: ftp://files.example/a\n---\nText", "a.txt");
    expect(!result.ok && result.message).toContain("`url`");
  });
});
