-- Organisations that speak ("the ministry said in a statement"). Written by hand, as the
-- statements migration was: `prisma migrate diff` redefines quotes (copy, DROP, rename) to
-- add the foreign key, which would drop its FTS5 triggers and copy every row. SQLite adds a
-- NULL-default REFERENCES column in place.

CREATE TABLE "organisations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations"("slug");

ALTER TABLE "quotes" ADD COLUMN "organisationId" INTEGER REFERENCES "organisations" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "quotes_organisationId_publishedOn_id_idx" ON "quotes"("organisationId", "publishedOn", "id");
