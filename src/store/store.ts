// The archive behind one interface: every operation the API, the export, ingestion and the
// scripts ask of it, all async, named for what they answer. Two engines implement it
// (store/open-store.ts picks one by DATABASE_URL): SQLite, the embedded default, and
// PostgreSQL; both through the SQL they share (store/sql-store.ts). Nothing outside
// src/store/ sees an engine's connection, its SQL or its full-text syntax: callers import
// this file (and open-store.ts to open one).
import type { ArticleDraft } from "../extract/types.js";
import type { Article, ArticleFilter, ArticleOrder } from "./articles.js";
import type { ExportedArticle, ExportedQuote, ExportFilter } from "./export.js";
import type { Page, PageRequest } from "./keyset.js";
import type { Organisation, OrganisationFilter } from "./organisations.js";
import type { Outlet, OutletStats } from "./outlets.js";
import type { PeriodCount, PersonQuoteCount, TimeInterval } from "./coverage-aggregates.js";
import type { OutletQuoteCount, QuoteTimeline, TopicArticleCount } from "./person-aggregates.js";
import type { Person, PersonFilter, PersonListRow, PersonOrder } from "./people.js";
import type { Quote, QuoteFilter } from "./quotes.js";
import type { SaveOutcome } from "./save-article.js";
import type { SearchExpression } from "./search-syntax.js";
import type { ReadPoolStats, ReplicaStatus, SnapshotOptions } from "./sql-archive.js";
import type { Statement, StatementFilter, StatementOrder } from "./statements.js";
import type { Story, StoryFilter } from "./stories.js";
import type { Topic } from "./topics.js";

export type { Article, ArticleFilter, ArticleOrder } from "./articles.js";
export { articleKey } from "./articles.js";
export type { ExportedArticle, ExportedQuote, ExportFilter } from "./export.js";
export type { KeyValue, Page, PageRequest } from "./keyset.js";
export type { Organisation, OrganisationFilter } from "./organisations.js";
export { organisationKey } from "./organisations.js";
export type { Outlet, OutletStats } from "./outlets.js";
export type { Person, PersonFilter, PersonListRow, PersonOrder } from "./people.js";
export type { OutletQuoteCount, QuotePeriodCount, QuoteTimeline, TopicArticleCount } from "./person-aggregates.js";
export type { PeriodCount, PersonQuoteCount, TimeInterval } from "./coverage-aggregates.js";
export { personKey } from "./people.js";
export type { Quote, QuoteFilter } from "./quotes.js";
export { articleQuoteKey, quoteKey } from "./quotes.js";
export type { SaveOutcome } from "./save-article.js";
export { parseSearch, searchKey, type ParsedSearch, type SearchExpression } from "./search-syntax.js";
export type { ReadPoolStats, ReplicaStatus, SnapshotOptions } from "./sql-archive.js";
export { observeStatements, type ObservedStatement } from "./sql-rows.js";
export type { Statement, StatementFilter, StatementOrder } from "./statements.js";
export { statementKey } from "./statements.js";
export type { Story, StoryFilter } from "./stories.js";
export { storyKey } from "./stories.js";
export type { Topic } from "./topics.js";

/** An article's sort key as a page of articles under a parent (a person, a story) holds it. */
export interface ArticleKeyRow {
  id: number;
  publishedOn: string | null;
}

/** A quote as a statement's page of quotes holds it (a statement's quotes are all a person's). */
export type StatementQuote = Omit<Quote, "organisationId">;

export type StoryMember = "people" | "outlets" | "topics";

export interface Store {
  /** Which engine holds the archive. */
  readonly engine: "sqlite" | "postgresql";
  /** DATABASE_URL as given (a PostgreSQL password masked). */
  readonly url: string;

  // Articles
  findArticles(filter: ArticleFilter, order: ArticleOrder, request: PageRequest): Promise<Page<Article>>;
  /** How many articles match: counted incrementally, so paging through a list does not count it again. */
  countArticles(filter: ArticleFilter): Promise<number>;
  countAllArticles(): Promise<number>;
  articlesByIds(ids: readonly number[]): Promise<(Article | null)[]>;
  /** About 24 words of each article's body around `search`'s matches, each match between `open` and `close`. */
  articleSnippets(ids: readonly number[], search: SearchExpression, open: string, close: string): Promise<Map<number, string>>;

