-- Full-text search over articles (headline, body) and quotes (text).
-- External-content FTS5 tables: the text is stored once, in articles/quotes; the index
-- holds only tokens, and triggers keep it in step with every insert, update and delete.
-- porter + unicode61: "rare earth" finds "rare earths"; diacritics fold (accents do not split a word).

CREATE VIRTUAL TABLE "article_search" USING fts5(
    headline, body,
    content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "articles_search_insert" AFTER INSERT ON "articles" BEGIN
    INSERT INTO "article_search"(rowid, headline, body) VALUES (new."id", new."headline", new."body");
END;

CREATE TRIGGER "articles_search_delete" AFTER DELETE ON "articles" BEGIN
    INSERT INTO "article_search"("article_search", rowid, headline, body) VALUES ('delete', old."id", old."headline", old."body");
END;

CREATE TRIGGER "articles_search_update" AFTER UPDATE OF "headline", "body" ON "articles" BEGIN
    INSERT INTO "article_search"("article_search", rowid, headline, body) VALUES ('delete', old."id", old."headline", old."body");
    INSERT INTO "article_search"(rowid, headline, body) VALUES (new."id", new."headline", new."body");
END;

CREATE VIRTUAL TABLE "quote_search" USING fts5(
    text,
    content='quotes', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "quotes_search_insert" AFTER INSERT ON "quotes" BEGIN
    INSERT INTO "quote_search"(rowid, text) VALUES (new."id", new."text");
END;

CREATE TRIGGER "quotes_search_delete" AFTER DELETE ON "quotes" BEGIN
    INSERT INTO "quote_search"("quote_search", rowid, text) VALUES ('delete', old."id", old."text");
END;

CREATE TRIGGER "quotes_search_update" AFTER UPDATE OF "text" ON "quotes" BEGIN
    INSERT INTO "quote_search"("quote_search", rowid, text) VALUES ('delete', old."id", old."text");
    INSERT INTO "quote_search"(rowid, text) VALUES (new."id", new."text");
END;
