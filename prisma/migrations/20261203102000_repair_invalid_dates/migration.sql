-- Dates stored before every source of a date was checked: a manifest could store
-- "2025-02-30", which the API then could not serve. A stored value that is not a calendar
-- day between 1800-01-01 and 2199-12-31 becomes NULL (unknown), and the dates derived
-- from it (story and statement spans) are taken again from what remains.
UPDATE "articles" SET "publishedOn" = NULL
  WHERE "publishedOn" IS NOT NULL AND (date("publishedOn") IS NOT "publishedOn" OR "publishedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31');
UPDATE "quotes" SET "publishedOn" = NULL
  WHERE "publishedOn" IS NOT NULL AND (date("publishedOn") IS NOT "publishedOn" OR "publishedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31');
UPDATE "mentions" SET "publishedOn" = NULL
  WHERE "publishedOn" IS NOT NULL AND (date("publishedOn") IS NOT "publishedOn" OR "publishedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31');
UPDATE "article_topics" SET "publishedOn" = NULL
  WHERE "publishedOn" IS NOT NULL AND (date("publishedOn") IS NOT "publishedOn" OR "publishedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31');
DELETE FROM "story_keys"
  WHERE date("publishedOn") IS NOT "publishedOn" OR "publishedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31';
UPDATE "stories" SET
    "startedOn" = (SELECT min("publishedOn") FROM "articles" WHERE "storyId" = "stories"."id"),
    "lastUpdatedOn" = (SELECT max("publishedOn") FROM "articles" WHERE "storyId" = "stories"."id")
  WHERE (date("startedOn") IS NOT "startedOn" OR "startedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31')
     OR (date("lastUpdatedOn") IS NOT "lastUpdatedOn" OR "lastUpdatedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31');
UPDATE "statements" SET
    "firstReportedOn" = (SELECT min("publishedOn") FROM "quotes" WHERE "statementId" = "statements"."id"),
    "lastReportedOn" = (SELECT max("publishedOn") FROM "quotes" WHERE "statementId" = "statements"."id")
  WHERE (date("firstReportedOn") IS NOT "firstReportedOn" OR "firstReportedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31')
     OR (date("lastReportedOn") IS NOT "lastReportedOn" OR "lastReportedOn" NOT BETWEEN '1800-01-01' AND '2199-12-31');