  // People
  findPeople(filter: PersonFilter, order: PersonOrder, request: PageRequest): Promise<Page<PersonListRow>>;
  countPeople(filter: PersonFilter, order: PersonOrder): Promise<number>;
  /** A person by slug, or by the slug of any spelling seen. */
  personBySlug(slug: string): Promise<Person | null>;
  peopleByIds(ids: readonly number[]): Promise<(Person | null)[]>;
  peopleOfArticles(articleIds: readonly number[]): Promise<Map<number, Person[]>>;
  aliasesOfPeople(personIds: readonly number[]): Promise<Map<number, string[]>>;
  /** In how many articles each person is named (kept on the person's row by ingest). */
  articleCountsOfPeople(personIds: readonly number[]): Promise<Map<number, number>>;
  /** How many quotes each person gave (kept on the person's row by ingest). */
  quoteCountsOfPeople(personIds: readonly number[]): Promise<Map<number, number>>;
  articlePagesOfPeople(personIds: readonly number[], request: PageRequest): Promise<Map<number, Page<ArticleKeyRow>>>;
  outletIdsQuotingPeople(personIds: readonly number[]): Promise<Map<number, number[]>>;
  /** Each person's dated quotes counted per day, week or month and outlet, oldest first, in at most `maxPoints` points unless even months make more. */
  quoteTimelinesOfPeople(personIds: readonly number[], maxPoints: number): Promise<Map<number, QuoteTimeline>>;
  /** The outlets that quoted each person, with how many quotes each carried, most first. */
  quoteCountsByOutletOfPeople(personIds: readonly number[]): Promise<Map<number, OutletQuoteCount[]>>;
  /** The topics of the articles quoting each person, with how many such articles, most first. */
  topicsOfPeople(personIds: readonly number[]): Promise<Map<number, TopicArticleCount[]>>;

  // Quotes
  findQuotes(filter: QuoteFilter, request: PageRequest): Promise<Page<Quote>>;
  countQuotes(filter: QuoteFilter): Promise<number>;
  quotesByIds(ids: readonly number[]): Promise<(Quote | null)[]>;
  /** How many quotes each article holds, or each speaker or organisation said. */
  countQuotesBy(column: "articleId" | "speakerId" | "organisationId", ids: readonly number[]): Promise<Map<number, number>>;
  quotePagesOfArticles(articleIds: readonly number[], request: PageRequest): Promise<Map<number, Page<Quote>>>;
  quotePagesOfSpeakers(personIds: readonly number[], request: PageRequest): Promise<Map<number, Page<Quote>>>;

  // Organisations
  findOrganisations(filter: OrganisationFilter, request: PageRequest): Promise<Page<Organisation>>;
  countOrganisations(filter: OrganisationFilter): Promise<number>;
  organisationBySlugOrName(slugOrName: string): Promise<Organisation | null>;
  organisationsByIds(ids: readonly number[]): Promise<(Organisation | null)[]>;
  quotePagesOfOrganisations(ids: readonly number[], request: PageRequest): Promise<Map<number, Page<Quote>>>;

  // Outlets and topics
  allOutlets(): Promise<Outlet[]>;
  outletBySlugOrName(slugOrName: string): Promise<Outlet | null>;
  outletsByIds(ids: readonly number[]): Promise<(Outlet | null)[]>;
  statsOfOutlets(ids: readonly number[]): Promise<Map<number, OutletStats>>;
  allTopics(): Promise<(Topic & { articleCount: number })[]>;
  topicBySlugOrName(slugOrName: string): Promise<Topic | null>;
  topicsByIds(ids: readonly number[]): Promise<(Topic | null)[]>;
  topicsOfArticles(articleIds: readonly number[]): Promise<Map<number, Topic[]>>;
  articleCountsOfTopics(ids: readonly number[]): Promise<Map<number, number>>;
  /** Each outlet's dated articles per week or month, oldest first (periods without articles left out). */
  articleVolumesOfOutlets(ids: readonly number[], interval: TimeInterval): Promise<Map<number, PeriodCount[]>>;
  /** Each topic's dated articles per week or month, oldest first (periods without articles left out). */
  articleVolumesOfTopics(ids: readonly number[], interval: TimeInterval): Promise<Map<number, PeriodCount[]>>;
  /** For each outlet, the `limit` people it quoted most, with how many quotes, most first. */
  mostQuotedInOutlets(ids: readonly number[], limit: number): Promise<Map<number, PersonQuoteCount[]>>;
  /** For each topic, the `limit` people most quoted in its articles, with how many quotes, most first. */
  mostQuotedInTopics(ids: readonly number[], limit: number): Promise<Map<number, PersonQuoteCount[]>>;

