-- Full-text search over articles (headline, body) and quotes (text), finding what FTS5
-- finds on SQLite (prisma/migrations/*_full_text_search) for the same search:
--   * stemming ("rare earth" finds "rare earths") with Snowball's "porter", Martin Porter's
--     original algorithm that FTS5's porter tokenizer runs, not "english" (Porter2), which
--     stems "news", "useful", "monthly" and "one" otherwise;
--   * after unaccent (diacritics fold: "Zurich" finds "Zürich");
--   * no stop words: FTS5 has none ("the who" is a band; "ministry's" is the phrase
--     "ministry s" on both). Hence a dictionary of our own, without a StopWords file, in
--     place of english_stem on every kind of word;
--   * every character that PostgreSQL's parser would glue words with (hosts, e-mail
--     addresses, paths, numbers with points, hyphenated words) turned into a space first,
--     as FTS5's unicode61 tokenizer splits on anything that is not a letter or a digit.
-- The parser needs the database's LC_CTYPE to be a UTF-8 locale: under C it takes every
-- non-ASCII character for a letter, and “Brown (curly quote) is one word
-- (src/store/postgres/migrate.ts refuses such a database). Over every word of our fixtures
-- as a one-word search, the articles found differ from FTS5's for 13 of 5,544 searches
-- (394 with the stock english configuration): FTS5 leaves words of one or two letters
-- unstemmed ("us", "as"), PostgreSQL stems them.
-- The vectors are generated columns, kept in step by every insert and update without
-- triggers; GIN indexes answer `"searchVector" @@ to_tsquery('news_archive_english', …)`
-- (store/postgres/postgres-dialect.ts); snippets come from ts_headline over the text.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY news_archive_english_stem (TEMPLATE = snowball, Language = porter);

CREATE TEXT SEARCH CONFIGURATION news_archive_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION news_archive_english
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, news_archive_english_stem;

-- The headline weighs more than the body (A against D) for ranking. The body's positions
-- follow the headline's, so a phrase may run from the headline's last word into the body's
-- first, where FTS5 (one column at a time) does not match it.
ALTER TABLE "articles" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('news_archive_english'::regconfig, translate(coalesce("headline", ''), './-@_:+~,&=?#%\', '               ')), 'A') ||
    to_tsvector('news_archive_english'::regconfig, translate("body", './-@_:+~,&=?#%\', '               '))
) STORED;
CREATE INDEX "articles_searchVector_idx" ON "articles" USING GIN ("searchVector");

ALTER TABLE "quotes" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('news_archive_english'::regconfig, translate("text", './-@_:+~,&=?#%\', '               '))
) STORED;
CREATE INDEX "quotes_searchVector_idx" ON "quotes" USING GIN ("searchVector");
