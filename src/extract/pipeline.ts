// The one place that knows the stage order:
//   size check → decode → front matter → normalise → blocks → outlet → clean page
//   → masthead → analyse body → people → quotes.
// An HTML page (or a WARC record's page) first goes decode → DOM → page metadata → junk
// elements removed → main text; a news-please record → its maintext. Their text then takes the same stages from
// normalise on, with what the page or record stated taking the place of front matter.
// Every stage is pure; a stage that cannot go on returns a failure value, which
// becomes the result. Nothing here is quadratic in the input: each stage is linear
// in the text, and language analysis is bounded (see ANALYSIS_BUDGET).
import { createHash } from "node:crypto";
import { cleanPage } from "./clean-page.js";
import { decodeText } from "./decode-text.js";
import { noText, tooLarge } from "./failures.js";
import { splitFrontMatter } from "./front-matter.js";
import { readMasthead } from "./masthead.js";
import { normaliseText } from "./normalise-text.js";
import { inferOutlet, inferPublishedOn } from "./outlet-inference.js";
import { splitBlocks } from "./paragraphs.js";
import { findPeople, toPersonDrafts } from "./people.js";
import { parsePage } from "./parse-page.js";
import { htmlMainText } from "./html-main-text.js";
import { removePageJunk } from "./page-junk-elements.js";
import { readPageMetadata } from "./page-metadata.js";
import { readNewsPleaseRecord } from "./news-please-record.js";
import { findQuotes } from "./quotes.js";
import { findTopics } from "./topics.js";
import { analyseParagraph, type AnalysedParagraph } from "./text-analysis.js";
import type { CrawlerMeta, ExtractOptions, ExtractResult, RawArticle, SourceFormat } from "./types.js";

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
// A page carries its scripts, styles and menus: news pages run to a few megabytes for a
// few kilobytes of text, so pages get a larger default limit than text files.
export const DEFAULT_MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** The size limit for a source of this format, unless one was given. */
export function maxBytesFor(format: SourceFormat | undefined, maxBytes: number | undefined): number {
  return maxBytes ?? (format === "html" || format === "warc" ? DEFAULT_MAX_PAGE_BYTES : DEFAULT_MAX_BYTES);
}

// A news article is a few thousand words; the longest run to some tens of thousands.
// Language analysis stops after this many characters of body, and skips any single
// paragraph longer than LONGEST_ANALYSED_PARAGRAPH (a table or a dump, not prose), so a
// pathological file near the size limit is still extracted in well under a second.
const ANALYSIS_BUDGET = 300_000;
const LONGEST_ANALYSED_PARAGRAPH = 20_000;

function unanalysed(text: string): AnalysedParagraph {
  return { text, tokens: [], sentences: [] };
}

function analyseBody(paragraphs: readonly string[]): AnalysedParagraph[] {
  let budget = ANALYSIS_BUDGET;
  return paragraphs.map((text) => {
    if (text.length > LONGEST_ANALYSED_PARAGRAPH || text.length > budget) return unanalysed(text);
    budget -= text.length;
    return analyseParagraph(text);
  });
}

/** Crawler knowledge from the manifest, completed by what the source itself states. */
function mergeMeta(manifest: CrawlerMeta | undefined, stated: CrawlerMeta | undefined): Required<CrawlerMeta> {
  return {
    outlet: stated?.outlet ?? manifest?.outlet ?? null,
    publishedOn: stated?.publishedOn ?? manifest?.publishedOn ?? null,
    url: stated?.url ?? manifest?.url ?? null,
  };
}

/** The article's text and what its source states about it, before the text stages. */
type Source = { text: string; meta: Required<CrawlerMeta>; title?: string | null; authors?: string[] };

function textSource(raw: RawArticle): ({ ok: true } & Source) | Exclude<ExtractResult, { ok: true }> {
  const decoded = decodeText(raw.bytes, raw.file);
  if (!decoded.ok) return decoded;
  const split = splitFrontMatter(decoded.text, raw.file);
  if (!split.ok) return split;
  const fm = split.frontMatter;
  return { ok: true, text: split.text, meta: mergeMeta(raw.meta, fm?.meta), title: fm?.title, authors: fm?.authors };
}

