// The Store (store/store.ts) over either engine: each operation is the shared SQL of
// store/*.ts run on the engine's SqlArchive, so the two stores differ only in their
// connections and their dialect, never in a copy of a query.
import type { ArticleDraft } from "../extract/types.js";
import * as articles from "./articles.js";
import * as coverage from "./coverage-aggregates.js";
import type { TimeInterval } from "./coverage-aggregates.js";
import * as exports from "./export.js";
import type { PageRequest } from "./keyset.js";
import * as organisations from "./organisations.js";
import * as outlets from "./outlets.js";
import * as people from "./people.js";
import * as personAggregates from "./person-aggregates.js";
import * as quotes from "./quotes.js";
import { saveArticle } from "./save-article.js";
import type { SearchExpression } from "./search-syntax.js";
import type { SnapshotOptions, SqlArchive, SqlEngine } from "./sql-archive.js";
import { sqlRows } from "./sql-rows.js";
import * as statements from "./statements.js";
import * as stories from "./stories.js";
import type { ArticleFilter, ArticleOrder, ExportFilter, OrganisationFilter, PersonFilter, PersonOrder, QuoteFilter, StatementFilter, StatementOrder, Store, StoryFilter, StoryMember } from "./store.js";
import * as topics from "./topics.js";

type Ids = readonly number[];

// Articles a PostgreSQL store saves at once at most, each on a connection of its own.
const MAX_WRITE_LANES = 8;

export class SqlStore<E extends SqlEngine = SqlEngine> implements Store {
  /**
   * `db` is the open database; `sql` where this store reads (the engine itself, or one
   * of its snapshots).
   */
  constructor(
    readonly db: E,
    readonly sql: SqlArchive = db,
  ) {}

  get engine() {
    return this.db.engine;
  }
  get url() {
    return this.db.url;
  }
  get sqlStatements() {
    return this.db.sqlStatements;
  }

  findArticles(filter: ArticleFilter, order: ArticleOrder, request: PageRequest) {
    return articles.findArticles(this.sql, filter, order, request);
  }
  countArticles(filter: ArticleFilter) {
    return articles.countArticles(this.sql, filter);
  }
  countAllArticles() {
    return articles.countAllArticles(this.sql);
  }
  articlesByIds(ids: Ids) {
    return articles.articlesByIds(this.sql, ids);
  }
  articleSnippets(ids: Ids, search: SearchExpression, open: string, close: string) {
    return articles.articleSnippets(this.sql, ids, search, open, close);
  }

  findPeople(filter: PersonFilter, order: PersonOrder, request: PageRequest) {
    return people.findPeople(this.sql, filter, order, request);
  }
  countPeople(filter: PersonFilter, order: PersonOrder) {
    return people.countPeople(this.sql, filter, order);
  }
  personBySlug(slug: string) {
    return people.personBySlug(this.sql, slug);
  }
  peopleByIds(ids: Ids) {
    return people.peopleByIds(this.sql, ids);
  }
  peopleOfArticles(ids: Ids) {
    return people.peopleOfArticles(this.sql, ids);
  }
  aliasesOfPeople(ids: Ids) {
    return people.aliasesOfPeople(this.sql, ids);
  }
  articleCountsOfPeople(ids: Ids) {
    return people.articleCountsOfPeople(this.sql, ids);
  }
  quoteCountsOfPeople(ids: Ids) {
    return people.quoteCountsOfPeople(this.sql, ids);
  }
  articlePagesOfPeople(ids: Ids, request: PageRequest) {
    return people.articlePagesOfPeople(this.sql, ids, request);
  }
  outletIdsQuotingPeople(ids: Ids) {
    return people.outletIdsQuotingPeople(this.sql, ids);
  }
  quoteTimelinesOfPeople(ids: Ids, maxPoints: number) {
    return personAggregates.quoteTimelinesOfPeople(this.sql, ids, maxPoints);
  }
  quoteCountsByOutletOfPeople(ids: Ids) {
    return personAggregates.quoteCountsByOutletOfPeople(this.sql, ids);
  }
  topicsOfPeople(ids: Ids) {
    return personAggregates.topicsOfPeople(this.sql, ids);
  }

  findQuotes(filter: QuoteFilter, request: PageRequest) {
    return quotes.findQuotes(this.sql, filter, request);
  }
  countQuotes(filter: QuoteFilter) {
    return quotes.countQuotes(this.sql, filter);
  }
  quotesByIds(ids: Ids) {
    return quotes.quotesByIds(this.sql, ids);
  }
  countQuotesBy(column: "articleId" | "speakerId" | "organisationId", ids: Ids) {
    return quotes.countQuotesBy(this.sql, column, ids);
  }
  quotePagesOfArticles(ids: Ids, request: PageRequest) {
    return quotes.quotePagesOfArticles(this.sql, ids, request);
  }
  quotePagesOfSpeakers(ids: Ids, request: PageRequest) {
    return quotes.quotePagesOfSpeakers(this.sql, ids, request);
  }

