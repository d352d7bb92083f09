// What a page states about itself, before any guess from its text: JSON-LD article
// objects (headline, datePublished, author, publisher.name), OpenGraph and `article:` meta
// tags, the other author and date tags CMSs write (Parse.ly, Sailthru, Dublin Core), the
// <title> and <link rel=canonical>. Publishers fill these for search engines and social
// cards, so they are usually right where the visible page is hard to read.
import { authorsInMarkup, namesFromSchemaAuthor, namesFromStatement } from "./page-authors.js";
import { checkCrawlerMeta } from "./crawler-meta.js";
import { withoutSiteName } from "./title-line.js";

export interface PageMetadata {
  headline: string | null;
  /** People who wrote it; organisations named as author (a newsroom, an agency) are left out. */
  authors: string[];
  publishedOn: string | null; // YYYY-MM-DD, as the page's own time zone writes the day
  outlet: string | null;
  url: string | null; // canonical, else og:url
  lang: string | null;
}

type Json = Record<string, unknown>;

// schema.org types whose objects describe the article itself (not the site or a breadcrumb).
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|OpinionNewsArticle|ReviewNewsArticle|AnalysisNewsArticle|Review)$/;

const text = (value: unknown): string | null => {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  return null;
};

const typesOf = (node: Json): string[] => [node["@type"]].flat().filter((t): t is string => typeof t === "string");

// Templates wrap a script's JSON in the markers old XHTML and old browsers needed:
// "<!-- … -->", "<![CDATA[ … ]]>" (sometimes inside /* */ or // comments).
function unwrapScript(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\*\s*)?(?:<!--|<!\[CDATA\[)(?:\s*\*\/)?/, "")
    .replace(/(?:\/\*\s*|\/\/\s*)?(?:-->|\]\]>)(?:\s*\*\/)?$/, "")
    .trim();
}

/** Every object of every JSON-LD block, @graph and nested lists flattened. */
function jsonLdObjects(document: Document): Json[] {
  const found: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    found.push(value as Json);
    if ("@graph" in (value as Json)) visit((value as Json)["@graph"], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(unwrapScript(script.textContent ?? "")), 0);
    } catch {
      // Broken JSON-LD is common (CMS templates with stray commas); the meta tags below still speak.
      continue;
    }
  }
  return found;
}

function metaContent(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = text(element?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

/** A day from a page date ("2019-01-03T07:00:02.000Z", "2017-11-03 03:01:00", "20191120"), checked like a manifest's. */
function dayOf(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  if (!match) return null;
  const checked = checkCrawlerMeta({ publishedOn: `${match[1]}-${match[2]}-${match[3]}` });
  return checked.ok ? checked.meta.publishedOn : null;
}

function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  const resolved = URL.canParse(value, base ?? undefined) ? new URL(value, base ?? undefined).href : null;
  const checked = checkCrawlerMeta({ url: resolved });
  return checked.ok ? checked.meta.url : null;
}

/** The page's own statements about the article; `pageUrl` (the crawler's) resolves relative links. */
export function readPageMetadata(document: Document, pageUrl: string | null = null): PageMetadata {
  const objects = jsonLdObjects(document);
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t))) ?? null;
  const publisher = article?.publisher && typeof article.publisher === "object" ? text((article.publisher as Json).name) : null;

  const outletText =
    metaContent(document, "og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone") ??
    publisher ??
    text(objects.find((o) => typesOf(o).some((t) => /Organization$/.test(t)))?.name);
  const outlet = outletText && checkCrawlerMeta({ outlet: outletText }).ok ? outletText : null;

  const titleTag = text(document.querySelector("title")?.textContent);
  const headlineText = text(article?.headline) ?? metaContent(document, "og:title", "twitter:title", "headline", "sailthru.title") ?? (titleTag ? withoutSiteName(titleTag, outlet) : null);
  const headline = headlineText ? withoutSiteName(decodeEntities(headlineText), outlet) : null;

  let authors = article ? namesFromSchemaAuthor(article.author ?? article.creator, outlet) : [];
  if (!authors.length) {
    const tag = metaContent(document, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator", "byl", "cXenseParse:author");
    if (tag) authors = namesFromStatement(tag, outlet);
  }
  if (!authors.length) authors = authorsInMarkup(document, outlet);

  const date =
    text(article?.datePublished) ??
    metaContent(document, "article:published_time", "og:article:published_time", "datePublished", "parsely-pub-date", "sailthru.date", "publish-date", "pubdate", "publishdate", "dc.date", "DC.date.issued", "date") ??
    text(article?.dateCreated) ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    null;

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  const url = absoluteUrl(canonical, pageUrl) ?? absoluteUrl(metaContent(document, "og:url"), pageUrl);
  const lang = text(document.documentElement?.getAttribute("lang"));

  return { headline, authors: [...new Set(authors)], publishedOn: dayOf(date), outlet, url, lang };
}

// JSON-LD strings are sometimes HTML-escaped twice ("&amp;#8217;"); tags are decoded by the parser.
function decodeEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|quot|apos|lt|gt|nbsp);/g, (_, name: string) => ({ amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " " })[name] ?? "");
}
