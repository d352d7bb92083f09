-- CreateTable
CREATE TABLE "story_keys" (
    "key" TEXT NOT NULL,
    "publishedOn" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "publishedOn", "articleId"),
    CONSTRAINT "story_keys_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "story_keys_articleId_idx" ON "story_keys"("articleId");