  findOrganisations(filter: OrganisationFilter, request: PageRequest) {
    return organisations.findOrganisations(this.sql, filter, request);
  }
  countOrganisations(filter: OrganisationFilter) {
    return organisations.countOrganisations(this.sql, filter);
  }
  organisationBySlugOrName(slugOrName: string) {
    return organisations.organisationBySlugOrName(this.sql, slugOrName);
  }
  organisationsByIds(ids: Ids) {
    return organisations.organisationsByIds(this.sql, ids);
  }
  quotePagesOfOrganisations(ids: Ids, request: PageRequest) {
    return organisations.quotePagesOfOrganisations(this.sql, ids, request);
  }

  allOutlets() {
    return outlets.allOutlets(this.sql);
  }
  outletBySlugOrName(slugOrName: string) {
    return outlets.outletBySlugOrName(this.sql, slugOrName);
  }
  outletsByIds(ids: Ids) {
    return outlets.outletsByIds(this.sql, ids);
  }
  statsOfOutlets(ids: Ids) {
    return outlets.statsOfOutlets(this.sql, ids);
  }
  allTopics() {
    return topics.allTopics(this.sql);
  }
  topicBySlugOrName(slugOrName: string) {
    return topics.topicBySlugOrName(this.sql, slugOrName);
  }
  topicsByIds(ids: Ids) {
    return topics.topicsByIds(this.sql, ids);
  }
  topicsOfArticles(ids: Ids) {
    return topics.topicsOfArticles(this.sql, ids);
  }
  articleCountsOfTopics(ids: Ids) {
    return topics.articleCountsOfTopics(this.sql, ids);
  }
  articleVolumesOfOutlets(ids: Ids, interval: TimeInterval) {
    return coverage.articleVolumesOfOutlets(this.sql, ids, interval);
  }
  articleVolumesOfTopics(ids: Ids, interval: TimeInterval) {
    return coverage.articleVolumesOfTopics(this.sql, ids, interval);
  }
  mostQuotedInOutlets(ids: Ids, limit: number) {
    return coverage.mostQuotedInOutlets(this.sql, ids, limit);
  }
  mostQuotedInTopics(ids: Ids, limit: number) {
    return coverage.mostQuotedInTopics(this.sql, ids, limit);
  }

  findStatements(filter: StatementFilter, order: StatementOrder, request: PageRequest) {
    return statements.findStatements(this.sql, filter, order, request);
  }
  countStatements(filter: StatementFilter) {
    return statements.countStatements(this.sql, filter);
  }
  statementsByIds(ids: Ids) {
    return statements.statementsByIds(this.sql, ids);
  }
  outletIdsOfStatements(ids: Ids) {
    return statements.outletIdsOfStatements(this.sql, ids);
  }
  quotePagesOfStatements(ids: Ids, request: PageRequest) {
    return statements.quotePagesOfStatements(this.sql, ids, request);
  }
  findStories(filter: StoryFilter, request: PageRequest) {
    return stories.findStories(this.sql, filter, request);
  }
  countStories(filter: StoryFilter) {
    return stories.countStories(this.sql, filter);
  }
  storiesByIds(ids: Ids) {
    return stories.storiesByIds(this.sql, ids);
  }
  articlePagesOfStories(ids: Ids, request: PageRequest) {
    return stories.articlePagesOfStories(this.sql, ids, request);
  }
  membersOfStories(ids: Ids, member: StoryMember) {
    return stories.membersOfStories(this.sql, ids, member);
  }
  statementCountsOfStories(ids: Ids) {
    return stories.statementCountsOfStories(this.sql, ids);
  }

  articlesForExport(filter: ExportFilter, pageSize?: number) {
    return exports.articlesForExport(this.sql, filter, pageSize);
  }
  quotesForExport(filter: ExportFilter, pageSize?: number) {
    return exports.quotesForExport(this.sql, filter, pageSize);
  }
  countForExport(kind: "articles" | "quotes", filter: ExportFilter) {
    return exports.countForExport(this.sql, kind, filter);
  }
  latestIngestion() {
    return exports.latestIngestion(this.sql);
  }

  get writeLanes() {
    return this.db.engine === "postgresql" ? MAX_WRITE_LANES : 1;
  }
  saveArticle(draft: ArticleDraft, lane = 0) {
    if (!(Number.isInteger(lane) && lane >= 0 && lane < this.writeLanes)) throw new Error(`lane ${lane} is not one of this store's ${this.writeLanes} writers`);
    return saveArticle(this.sql, draft, lane);
  }
  async inBatches<T>(group: { size: number; ms: number }, work: (commitPoint: () => Promise<boolean>) => Promise<T>): Promise<T> {
    return this.sql.writer().inBatches(group, work);
  }

  snapshot<T>(work: (snapshot: Store) => Promise<T>, options?: SnapshotOptions): Promise<T> {
    return this.sql.snapshot((archive) => work(new SqlStore(this.db, archive)), options);
  }
  openReadConnections() {
    return this.db.openReadConnections();
  }
  readStats() {
    return this.db.readStats();
  }
  async replicaStatus() {
    return (await this.db.replicaStatus?.()) ?? [];
  }
  sizeInBytes() {
    return this.db.sizeInBytes();
  }
  async missingMigrations(): Promise<string[]> {
    const rows = await sqlRows<{ migration_name: string }>(this.sql, `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Set(rows.map((r) => r.migration_name));
    return this.db.committedMigrationNames().filter((name) => !applied.has(name));
  }
  close() {
    return this.db.close();
  }
}
