-- Statements (one remark, however many quotes report it) and stories (articles about
-- one event). Written by hand rather than by `prisma migrate diff`, which redefines
-- articles and quotes (copy, DROP, rename) to add a foreign key: that would drop the
-- FTS5 triggers on them and copy every row. SQLite adds a NULL-default REFERENCES
-- column in place.

CREATE TABLE "statements" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "speakerId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "firstReportedOn" TEXT,
    "lastReportedOn" TEXT,
    "reportCount" INTEGER NOT NULL,
    "outletCount" INTEGER NOT NULL,
    CONSTRAINT "statements_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "stories" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "startedOn" TEXT,
    "lastUpdatedOn" TEXT,
    "articleCount" INTEGER NOT NULL
);

ALTER TABLE "articles" ADD COLUMN "storyId" INTEGER REFERENCES "stories" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "articles" ADD COLUMN "storyFeatures" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "quotes" ADD COLUMN "statementId" INTEGER REFERENCES "statements" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "articles_storyId_publishedOn_id_idx" ON "articles"("storyId", "publishedOn", "id");
CREATE INDEX "quotes_statementId_idx" ON "quotes"("statementId");
CREATE INDEX "statements_speakerId_firstReportedOn_id_idx" ON "statements"("speakerId", "firstReportedOn", "id");
CREATE INDEX "statements_firstReportedOn_id_idx" ON "statements"("firstReportedOn", "id");
CREATE INDEX "statements_outletCount_idx" ON "statements"("outletCount");
CREATE INDEX "stories_lastUpdatedOn_id_idx" ON "stories"("lastUpdatedOn", "id");
