-- CreateTable
CREATE TABLE "outlets" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "outlets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_aliases" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "skeleton" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL,

    CONSTRAINT "person_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_keys" (
    "key" TEXT NOT NULL,
    "publishedOn" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "story_keys_pkey" PRIMARY KEY ("key","publishedOn","articleId")
);

-- CreateTable
CREATE TABLE "mentions" (
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "publishedOn" TEXT,

    CONSTRAINT "mentions_pkey" PRIMARY KEY ("articleId","personId")
);

-- CreateTable
CREATE TABLE "quotes" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "publishedOn" TEXT,
    "outletId" INTEGER,
    "statementId" INTEGER,
    "organisationId" INTEGER,

    CONSTRAINT "quotes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_topics" (
    "articleId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "publishedOn" TEXT,

    CONSTRAINT "article_topics_pkey" PRIMARY KEY ("articleId","topicId")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" SERIAL NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "firstReportedOn" TEXT,
    "lastReportedOn" TEXT,
    "reportCount" INTEGER NOT NULL,
    "outletCount" INTEGER NOT NULL,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stories" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "startedOn" TEXT,
    "lastUpdatedOn" TEXT,
    "articleCount" INTEGER NOT NULL,

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisations" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "articles_storyId_publishedOn_id_idx" ON "articles"("storyId", "publishedOn", "id");

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
CREATE INDEX "story_keys_articleId_idx" ON "story_keys"("articleId");

-- CreateIndex
CREATE INDEX "mentions_personId_publishedOn_articleId_idx" ON "mentions"("personId", "publishedOn", "articleId");

-- CreateIndex
CREATE INDEX "quotes_statementId_idx" ON "quotes"("statementId");

-- CreateIndex
CREATE INDEX "quotes_speakerId_publishedOn_id_idx" ON "quotes"("speakerId", "publishedOn", "id");

-- CreateIndex
CREATE INDEX "quotes_organisationId_publishedOn_id_idx" ON "quotes"("organisationId", "publishedOn", "id");

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

-- CreateIndex
CREATE INDEX "statements_speakerId_firstReportedOn_id_idx" ON "statements"("speakerId", "firstReportedOn", "id");

-- CreateIndex
CREATE INDEX "statements_firstReportedOn_id_idx" ON "statements"("firstReportedOn", "id");

-- CreateIndex
CREATE INDEX "statements_outletCount_idx" ON "statements"("outletCount");

-- CreateIndex
CREATE INDEX "stories_lastUpdatedOn_id_idx" ON "stories"("lastUpdatedOn", "id");

-- CreateIndex
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations"("slug");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "outlets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "stories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_aliases" ADD CONSTRAINT "person_aliases_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_keys" ADD CONSTRAINT "story_keys_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "statements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

