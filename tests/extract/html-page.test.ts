import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/pipeline.js";
import { parsePage } from "../../src/extract/parse-page.js";
import { readPageMetadata } from "../../src/extract/page-metadata.js";
import { htmlMainText } from "../../src/extract/html-main-text.js";
import { inventedPage } from "../support/invented-pages.js";

const page = inventedPage({
  slug: "pier-vote",
  headline: "Harbour board votes to rebuild the northern pier",
  author: "Kari Elstad",
  speaker: "Maren Holt",
  remark: "We have waited long enough for a pier that can take the new ferries",
  day: "2025-03-05",
});
const bytes = new TextEncoder().encode(page);

function documentOf(html: string): Document {
  const parsed = parsePage(new TextEncoder().encode(html), "page.html", null);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.document;
}

describe("an HTML page", () => {
  it("reads headline, author, day, outlet and canonical url from the page's JSON-LD and meta tags", () => {
    expect(readPageMetadata(documentOf(page))).toMatchObject({
      headline: "Harbour board votes to rebuild the northern pier",
      authors: ["Kari Elstad"],
      publishedOn: "2025-03-05",
      outlet: "The Harbour Ledger",
      url: "https://harbourledger.example/news/pier-vote",
    });
  });

  it("falls back to OpenGraph and the title tag when a page has no JSON-LD", () => {
    const bare = page.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "").replace(/<meta property="og:title"[^>]*>/, "");
    const meta = readPageMetadata(documentOf(bare));
    expect(meta.headline).toBe("Harbour board votes to rebuild the northern pier");
    expect(meta.publishedOn).toBe("2025-03-05");
  });

  it("keeps the article's paragraphs and drops menu, cookie banner, caption, related links, newsletter and comments", () => {
    const main = htmlMainText(documentOf(page));
    if (!main.ok) throw new Error(main.reason);
    const text = main.paragraphs.join("\n");
    expect(text).toContain("The harbour board voted on Tuesday");
    expect(text).toContain("Fishermen who moor at the northern pier");
    for (const junk of ["Sport", "We use cookies", "Ferry fares rise again", "morning briefing", "Log in to comment", "All rights reserved"]) expect(text).not.toContain(junk);
  });

  it("runs the page's text through the same stages as a text file: byline, quotes and speaker survive", () => {
    const result = extractArticle({ file: "pier.html", bytes, format: "html" });
    if (!result.ok) throw new Error(result.message);
    const { draft } = result;
    expect(draft).toMatchObject({ format: "html", headline: "Harbour board votes to rebuild the northern pier", byline: ["Kari Elstad"], outlet: "The Harbour Ledger", publishedOn: "2025-03-05" });
    expect(draft.url).toBe("https://harbourledger.example/news/pier-vote");
    expect(draft.body).not.toMatch(/Photo: Ola Brekke|Share on Facebook|Related stories/);
    expect(draft.quotes).toEqual([expect.objectContaining({ text: "We have waited long enough for a pier that can take the new ferries,", speaker: "Maren Holt" })]);
  });

  it("lets a manifest's fields override what the page states", () => {
    const result = extractArticle({ file: "pier.html", bytes, format: "html", meta: { outlet: "Ledger Weekly", publishedOn: "2025-03-06", url: "https://ledger.example/p" } });
    if (!result.ok) throw new Error(result.message);
    expect(result.draft).toMatchObject({ outlet: "Ledger Weekly", publishedOn: "2025-03-06", url: "https://ledger.example/p" });
  });

  it("reads a page in the legacy charset its meta tag declares", () => {
    const latin = page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace("three winters", "three winters in Tromsø");
    const encoded = Uint8Array.from(Buffer.from(latin, "latin1"));
    const result = extractArticle({ file: "pier.html", bytes: encoded, format: "html" });
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.body).toContain("Tromsø");
  });
});
