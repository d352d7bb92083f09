import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/extract/parse-page.js";
import { readPageMetadata } from "../../src/extract/page-metadata.js";
import { namesFromStatement } from "../../src/extract/page-authors.js";

// Pages of invented outlets, cut to the markup each rule reads.
function metadataOf(head: string, body = ""): ReturnType<typeof readPageMetadata> {
  const parsed = parsePage(new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`), "page.html", null);
  if (!parsed.ok) throw new Error(parsed.message);
  return readPageMetadata(parsed.document);
}

describe("writers a page states", () => {
  it("reads JSON-LD that a template wrapped in CDATA markers", () => {
    const meta = metadataOf(`<script type="application/ld+json">/*<![CDATA[*/{"@type":"NewsArticle","headline":"Ferry returns to the north route","datePublished":"2024-06-02T09:00:00Z","author":[{"@type":"Person","name":"Ana Costa"},{"@type":"Person","name":"Tom Lake"}]}/*]]>*/</script>`);
    expect(meta).toMatchObject({ headline: "Ferry returns to the north route", publishedOn: "2024-06-02", authors: ["Ana Costa", "Tom Lake"] });
  });

  it("takes the author inside a JSON-LD @graph, and leaves out an Organization named as author", () => {
    const meta = metadataOf(`<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Quay Post"},{"@type":"NewsArticle","headline":"Dredging starts","author":[{"@type":"Organization","name":"Quay Post"},{"@type":"Person","name":"Ines Varga"}]}]}</script>`);
    expect(meta.authors).toEqual(["Ines Varga"]);
  });

  it("reads the byline element when no tag names the writer: rel=author, and the date after the name dropped", () => {
    expect(metadataOf("", `<article><h1>Dredging starts</h1><p class="meta"><a rel="author" href="/staff/ines">Ines Varga</a></p></article>`).authors).toEqual(["Ines Varga"]);
    expect(metadataOf("", `<article><cite class="byline">By INES VARGA March 11, 2015 3:46 PM</cite></article>`).authors).toEqual(["Ines Varga"]);
    expect(metadataOf("", `<article><p class="byline">by Ines Varga22 Dec 2016 14</p></article>`).authors).toEqual(["Ines Varga"]);
  });

  it("passes over bylines of other stories: related links, asides, menus, most-read lists", () => {
    const body = `<nav><span class="byline">Tom Lake</span></nav><aside class="related"><span class="author">Par Lea Marchand</span></aside>
      <div class="most-read sidebar"><span class="byline">Ana Costa</span></div><article><span itemprop="author"><span itemprop="name">Ines Varga</span></span></article>`;
    expect(metadataOf("", body).authors).toEqual(["Ines Varga"]);
    expect(metadataOf("", body.replace(/<article>.*<\/article>/, "")).authors).toEqual([]);
  });

  it("does not take the outlet's own name, given as author, for a writer", () => {
    expect(metadataOf(`<meta property="og:site_name" content="Quay Post"><meta name="DC.creator" content="Quay Post">`).authors).toEqual([]);
  });
});

describe("namesFromStatement", () => {
  it("drops By in the page's language and splits co-writers joined by its word for and", () => {
    expect(namesFromStatement("Par Lea Marchand et Paul Girard")).toEqual(["Lea Marchand", "Paul Girard"]);
    expect(namesFromStatement("Por Ana Costa y Luis Prado")).toEqual(["Ana Costa", "Luis Prado"]);
  });

  it("adds the co-writers a bracketed 'with' names, and keeps a middle name set in brackets", () => {
    expect(namesFromStatement("Lea Marchand (avec Paul Girard et Ana Costa)")).toEqual(["Lea Marchand", "Paul Girard", "Ana Costa"]);
    expect(namesFromStatement("Luis (Alberto Soto) Prado")).toEqual(["Luis Alberto Soto Prado"]);
    expect(namesFromStatement("Richard (R.T.) Lowe")).toEqual(["Richard R.T. Lowe"]);
  });

  it("takes names in scripts without capital letters as written", () => {
    expect(namesFromStatement("王小明")).toEqual(["王小明"]);
    expect(namesFromStatement("王小明、李华")).toEqual(["王小明", "李华"]);
  });

  it("gives no writer for a URL, an agency, or the outlet", () => {
    expect(namesFromStatement("https://social.example/ana.costa")).toEqual([]);
    expect(namesFromStatement("AFP")).toEqual([]);
    expect(namesFromStatement("Quay Post", "Quay Post")).toEqual([]);
  });
});
