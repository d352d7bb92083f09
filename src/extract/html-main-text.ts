// A parsed page → its article body as paragraphs, without navigation, related links,
// captions, credits, comments and banners. Mozilla's Readability finds the element that
// holds the article; this stage turns that element into paragraphs at block boundaries
// (Readability's own textContent runs a heading into the next word: "Titlenext").
import { Readability } from "@mozilla/readability";

/** Elements after which the text of a page starts a new paragraph. */
const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE",
  "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
  "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL", "CAPTION",
]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BUTTON", "SELECT", "TEXTAREA", "IFRAME", "OBJECT"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The text of an element as paragraphs: one per block element, a line break kept as one. */
export function paragraphsOf(root: Node): string[] {
  const paragraphs: string[] = [];
  let line = "";
  let lines: string[] = [];
  const endLine = () => {
    const text = line.replace(/\s+/g, " ").trim();
    if (text) lines.push(text);
    line = "";
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join("\n"));
    lines = [];
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      line += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === "BR") return endLine();
    const block = BLOCK.has(tag);
    if (block) endParagraph();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) endParagraph();
  };
  walk(root);
  endParagraph();
  return paragraphs;
}

// Readability's own byline is not used: it takes the first element whose class says
// "byline" or "author", often a teaser's in a menu or a related list (page-authors.ts reads
// the page's byline and passes those over).
export type MainText = { ok: true; paragraphs: string[] } | { ok: false; reason: "NO_ARTICLE" };

/**
 * The article body of a page as paragraphs. The document is consumed: Readability rewrites
 * it in place, so read the page's metadata first.
 */
export function htmlMainText(document: Document): MainText {
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  if (!article?.content) return { ok: false, reason: "NO_ARTICLE" };
  const paragraphs = paragraphsOf(article.content);
  return paragraphs.length ? { ok: true, paragraphs } : { ok: false, reason: "NO_ARTICLE" };
}
