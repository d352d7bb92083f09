-- One article per url and per content hash is kept by article_keys, the table the duplicate
-- check reads (and PostgreSQL's only such keys, since its articles are partitioned by year):
-- the same two unique indexes on articles were two more places at random in the file for
-- each insert.
-- DropIndex
DROP INDEX "articles_url_key";

-- DropIndex
DROP INDEX "articles_contentHash_key";

