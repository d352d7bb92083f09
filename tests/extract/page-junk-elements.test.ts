import { describe, expect, it } from "vitest";
import { htmlMainText } from "../../src/extract/html-main-text.js";
import { removePageJunk } from "../../src/extract/page-junk-elements.js";
import { parsePage } from "../../src/extract/parse-page.js";

// An invented story wrapped in the junk templates put around and inside it.
const STORY = [
  "The harbour board voted on Tuesday to rebuild the northern pier, ending a dispute that has divided the town for three winters.",
  "“We have waited long enough for a pier that can take the new ferries,” said Maren Holt, who chairs the board.",
  "Work is due to start in the spring, and the board expects the pier to open before the summer season begins.",
  "Fishermen who moor at the northern pier will be moved to the southern basin while the work goes on, the board said.",
];

function page(inside: string, wrapperClass = "story"): Document {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Pier vote</title></head><body>
    <div id="cookie-consent">We use cookies to improve your experience. Accept all</div>
    <div class="${wrapperClass}"><h1>Harbour board votes to rebuild the northern pier</h1>
      <p class="byline">By Kari Elstad</p>
      <div class="shareBar"><a href="#">Share on Facebook</a><a href="#">Email this story</a></div>
      <div class="icons social-links"><a href="#"><svg></svg></a></div>
      <p>${STORY[0]}</p>
      <div class="photo"><img src="/pier.jpg"><span class="newsCaption">The old pier at dawn <span class="credit">(Image: Ola Brekke)</span></span></div>
      <p>${STORY[1]}</p>
      <div class="related-content"><h3>Read more</h3><ul><li><a href="/a">Ferry fares rise again this winter</a></li></ul></div>
      <p>${STORY[2]}</p>
      <figure><img src="/map.png"><figcaption>Where the new pier will stand</figcaption></figure>
      <div class="newsletter-signup">Get the morning briefing in your inbox every day</div>
      <p>${STORY[3]}</p>
    </div>
    <section id="comments"><h3>Comments</h3><p>Sten: About time they fixed that pier, it has been rotting for years.</p></section>
  </body></html>`;
  const parsed = parsePage(new TextEncoder().encode(html), "pier.html", null);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.document;
}

const textOf = (document: Document) => (document.body?.textContent ?? "").replace(/\s+/g, " ");

describe("removePageJunk", () => {
  it("removes share bars, related links, comments, cookie banners, captions with their credits and newsletter boxes, by their markup", () => {
    const document = page("");
    const removed = removePageJunk(document);
    const text = textOf(document);
    for (const junk of ["We use cookies", "Share on Facebook", "Ferry fares rise", "About time they fixed", "The old pier at dawn", "Ola Brekke", "Where the new pier", "morning briefing"]) expect(text).not.toContain(junk);
    expect(removed).toMatchObject({ banner: 1, share: 1, related: 1, comments: 1, newsletter: 1 });
    expect(removed.caption).toBeGreaterThanOrEqual(2);
  });

  it("keeps the story, its byline and its quote, and icon-only widgets that carry no words", () => {
    const document = page("");
    removePageJunk(document);
    for (const paragraph of STORY) expect(textOf(document)).toContain(paragraph);
    expect(textOf(document)).toContain("By Kari Elstad");
    expect(document.querySelector(".social-links")).not.toBeNull();
  });

  it("keeps a wrapper that holds the story even when its class names a junk kind", () => {
    const document = page("", "article-wrap comments-open");
    removePageJunk(document);
    for (const paragraph of STORY) expect(textOf(document)).toContain(paragraph);
  });

  it("removes only the kinds it is asked to", () => {
    const document = page("");
    expect(removePageJunk(document, ["comments"])).toEqual({ comments: 1 });
    expect(textOf(document)).toContain("Share on Facebook");
  });

  it("leaves Readability a main text of the story alone", () => {
    const document = page("");
    removePageJunk(document);
    const main = htmlMainText(document);
    if (!main.ok) throw new Error(main.reason);
    expect(main.paragraphs.filter((p) => !p.startsWith("Harbour board votes") && p !== "By Kari Elstad")).toEqual(STORY);
  });
});
