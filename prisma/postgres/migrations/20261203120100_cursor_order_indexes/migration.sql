-- The indexes the cursors read, in the order they read them, NULL order included. Every
-- list sorts a NULL date before every date in ascending order and after every date in
-- descending order (SQLite's rule, which the cursors were made with); PostgreSQL's default
-- is the other way round, and an index declared without the cursor's NULL order makes
-- every page sort its rows instead of walking the index. Prisma's schema cannot say NULLS
-- FIRST, so the indexes it made are made again here.
--   articles, mentions, topics: "publishedOn" ASC NULLS FIRST, id ASC, read forwards for
--     oldest first and backwards (DESC NULLS LAST, id DESC) for newest first.
--   quotes: "publishedOn" DESC NULLS LAST, id ASC (newest first, in stored order within a day).
--   statements, stories: newest first, read backwards.

DROP INDEX "articles_publishedOn_id_idx";
CREATE INDEX "articles_publishedOn_id_idx" ON "articles"("publishedOn" ASC NULLS FIRST, "id" ASC);
DROP INDEX "articles_outletId_publishedOn_id_idx";
CREATE INDEX "articles_outletId_publishedOn_id_idx" ON "articles"("outletId", "publishedOn" ASC NULLS FIRST, "id" ASC);
DROP INDEX "articles_storyId_publishedOn_id_idx";
CREATE INDEX "articles_storyId_publishedOn_id_idx" ON "articles"("storyId", "publishedOn" ASC NULLS FIRST, "id" ASC);
DROP INDEX "mentions_personId_publishedOn_articleId_idx";
CREATE INDEX "mentions_personId_publishedOn_articleId_idx" ON "mentions"("personId", "publishedOn" ASC NULLS FIRST, "articleId" ASC);
DROP INDEX "article_topics_topicId_publishedOn_articleId_idx";
CREATE INDEX "article_topics_topicId_publishedOn_articleId_idx" ON "article_topics"("topicId", "publishedOn" ASC NULLS FIRST, "articleId" ASC);

DROP INDEX "quotes_publishedOn_id_idx";
CREATE INDEX "quotes_publishedOn_id_idx" ON "quotes"("publishedOn" DESC NULLS LAST, "id" ASC);
DROP INDEX "quotes_speakerId_publishedOn_id_idx";
CREATE INDEX "quotes_speakerId_publishedOn_id_idx" ON "quotes"("speakerId", "publishedOn" DESC NULLS LAST, "id" ASC);
DROP INDEX "quotes_organisationId_publishedOn_id_idx";
CREATE INDEX "quotes_organisationId_publishedOn_id_idx" ON "quotes"("organisationId", "publishedOn" DESC NULLS LAST, "id" ASC);
DROP INDEX "quotes_outletId_publishedOn_id_idx";
CREATE INDEX "quotes_outletId_publishedOn_id_idx" ON "quotes"("outletId", "publishedOn" DESC NULLS LAST, "id" ASC);

DROP INDEX "statements_firstReportedOn_id_idx";
CREATE INDEX "statements_firstReportedOn_id_idx" ON "statements"("firstReportedOn" ASC NULLS FIRST, "id" ASC);
DROP INDEX "statements_speakerId_firstReportedOn_id_idx";
CREATE INDEX "statements_speakerId_firstReportedOn_id_idx" ON "statements"("speakerId", "firstReportedOn" ASC NULLS FIRST, "id" ASC);
DROP INDEX "stories_lastUpdatedOn_id_idx";
CREATE INDEX "stories_lastUpdatedOn_id_idx" ON "stories"("lastUpdatedOn" ASC NULLS FIRST, "id" ASC);
