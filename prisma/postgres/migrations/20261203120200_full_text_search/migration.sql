-- Full-text search over articles (headline, body) and quotes (text), as FTS5 gives SQLite
-- (prisma/migrations/*_full_text_search): English stemming ("rare earth" finds "rare
-- earths") after unaccent (diacritics fold: "Zurich" finds "Zürich"), and no stop words:
-- FTS5's porter tokenizer has none, and the same search must find the same articles on
-- both stores ("the who" is a search for a band; "ministry's" the phrase "ministry s" on
-- both). Hence a stemming dictionary of our own, made without a StopWords file, in place
-- of PostgreSQL's english_stem on every kind of word; and Snowball's "porter" language,
-- Martin Porter's original algorithm that FTS5's porter tokenizer runs, not "english"
-- (Porter2), which stems differently ("news", "useful", "monthly", "one"): over the words
-- of our fixtures as one-word searches, "english" found other articles than FTS5 for 394
-- of 5,544 searches, "porter" for 170 (the rest: tokens PostgreSQL's parser keeps whole,
-- such as hosts, e-mail addresses and numbers with punctuation, and FTS5 leaving words of
-- one or two letters unstemmed). The search vectors
-- are generated columns, so every insert and update keeps them in step without triggers,
-- and GIN indexes answer `"searchVector" @@ to_tsquery('news_archive_english', …)`
-- (store/postgres/postgres-dialect.ts). Snippets come from ts_headline over the text itself.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY news_archive_english_stem (TEMPLATE = snowball, Language = porter);

CREATE TEXT SEARCH CONFIGURATION news_archive_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION news_archive_english
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, news_archive_english_stem;

-- The headline weighs more than the body (A against D) for ranking; phrases match within either.
ALTER TABLE "articles" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('news_archive_english'::regconfig, coalesce("headline", '')), 'A') ||
    to_tsvector('news_archive_english'::regconfig, "body")
) STORED;
CREATE INDEX "articles_searchVector_idx" ON "articles" USING GIN ("searchVector");

ALTER TABLE "quotes" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('news_archive_english'::regconfig, "text")
) STORED;
CREATE INDEX "quotes_searchVector_idx" ON "quotes" USING GIN ("searchVector");
