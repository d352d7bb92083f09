import { createHash } from "node:crypto";
import Database from "better-sqlite3";

export interface BulkArchiveShape {
  articles: number;
  /** Characters of body text per article. */
  bodyLength: number;
  outlets?: number;
  people?: number;
  topics?: number;
  quotesPerArticle?: number;
}

const WORDS = "harbour minister ferry tariff sanction pipeline election turbine glacier census budget strike drought quota vessel treaty".split(" ");

/** Invented body text of about `length` characters; `seed` makes each article's words differ. */
function bodyText(seed: number, length: number): string {
  const words: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const word = WORDS[(seed * 7 + i * 13 + (i >> 3)) % WORDS.length];
    words.push(i % 17 === 16 ? `${word}.\n\n` : word);
    size += word.length + 1;
  }
  return words.join(" ").slice(0, length);
}

/**
 * Fills the archive at `path` straight through SQL, in one transaction: thousands of articles
 * in seconds, with outlets, people, mentions, quotes and topics spread over them. For tests
 * of reading at scale; extraction is tested elsewhere.
 */
export function insertBulkArticles(path: string, shape: BulkArchiveShape): void {
  const { articles, bodyLength, outlets = 5, people = 20, topics = 4, quotesPerArticle = 2 } = shape;
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  const ingestedAt = new Date().toISOString().replace(/Z$/, "+00:00");
  db.transaction(() => {
    const outlet = db.prepare(`INSERT INTO outlets (slug, name) VALUES (?, ?)`);
    for (let i = 0; i < outlets; i++) outlet.run(`bulk-outlet-${i}`, `Bulk Outlet ${i}`);
    const person = db.prepare(`INSERT INTO people (slug, name) VALUES (?, ?)`);
    for (let i = 0; i < people; i++) person.run(`bulk-person-${i}`, `Bulk Person ${i}`);
    const topic = db.prepare(`INSERT INTO topics (slug, name) VALUES (?, ?)`);
    for (let i = 0; i < topics; i++) topic.run(`bulk-topic-${i}`, `bulk topic ${i}`);
    const [firstOutlet, firstPerson, firstTopic] = ["outlets", "people", "topics"].map(
      (t) => (db.prepare(`SELECT min(id) AS id FROM ${t} WHERE slug LIKE 'bulk-%'`).get() as { id: number }).id,
    );

    const article = db.prepare(
      `INSERT INTO articles ("outletId", headline, body, "publishedOn", url, "contentHash", "sourceFile", "ingestedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const mention = db.prepare(`INSERT INTO mentions ("articleId", "personId", count, "publishedOn") VALUES (?, ?, ?, ?)`);
    const quote = db.prepare(`INSERT INTO quotes ("articleId", "speakerId", text, position, "publishedOn", "outletId") VALUES (?, ?, ?, ?, ?, ?)`);
    const commit = db.prepare(`INSERT INTO article_commits ("articleId", "committedAt") VALUES (?, ?)`);
    const articleTopic = db.prepare(`INSERT INTO article_topics ("articleId", "topicId", score, "publishedOn") VALUES (?, ?, ?, ?)`);
    for (let i = 0; i < articles; i++) {
      const outletId = firstOutlet + (i % outlets);
      const publishedOn = `20${20 + (i % 6)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
      const body = bodyText(i, bodyLength);
      const { lastInsertRowid } = article.run(
        outletId,
        `Bulk article ${i}`,
        body,
        publishedOn,
        `https://bulk.example/${i}`,
        createHash("sha256").update(`bulk ${i}`).digest("hex"),
        `bulk-${i}.txt`,
        ingestedAt,
      );
      const articleId = Number(lastInsertRowid);
      const speakers = [firstPerson + (i % people), firstPerson + ((i + 7) % people)];
      for (const personId of new Set(speakers)) mention.run(articleId, personId, 2, publishedOn);
      for (let q = 0; q < quotesPerArticle; q++) {
        quote.run(articleId, speakers[q % speakers.length], `Remark ${q} of bulk article ${i}`, 10 + q * 40, publishedOn, outletId);
      }
      articleTopic.run(articleId, firstTopic + (i % topics), 0.8, publishedOn);
      commit.run(articleId, ingestedAt);
    }
  })();
  db.close();
}
