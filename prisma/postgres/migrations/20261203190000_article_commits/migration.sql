-- The order articles became visible in (issue 15: several ingest writers): see ArticleCommit in schema.prisma.
-- CreateTable
CREATE TABLE "article_commits" (
    "seq" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "committedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "article_commits_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_commits_articleId_key" ON "article_commits"("articleId");

-- CreateIndex
CREATE INDEX "article_commits_committedAt_idx" ON "article_commits"("committedAt");

-- AddForeignKey
ALTER TABLE "article_commits" ADD CONSTRAINT "article_commits_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Articles stored before: in the order of their ids, which was their commit order while
-- one writer at a time could write, at the instant each was ingested.
INSERT INTO "article_commits" ("articleId", "committedAt") SELECT "id", "ingestedAt" FROM "articles" ORDER BY "id";
