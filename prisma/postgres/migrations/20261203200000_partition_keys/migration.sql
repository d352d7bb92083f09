-- Articles and quotes partitioned by their year of publication (issue 15): at tens of millions
-- of rows each year's indexes stay the size of a year, and an old year is vacuumed, backed up
-- or moved on its own. Prisma cannot declare partitioned tables, so this migration is written
-- by hand and prisma/postgres/schema.prisma describes the columns only. What partitioning
-- changes:
--  * The partition key is "publishedYear" (the year of "publishedOn", 0 when undated), a plain
--    column ingestion writes: a generated column cannot be a partition key.
--  * A unique key of a partitioned table must hold the partition key: the primary keys become
--    (id, "publishedYear"), and "one article per content hash and per url", across all years,
--    is kept in "article_keys", where ingestion looks for duplicates.
--  * Nothing can reference articles(id) or quotes(id) alone any more: the foreign keys from
--    mentions, topics, story keys, commits and quotes to articles go (ingestion writes an
--    article and its rows in one transaction, and articles are never deleted). Nor do the
--    partitioned tables keep theirs to outlets, stories, people, statements and organisations:
--    attaching a partition copies each, locking the table it points to against writes, and a
--    writer attaching a year's partitions deadlocked with writers adding stories and statements.
--    Ingestion alone writes these columns, and it never points them at a row it deletes
--    (a merged story or statement loses its rows first).
--  * A year's partition is made by the store the first time an article of that year is saved
--    (postgres/partitions.ts); here, one for each year already stored.

CREATE TABLE "article_keys" (
    "articleId" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "url" TEXT,
    CONSTRAINT "article_keys_pkey" PRIMARY KEY ("articleId")
);
CREATE UNIQUE INDEX "article_keys_contentHash_key" ON "article_keys"("contentHash");
CREATE UNIQUE INDEX "article_keys_url_key" ON "article_keys"("url");
INSERT INTO "article_keys" ("articleId", "contentHash", "url") SELECT "id", "contentHash", "url" FROM "articles";

ALTER TABLE "mentions" DROP CONSTRAINT "mentions_articleId_fkey";
ALTER TABLE "article_topics" DROP CONSTRAINT "article_topics_articleId_fkey";
ALTER TABLE "story_keys" DROP CONSTRAINT "story_keys_articleId_fkey";
ALTER TABLE "article_commits" DROP CONSTRAINT "article_commits_articleId_fkey";
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_articleId_fkey";

ALTER TABLE "articles" RENAME TO "articles_unpartitioned";
ALTER TABLE "quotes" RENAME TO "quotes_unpartitioned";
ALTER SEQUENCE "articles_id_seq" OWNED BY NONE;
ALTER SEQUENCE "quotes_id_seq" OWNED BY NONE;

