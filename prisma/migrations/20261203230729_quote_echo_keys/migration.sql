-- Verbatim-echo keys of quotes: see QuoteEchoKey in schema.prisma. Filled for the quotes
-- already stored by the first start after this migration (src/store/echo-keys.ts).
-- CreateTable
CREATE TABLE "quote_echo_keys" (
    "key" BIGINT NOT NULL,
    "quoteId" INTEGER NOT NULL,
    "publishedOn" TEXT,

    PRIMARY KEY ("key", "quoteId")
);

