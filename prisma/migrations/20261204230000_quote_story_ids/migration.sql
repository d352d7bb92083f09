-- Each quote keeps its article's story, so a story's statements are read from one index
-- range of quotes instead of through each of its articles' quotes (the largest story of a
-- million generated articles: 1,671 articles, 4,224 quotes). Made with `prisma migrate diff`;
-- the UPDATE, by hand, fills the column for the quotes already stored.

-- AlterTable
ALTER TABLE "quotes" ADD COLUMN "storyId" INTEGER;

UPDATE "quotes" SET "storyId" = (SELECT "storyId" FROM "articles" WHERE "articles"."id" = "quotes"."articleId");

-- CreateIndex
CREATE INDEX "quotes_storyId_statementId_idx" ON "quotes"("storyId", "statementId");
