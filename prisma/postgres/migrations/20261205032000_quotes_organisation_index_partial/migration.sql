-- The quotes' index by organisation holds only the quotes an organisation said. Most quotes
-- are a person's, with no organisation, and each of them was one more index entry at a random
-- place in the file (by date) for nothing: every read of the index asks for organisations by
-- id, which no such entry matches. Written by hand: a Prisma schema has no partial indexes,
-- so the schema keeps its @@index as it was, with a note.
DROP INDEX "quotes_organisationId_publishedOn_id_idx";
CREATE INDEX "quotes_organisationId_publishedOn_id_idx" ON "quotes"("organisationId", "publishedOn" DESC NULLS LAST, "id" ASC) WHERE "organisationId" IS NOT NULL;
