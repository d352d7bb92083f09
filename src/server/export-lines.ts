// What a bulk export writes: one JSON object per line, with the same global IDs as the
// GraphQL API, then a trailer line `{"complete":true,"count":N,"latestIngestedAt":…}`.
// A file or response without the trailer was cut short.
import { toGlobalId } from "../graphql/global-id.js";
import { sourceFormatEnum } from "../graphql/source-format.js";
import type { ExportedArticle, ExportedQuote, ExportFilter, Store } from "../store/store.js";

export type ExportKind = "articles" | "quotes";
export const EXPORT_KINDS: readonly ExportKind[] = ["articles", "quotes"];

/** The last line of a complete export. */
export interface ExportTrailer {
  complete: true;
  /** Lines before the trailer. */
  count: number;
  /**
   * The latest ingestion time among the exported rows: pass it as `since` for the next
   * incremental pull. When no row matched: `since` if given, else the archive's latest
   * ingestion (every article up to it was looked at), else the epoch for an empty archive;
   * never null. `since` is inclusive, so rows ingested at that very instant come again;
   * their ids tell them apart.
   */
  latestIngestedAt: string;
}

const ref = <T extends { id: number; slug: string; name: string }>(type: "Outlet" | "Person" | "Organisation" | "Topic", row: T | null) =>
  row && { id: toGlobalId(type, row.id), slug: row.slug, name: row.name };

function articleLine(a: ExportedArticle) {
  return {
    id: toGlobalId("Article", a.id),
    headline: a.headline,
    byline: a.byline,
    dateline: a.dateline,
    standfirst: a.standfirst,
    body: a.body,
    publishedOn: a.publishedOn,
    url: a.url,
    sourceFormat: sourceFormatEnum(a.sourceFormat),
    outlet: ref("Outlet", a.outlet),
    people: a.people.map((p) => ref("Person", p)),
    topics: a.topics.map((t) => ref("Topic", t)),
    quoteCount: a.quoteCount,
    // The story it belongs to, as `Article.story { id }` names it.
    story: a.storyId == null ? null : { id: toGlobalId("Story", a.storyId) },
    ingestedAt: a.ingestedAt.toISOString(),
  };
}

function quoteLine(q: ExportedQuote) {
  return {
    id: toGlobalId("Quote", q.id),
    text: q.text,
    position: q.position,
    speaker: ref("Person", q.speaker),
    organisation: ref("Organisation", q.organisation),
    // The remark across outlets this quote reports, as `Quote.statement { id }` names it.
    statement: q.statementId == null ? null : { id: toGlobalId("Statement", q.statementId) },
    outlet: ref("Outlet", q.outlet),
    publishedOn: q.publishedOn,
    article: { id: toGlobalId("Article", q.article.id), headline: q.article.headline, publishedOn: q.article.publishedOn, url: q.article.url },
    ingestedAt: q.article.ingestedAt.toISOString(),
  };
}

/**
 * The export's text, a chunk per page of rows and the trailer last. `onPage` hears the
 * running count (progress bars, logs).
 */
export async function* exportChunks(
  store: Store,
  kind: ExportKind,
  filter: ExportFilter,
  onPage?: (count: number) => void,
): AsyncGenerator<string> {
  let count = 0;
  let latest = filter.ingestedSince?.toISOString() ?? null;
  const pages =
    kind === "articles"
      ? mapPages(store.articlesForExport(filter), articleLine)
      : mapPages(store.quotesForExport(filter), quoteLine);
  for await (const lines of pages) {
    let chunk = "";
    for (const line of lines) {
      chunk += `${JSON.stringify(line)}\n`;
      if (latest == null || line.ingestedAt > latest) latest = line.ingestedAt;
    }
    count += lines.length;
    onPage?.(count);
    yield chunk;
  }
  latest ??= ((await store.latestIngestion()) ?? new Date(0)).toISOString();
  const trailer: ExportTrailer = { complete: true, count, latestIngestedAt: latest };
  yield `${JSON.stringify(trailer)}\n`;
}

async function* mapPages<R, L>(pages: AsyncGenerator<R[]>, toLine: (row: R) => L): AsyncGenerator<L[]> {
  for await (const page of pages) yield page.map(toLine);
}
