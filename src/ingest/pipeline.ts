// The one place that knows the stage order:
//   size check → decode → front matter → normalise → blocks → outlet → clean page
//   → masthead → analyse body → people → quotes.
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
import { findQuotes } from "./quotes.js";
import { findTopics } from "./topics.js";
import { analyseParagraph, type AnalysedParagraph } from "./text-analysis.js";
import type { CrawlerMeta, ExtractOptions, ExtractResult, RawArticle } from "./types.js";

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

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

/** Crawler knowledge from the manifest, completed by the file's own front matter. */
function mergeMeta(manifest: CrawlerMeta | undefined, frontMatter: CrawlerMeta | undefined): Required<CrawlerMeta> {
  return {
    outlet: frontMatter?.outlet ?? manifest?.outlet ?? null,
    publishedOn: frontMatter?.publishedOn ?? manifest?.publishedOn ?? null,
    url: frontMatter?.url ?? manifest?.url ?? null,
  };
}

/** Extracts one article from the bytes a crawler saved. Never throws for bad input. */
export function extractArticle(raw: RawArticle, options: ExtractOptions = {}): ExtractResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (raw.bytes.length > maxBytes) return tooLarge(raw.file, raw.bytes.length, maxBytes);

  const decoded = decodeText(raw.bytes, raw.file);
  if (!decoded.ok) return decoded;
  const split = splitFrontMatter(decoded.text, raw.file);
  if (!split.ok) return split;
  const blocks = splitBlocks(normaliseText(split.text));
  if (!blocks.length) return noText(raw.file);

  const meta = mergeMeta(raw.meta, split.frontMatter?.meta);
  const outlet = meta.outlet ?? inferOutlet(blocks);
  const page = cleanPage(blocks, outlet);
  const masthead = readMasthead(page.blocks, {
    title: split.frontMatter?.title,
    authors: split.frontMatter?.authors,
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
  const people = findPeople(analysed, [...masthead.byline, ...masthead.credits], context);

  return {
    ok: true,
    draft: {
      file: raw.file,
      contentHash: createHash("sha256").update(raw.bytes).digest("hex"),
      outlet,
      publishedOn: meta.publishedOn ?? inferPublishedOn(blocks),
      url: meta.url,
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
