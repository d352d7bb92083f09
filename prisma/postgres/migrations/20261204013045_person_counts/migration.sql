-- A person's counts kept on their row (see Person in schema.prisma), added to by each
-- article's ingest from here on. Written by hand, as SQLite's is (prisma/migrations).
ALTER TABLE "people"
    ADD COLUMN "articleCount" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "mentionCount" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "quoteCount" INTEGER NOT NULL DEFAULT 0;

-- The people already stored, counted once (each an index range of mentions and of quotes).
UPDATE "people" SET
    "articleCount" = (SELECT count(*) FROM "mentions" WHERE "personId" = "people"."id"),
    "mentionCount" = (SELECT coalesce(sum("count"), 0)::integer FROM "mentions" WHERE "personId" = "people"."id"),
    "quoteCount" = (SELECT count(*) FROM "quotes" WHERE "speakerId" = "people"."id");
