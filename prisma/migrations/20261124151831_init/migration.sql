-- CreateTable
CREATE TABLE "outlets" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "articles" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "articles_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "outlets" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "people" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "person_aliases" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "skeleton" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL,
    CONSTRAINT "person_aliases_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "mentions" (
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "publishedOn" TEXT,

    PRIMARY KEY ("articleId", "personId"),
    CONSTRAINT "mentions_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "mentions_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "quotes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "publishedOn" TEXT,
    "outletId" INTEGER,
    CONSTRAINT "quotes_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "quotes_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "topics" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "article_topics" (
    "articleId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "publishedOn" TEXT,

    PRIMARY KEY ("articleId", "topicId"),
    CONSTRAINT "article_topics_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "article_topics_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "topics" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "outlets_slug_key" ON "outlets"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "articles_url_key" ON "articles"("url");

-- CreateIndex
CREATE UNIQUE INDEX "articles_contentHash_key" ON "articles"("contentHash");

-- CreateIndex
CREATE INDEX "articles_publishedOn_id_idx" ON "articles"("publishedOn", "id");

-- CreateIndex
CREATE INDEX "articles_outletId_publishedOn_id_idx" ON "articles"("outletId", "publishedOn", "id");

-- CreateIndex
CREATE INDEX "articles_ingestedAt_idx" ON "articles"("ingestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "people_slug_key" ON "people"("slug");

-- CreateIndex
CREATE INDEX "person_aliases_key_idx" ON "person_aliases"("key");

-- CreateIndex
CREATE INDEX "person_aliases_skeleton_idx" ON "person_aliases"("skeleton");

-- CreateIndex
CREATE INDEX "person_aliases_slug_idx" ON "person_aliases"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "person_aliases_personId_alias_key" ON "person_aliases"("personId", "alias");

-- CreateIndex
CREATE INDEX "mentions_personId_publishedOn_articleId_idx" ON "mentions"("personId", "publishedOn", "articleId");

-- CreateIndex
CREATE INDEX "quotes_speakerId_publishedOn_id_idx" ON "quotes"("speakerId", "publishedOn", "id");

-- CreateIndex
CREATE INDEX "quotes_publishedOn_id_idx" ON "quotes"("publishedOn", "id");

-- CreateIndex
CREATE INDEX "quotes_outletId_publishedOn_id_idx" ON "quotes"("outletId", "publishedOn", "id");

-- CreateIndex
CREATE UNIQUE INDEX "quotes_articleId_position_key" ON "quotes"("articleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "topics_slug_key" ON "topics"("slug");

-- CreateIndex
CREATE INDEX "article_topics_topicId_publishedOn_articleId_idx" ON "article_topics"("topicId", "publishedOn", "articleId");

