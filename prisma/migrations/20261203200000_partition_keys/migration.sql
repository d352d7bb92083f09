-- Each article's and quote's year, by which PostgreSQL partitions them (issue 15), and the
-- keys that make an article a duplicate, apart from articles (a unique key of a partitioned
-- table must hold its partition key, so PostgreSQL keeps "one article per content hash and
-- per url" here; SQLite keeps the same table so that ingestion's SQL is one). The columns are
-- added in place: Prisma's diff rebuilds the tables, which would drop the full-text triggers.
ALTER TABLE "articles" ADD COLUMN "publishedYear" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "quotes" ADD COLUMN "publishedYear" INTEGER NOT NULL DEFAULT 0;
UPDATE "articles" SET "publishedYear" = CAST(substr("publishedOn", 1, 4) AS INTEGER) WHERE "publishedOn" IS NOT NULL;
UPDATE "quotes" SET "publishedYear" = CAST(substr("publishedOn", 1, 4) AS INTEGER) WHERE "publishedOn" IS NOT NULL;

CREATE TABLE "article_keys" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "contentHash" TEXT NOT NULL,
    "url" TEXT,
    CONSTRAINT "article_keys_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "article_keys_contentHash_key" ON "article_keys"("contentHash");
CREATE UNIQUE INDEX "article_keys_url_key" ON "article_keys"("url");
INSERT INTO "article_keys" ("articleId", "contentHash", "url") SELECT "id", "contentHash", "url" FROM "articles";
