-- Which format each article came from (issue 17). Added in place, as storyFeatures was:
-- Prisma's diff rebuilds the table, which would drop the full-text triggers on it.
ALTER TABLE "articles" ADD COLUMN "sourceFormat" TEXT NOT NULL DEFAULT 'text';

-- Articles stored before the column existed: the format their source name shows. A WARC
-- record or a news-please line is named "file#offset"; a page ends in .htm(l)(.gz).
UPDATE "articles" SET "sourceFormat" = CASE
  WHEN "sourceFile" LIKE '%.warc#%' OR "sourceFile" LIKE '%.warc.gz#%' THEN 'warc'
  WHEN "sourceFile" LIKE '%.json#%' OR "sourceFile" LIKE '%.jsonl#%' OR "sourceFile" LIKE '%.ndjson#%' OR "sourceFile" LIKE '%.json' THEN 'news-please'
  WHEN "sourceFile" LIKE '%.htm' OR "sourceFile" LIKE '%.html' OR "sourceFile" LIKE '%.htm.gz' OR "sourceFile" LIKE '%.html.gz' OR "sourceFile" LIKE '%.xhtml' THEN 'html'
  ELSE 'text'
END;
