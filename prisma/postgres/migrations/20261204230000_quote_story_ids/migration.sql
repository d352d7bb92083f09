-- Each quote keeps its article's story, so a story's statements are read from one index
-- range of quotes instead of through each of its articles' quotes (the largest story of a
-- million generated articles: 1,671 articles, 4,224 quotes). Made with `prisma migrate diff`;
-- the UPDATE, by hand, fills the column for the quotes already stored (a quote is in its
-- article's year partition).

-- AlterTable
ALTER TABLE "quotes" ADD COLUMN     "storyId" INTEGER;

UPDATE "quotes" q SET "storyId" = a."storyId" FROM "articles" a WHERE a."id" = q."articleId" AND a."publishedYear" = q."publishedYear";

-- CreateIndex
CREATE INDEX "quotes_storyId_statementId_idx" ON "quotes"("storyId", "statementId");
