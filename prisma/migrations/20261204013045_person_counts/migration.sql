-- A person's counts kept on their row (see Person in schema.prisma), added to by each
-- article's ingest from here on. Written by hand: Prisma's diff rebuilds the table to add a
-- column, and dropping "people" inside the migration's transaction, where SQLite ignores
-- PRAGMA foreign_keys, would cascade into every table that names a person.
ALTER TABLE "people" ADD COLUMN "articleCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "people" ADD COLUMN "mentionCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "people" ADD COLUMN "quoteCount" INTEGER NOT NULL DEFAULT 0;

-- The people already stored, counted once (each an index range of mentions and of quotes).
UPDATE "people" SET
    "articleCount" = (SELECT count(*) FROM "mentions" WHERE "personId" = "people"."id"),
    "mentionCount" = (SELECT coalesce(sum("count"), 0) FROM "mentions" WHERE "personId" = "people"."id"),
    "quoteCount" = (SELECT count(*) FROM "quotes" WHERE "speakerId" = "people"."id");
