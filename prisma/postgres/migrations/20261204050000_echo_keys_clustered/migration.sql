-- The key index carries "publishedOn" too, so finding a new quote's echo candidates in a
-- date window reads the index alone, not a table row per matching key (about nine per
-- stored quote of the same remark). Written by hand: Prisma's schema cannot say INCLUDE.
ALTER TABLE "quote_echo_keys" DROP CONSTRAINT "quote_echo_keys_pkey";
ALTER TABLE "quote_echo_keys" ADD CONSTRAINT "quote_echo_keys_pkey" PRIMARY KEY ("key", "quoteId") INCLUDE ("publishedOn");