function pageSource(raw: RawArticle): ({ ok: true } & Source) | Exclude<ExtractResult, { ok: true }> {
  const page = parsePage(raw.bytes, raw.file, raw.capture?.charset ?? null);
  if (!page.ok) return page;
  // Read before the main text: Readability rewrites the document in place.
  const stated = readPageMetadata(page.document, raw.meta?.url ?? raw.capture?.url ?? null);
  removePageJunk(page.document);
  const main = htmlMainText(page.document);
  if (!main.ok) return noText(raw.file);
  // A manifest overrides the page; the page overrides the capture (a WARC's date is the crawl's, not the article's).
  const meta = {
    outlet: raw.meta?.outlet ?? stated.outlet,
    publishedOn: raw.meta?.publishedOn ?? stated.publishedOn ?? raw.capture?.capturedOn ?? null,
    url: raw.meta?.url ?? stated.url ?? raw.capture?.url ?? null,
  };
  return { ok: true, text: main.paragraphs.join("\n\n"), meta, title: stated.headline, authors: stated.authors };
}

function newsPleaseSource(raw: RawArticle): ({ ok: true } & Source) | Exclude<ExtractResult, { ok: true }> {
  const decoded = decodeText(raw.bytes, raw.file);
  if (!decoded.ok) return decoded;
  const record = readNewsPleaseRecord(decoded.text, raw.file);
  if (!record.ok) return record;
  return { ok: true, text: record.text, meta: mergeMeta(record.meta, raw.meta), title: record.title, authors: record.authors };
}

/** Extracts one article from the bytes a crawler saved. Never throws for bad input. */
export function extractArticle(raw: RawArticle, options: ExtractOptions = {}): ExtractResult {
  const format = raw.format ?? "text";
  const maxBytes = maxBytesFor(format, options.maxBytes);
  if (raw.bytes.length > maxBytes) return tooLarge(raw.file, raw.bytes.length, maxBytes);

  const source = format === "html" || format === "warc" ? pageSource(raw) : format === "news-please" ? newsPleaseSource(raw) : textSource(raw);
  if (!source.ok) return source;
  const blocks = splitBlocks(normaliseText(source.text));
  if (!blocks.length) return noText(raw.file);

  const meta = source.meta;
  const outlet = meta.outlet ?? inferOutlet(blocks);
  const page = cleanPage(blocks, outlet);
  const masthead = readMasthead(page.blocks, {
    title: source.title,
    authors: source.authors,
    signOffs: page.signOffs,
    credits: page.credits,
    outlet,
  });
  if (!masthead.body.length) return noText(raw.file);

  const offsets: number[] = [];
  let offset = 0;
  for (const paragraph of masthead.body) {
    offsets.push(offset);
    offset += paragraph.length + 2;
  }
  const analysed = analyseBody(masthead.body);
  // The headline and standfirst often give a full name the body shortens ("Nasser").
  const context = [masthead.headline, masthead.standfirst].filter((t): t is string => t !== null).map(analyseParagraph);
  // Nor is the outlet a person where the text names it as one would a reporter's contact
  // ("…, told Baltic Courier that…"), two capitalised words like a name.
  const notPeople = [...masthead.byline, ...masthead.credits, ...(outlet ? [outlet, outlet.replace(/^the\s+/i, "")] : [])];
  const people = findPeople(analysed, notPeople, context, options.knownBySurname);

  return {
    ok: true,
    draft: {
      file: raw.file,
      contentHash: createHash("sha256").update(raw.bytes).digest("hex"),
      outlet,
      publishedOn: meta.publishedOn ?? inferPublishedOn(blocks),
      url: meta.url,
      format,
      headline: masthead.headline,
      byline: masthead.byline,
      dateline: masthead.dateline,
      standfirst: masthead.standfirst,
      body: masthead.body.join("\n\n"),
      people: toPersonDrafts(people.people),
      quotes: findQuotes(analysed, offsets, people, options.observeAttribution),
      topics: findTopics(masthead.headline, masthead.body.join("\n\n")),
    },
  };
}