CREATE TABLE "articles" (
    "id" INTEGER NOT NULL DEFAULT nextval('"articles_id_seq"'),
    "outletId" INTEGER,
    "headline" TEXT,
    "byline" TEXT,
    "dateline" TEXT,
    "standfirst" TEXT,
    "body" TEXT NOT NULL,
    "publishedOn" TEXT,
    "url" TEXT,
    "contentHash" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storyId" INTEGER,
    "storyFeatures" TEXT NOT NULL DEFAULT '{}',
    "searchVector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('news_archive_english'::regconfig, translate(coalesce("headline", ''), './-@_:+~,&=?#%\', '               ')), 'A') ||
        to_tsvector('news_archive_english'::regconfig, translate("body", './-@_:+~,&=?#%\', '               '))
    ) STORED,
    "sourceFormat" TEXT NOT NULL DEFAULT 'text',
    "publishedYear" INTEGER NOT NULL DEFAULT 0
) PARTITION BY RANGE ("publishedYear");

CREATE TABLE "quotes" (
    "id" INTEGER NOT NULL DEFAULT nextval('"quotes_id_seq"'),
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "publishedOn" TEXT,
    "outletId" INTEGER,
    "statementId" INTEGER,
    "organisationId" INTEGER,
    "searchVector" tsvector GENERATED ALWAYS AS (
        to_tsvector('news_archive_english'::regconfig, translate("text", './-@_:+~,&=?#%\', '               '))
    ) STORED,
    "publishedYear" INTEGER NOT NULL DEFAULT 0
) PARTITION BY RANGE ("publishedYear");

-- A partition for every year already stored (named as postgres/partitions.ts names them).
DO $$
DECLARE year INTEGER;
BEGIN
  FOR year IN SELECT DISTINCT coalesce(CAST(substr("publishedOn", 1, 4) AS INTEGER), 0) FROM "articles_unpartitioned" LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "articles" FOR VALUES FROM (%s) TO (%s)', 'articles_y' || year, year, year + 1);
    EXECUTE format('CREATE TABLE %I PARTITION OF "quotes" FOR VALUES FROM (%s) TO (%s)', 'quotes_y' || year, year, year + 1);
  END LOOP;
END $$;

INSERT INTO "articles" ("id", "outletId", "headline", "byline", "dateline", "standfirst", "body", "publishedOn", "url", "contentHash", "sourceFile", "ingestedAt", "storyId", "storyFeatures", "sourceFormat", "publishedYear")
  SELECT "id", "outletId", "headline", "byline", "dateline", "standfirst", "body", "publishedOn", "url", "contentHash", "sourceFile", "ingestedAt", "storyId", "storyFeatures", "sourceFormat",
    coalesce(CAST(substr("publishedOn", 1, 4) AS INTEGER), 0)
  FROM "articles_unpartitioned";
INSERT INTO "quotes" ("id", "articleId", "speakerId", "text", "position", "publishedOn", "outletId", "statementId", "organisationId", "publishedYear")
  SELECT "id", "articleId", "speakerId", "text", "position", "publishedOn", "outletId", "statementId", "organisationId",
    coalesce(CAST(substr("publishedOn", 1, 4) AS INTEGER), 0)
  FROM "quotes_unpartitioned";

DROP TABLE "articles_unpartitioned";
DROP TABLE "quotes_unpartitioned";
ALTER SEQUENCE "articles_id_seq" OWNED BY "articles"."id";
ALTER SEQUENCE "quotes_id_seq" OWNED BY "quotes"."id";

-- The indexes of before, the cursors' NULL order included (see 20261203120100_cursor_order_indexes),
-- each now one per partition.
ALTER TABLE "articles" ADD CONSTRAINT "articles_pkey" PRIMARY KEY ("id", "publishedYear");
CREATE INDEX "articles_ingestedAt_idx" ON "articles"("ingestedAt");
CREATE INDEX "articles_publishedOn_id_idx" ON "articles"("publishedOn" ASC NULLS FIRST, "id" ASC);
CREATE INDEX "articles_outletId_publishedOn_id_idx" ON "articles"("outletId", "publishedOn" ASC NULLS FIRST, "id" ASC);
CREATE INDEX "articles_storyId_publishedOn_id_idx" ON "articles"("storyId", "publishedOn" ASC NULLS FIRST, "id" ASC);
CREATE INDEX "articles_searchVector_idx" ON "articles" USING GIN ("searchVector");

ALTER TABLE "quotes" ADD CONSTRAINT "quotes_pkey" PRIMARY KEY ("id", "publishedYear");
CREATE UNIQUE INDEX "quotes_articleId_position_key" ON "quotes"("articleId", "position", "publishedYear");
CREATE INDEX "quotes_statementId_idx" ON "quotes"("statementId");
CREATE INDEX "quotes_publishedOn_id_idx" ON "quotes"("publishedOn" DESC NULLS LAST, "id" ASC);
CREATE INDEX "quotes_speakerId_publishedOn_id_idx" ON "quotes"("speakerId", "publishedOn" DESC NULLS LAST, "id" ASC);
CREATE INDEX "quotes_organisationId_publishedOn_id_idx" ON "quotes"("organisationId", "publishedOn" DESC NULLS LAST, "id" ASC);
CREATE INDEX "quotes_outletId_publishedOn_id_idx" ON "quotes"("outletId", "publishedOn" DESC NULLS LAST, "id" ASC);
CREATE INDEX "quotes_searchVector_idx" ON "quotes" USING GIN ("searchVector");