  // Statements and stories
  findStatements(filter: StatementFilter, order: StatementOrder, request: PageRequest): Promise<Page<Statement>>;
  countStatements(filter: StatementFilter): Promise<number>;
  statementsByIds(ids: readonly number[]): Promise<(Statement | null)[]>;
  outletIdsOfStatements(ids: readonly number[]): Promise<Map<number, number[]>>;
  quotePagesOfStatements(ids: readonly number[], request: PageRequest): Promise<Map<number, Page<StatementQuote>>>;
  findStories(filter: StoryFilter, request: PageRequest): Promise<Page<Story>>;
  countStories(filter: StoryFilter): Promise<number>;
  storiesByIds(ids: readonly number[]): Promise<(Story | null)[]>;
  articlePagesOfStories(ids: readonly number[], request: PageRequest): Promise<Map<number, Page<ArticleKeyRow>>>;
  /** For each story, ids of what its articles share: people (most mentioned first), outlets, topics (most used first). */
  membersOfStories(ids: readonly number[], member: StoryMember): Promise<Map<number, number[]>>;
  /** For each story, how many statements its quotes are in (its statements' page is findStatements with its id). */
  statementCountsOfStories(ids: readonly number[]): Promise<Map<number, number>>;

  // Export: every matching row, oldest id first, a page at a time, each page one snapshot.
  articlesForExport(filter: ExportFilter, pageSize?: number): AsyncGenerator<ExportedArticle[]>;
  quotesForExport(filter: ExportFilter, pageSize?: number): AsyncGenerator<ExportedQuote[]>;
  countForExport(kind: "articles" | "quotes", filter: ExportFilter): Promise<number>;
  /** The latest instant anything was ingested, or null when the archive is empty. */
  latestIngestion(): Promise<Date | null>;

  // Ingestion
  /**
   * Stores one extracted article with everything it names, in one transaction; an article
   * already stored is left as it is. Saves on different `lane`s (below writeLanes) may run at
   * once, each on its own connection; saves on one lane run one after another.
   */
  saveArticle(draft: ArticleDraft, lane?: number): Promise<SaveOutcome>;
  /** How many lanes saveArticle has: 1 on SQLite, which writes one transaction at a time. */
  readonly writeLanes: number;
  /** Runs `work` with the saves it makes committed in groups (see SqlWrites.inBatches). */
  inBatches<T>(group: { size: number; ms: number }, work: (commitPoint: () => Promise<boolean>) => Promise<T>): Promise<T>;

  // The store itself
  /** Runs `work` over one consistent snapshot of the archive: the server reads each request, and the export each page, this way. */
  snapshot<T>(work: (snapshot: Store) => Promise<T>, options?: SnapshotOptions): Promise<T>;
  /** Opens every read connection now, so the first requests of a server find them ready. */
  openReadConnections(): Promise<void>;
  readStats(): ReadPoolStats;
  /** Each read replica (DATABASE_READ_URLS), whether it answers and its replication lag; empty without replicas, and always on SQLite. */
  replicaStatus(): Promise<ReplicaStatus[]>;
  /** Every SQL statement the store reads with is counted here: tests use it to prove batching. */
  readonly sqlStatements: { count: number };
  /** Bytes the archive takes on disk. */
  sizeInBytes(): Promise<number>;
  /** The committed migrations the archive has not applied (empty when it is up to date). */
  missingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
