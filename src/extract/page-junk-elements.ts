// Page junk taken out of the DOM before Readability looks for the article: share and
// bookmark widgets, related-story and "see also" boxes, comment sections, cookie and
// subscription banners, photo captions and credits, newsletter boxes. Templates mark these
// by their class or id, or by their element (<figcaption>), so they go by markup, whatever
// their words. Readability passes over some of them itself, but only outside elements whose
// class says "content" or "article" ("related-content", "article-comments"), and never
// removes what sits inside the block it keeps.
//
// An element is kept whatever its class when it holds the article: <article>, <main>,
// itemprop=articleBody, or a large share of the page's paragraph text (a template that
// puts "comments-open" on the wrapper of the whole story).

/** The kinds of junk this stage removes, each by the class/id words or elements that mark it; the first kind that matches names it. */
export const PAGE_JUNK_KINDS = {
  share: /(?:^|[-_\s])(?:share|sharing|social|bookmark|addthis|sharethis|shariff|sociable|share-?bar|share-?tools)(?:$|[-_\s]|s\b)/i,
  related: /(?:^|[-_\s])(?:related|see-?also|also-?read|read-?more|more-?(?:stories|articles|news|from)|recommend(?:ed|ations)?|you-?may-?like|most-?(?:read|popular|viewed)|trending|outbrain|taboola|further-?reading)(?:$|[-_\s]|s\b)/i,
  comments: /(?:^|[-_\s])(?:comments?|comment-?(?:list|section|form|area)|disqus|respond|replies)(?:$|[-_\s])/i,
  newsletter: /(?:^|[-_\s])(?:newsletter|newsletters|email-?signup|inline-?signup)(?:$|[-_\s])/i,
  banner: /(?:^|[-_\s])(?:cookies?|consent|gdpr|cmp|paywall|subscribe|subscription|regwall|piano|signup|sign-?up|register-?wall)(?:$|[-_\s])/i,
  caption: /(?:^|[-_\s])(?:caption|captions|credit|credits|photo-?credit|image-?credit|wp-caption-text)(?:$|[-_\s])/i,
} as const;

export type PageJunkKind = keyof typeof PAGE_JUNK_KINDS;

// Elements of these kinds are always junk, whatever their class.
const JUNK_ELEMENTS: Partial<Record<PageJunkKind, string>> = { caption: "figcaption" };
// Never removed: the article itself, or the page's frame.
const HOLDS_ARTICLE = 'article, main, [itemprop~="articleBody"], [role="main"]';
const FRAME = new Set(["HTML", "BODY", "ARTICLE", "MAIN", "H1"]);
// An element holding more than this share of the page's paragraph text is the story, not junk.
const LARGEST_JUNK_SHARE = 0.3;

// "newsCaption", "shareBar": camelCase names split into words, as kebab-case ones are.
const markWords = (element: Element) => `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.replace(/(\p{Ll})(\p{Lu})/gu, "$1-$2");

const paragraphText = (root: Element | Document): number => {
  let length = 0;
  for (const p of Array.from(root.querySelectorAll("p"))) length += (p.textContent ?? "").length;
  return length;
};

/**
 * Removes the junk of `kinds` from `document` in place; returns how many elements of each
 * kind went. Run it before Readability, which rewrites the document anyway.
 */
export function removePageJunk(document: Document, kinds: readonly PageJunkKind[] = Object.keys(PAGE_JUNK_KINDS) as PageJunkKind[]): Record<PageJunkKind, number> {
  const removed = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<PageJunkKind, number>;
  const body = document.body ?? document.documentElement;
  if (!body) return removed;
  const pageText = paragraphText(body);
  const candidates = Array.from(body.querySelectorAll("[class], [id]"));
  for (const kind of kinds) {
    const tag = JUNK_ELEMENTS[kind];
    if (tag) for (const element of Array.from(body.querySelectorAll(tag))) if (element.isConnected) (element.remove(), removed[kind]++);
  }
  for (const element of candidates) {
    if (!element.isConnected || FRAME.has(element.tagName.toUpperCase())) continue;
    const marks = markWords(element);
    const kind = kinds.find((k) => PAGE_JUNK_KINDS[k].test(marks));
    if (!kind) continue;
    // An empty widget (icons only) leaves no words behind; taking it out only moves Readability's scores.
    if (!(element.textContent ?? "").trim()) continue;
    if (element.matches(HOLDS_ARTICLE) || element.querySelector(HOLDS_ARTICLE)) continue;
    if (pageText > 0 && paragraphText(element) > pageText * LARGEST_JUNK_SHARE) continue;
    element.remove();
    removed[kind]++;
  }
  return removed;
}
