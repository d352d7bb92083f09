import type { AttributionObserver } from "./quotes.js";
import type { KnownPeople } from "./people.js";

// What each ingestion stage reads and returns. Every stage is a pure function
// over these shapes: no I/O, no clock, no randomness, so a stage can be tested by
// calling it on a short text and the whole pipeline can run in a worker thread.

/** What a crawler knows about a file: from a manifest.json beside it or from YAML front matter. */
export interface CrawlerMeta {
  outlet?: string | null;
  publishedOn?: string | null; // ISO date, YYYY-MM-DD
  url?: string | null;
}

/**
 * How the crawler saved an article: plain text (with front matter or a manifest), an HTML
 * page, an HTML response inside a WARC archive, or a news-please JSON record.
 */
export type SourceFormat = "text" | "html" | "warc" | "news-please";

/** One raw file (or one record of an archive) as the crawler saved it. */
export interface RawArticle {
  file: string; // the file's path or name (a record's: "crawl.warc.gz#1234"); used only to name it in messages and output
  bytes: Uint8Array;
  meta?: CrawlerMeta; // from the manifest; front matter inside the file is read by the pipeline
  /** What the bytes are; told by content in src/corpus/detect-format.ts (default "text"). */
  format?: SourceFormat;
  /** A WARC record's own knowledge: the URI it captured, its day, the charset its HTTP response named. */
  capture?: { url: string | null; capturedOn: string | null; charset: string | null };
}

export interface ExtractOptions {
  /** Files larger than this are rejected before any stage runs (default 2 MB). */
  maxBytes?: number;
  /** Sees every quote's speaker candidates; used by scripts/train-attribution.ts to learn the ranker. */
  observeAttribution?: AttributionObserver;
  /** Who a shared surname most likely means, as an archive or a batch knows it (see findPeople). */
  knownBySurname?: KnownPeople;
}

/** A newsmaker of the body under one canonical full name, with every spelling seen. */
export interface PersonDraft {
  name: string; // canonical full name, e.g. "Kirill Dmitriev"
  aliases: string[]; // every other spelling seen in the text, e.g. ["Dmitriev", "Mr Dmitriev"]
  mentions: number; // how many times the person is named (any spelling)
}

/** A direct quotation and the person or organisation it is attributed to. */
export interface QuoteDraft {
  text: string; // the words inside the quotation marks
  /**
   * Who said it: with speakerKind "person", the canonical name of a PersonDraft; with
   * "organisation", the organisation's name as the article writes it ("Harbour Times",
   * "The Daily Ledger"; a lower-case "the" dropped), which is not in `people`; null when
   * the article names nobody.
   */
  speaker: string | null;
  /** What `speaker` names; the extractor always sets it (drafts written by hand may leave it out: a set speaker is then a person). */
  speakerKind?: "person" | "organisation" | null;
  position: number; // character offset of the quote's opening mark in ArticleDraft.body
}

export interface TopicDraft {
  slug: string; // e.g. "rare-earth-metals"
  name: string; // e.g. "rare earth metals"
  score: number; // how strongly the article is about it, 0..1
}

/** Everything extracted from one article, ready for the store. */
export interface ArticleDraft {
  file: string;
  contentHash: string; // sha256 hex of the raw bytes
  outlet: string | null;
  publishedOn: string | null; // YYYY-MM-DD
  url: string | null;
  /** What the crawler saved: a text file, an HTML page, a WARC record or a news-please record (absent: text). */
  format?: SourceFormat;
  headline: string | null;
  byline: string[]; // authors; never photographers
  dateline: string | null; // e.g. "WASHINGTON"
  standfirst: string | null;
  body: string; // cleaned body, paragraphs separated by a blank line
  people: PersonDraft[];
  quotes: QuoteDraft[]; // in order of appearance
  topics: TopicDraft[];
}

/** Why a file could not be extracted. Messages name the problem and what to do. */
export type ExtractFailureCode =
  | "EMPTY_FILE"
  | "TOO_LARGE"
  | "BINARY_FILE"
  | "BAD_FRONT_MATTER"
  | "NO_TEXT"
  /** A news-please record that is not JSON, or has no `maintext`. */
  | "BAD_RECORD"
  /** The extractor itself failed on this file (a bug, not bad input): the file is reported, not lost. */
  | "EXTRACTION_FAILED";

export type ExtractResult =
  | { ok: true; draft: ArticleDraft }
  | { ok: false; code: ExtractFailureCode; message: string };
