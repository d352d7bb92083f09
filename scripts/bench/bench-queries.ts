// The eight questions the benchmark asks, each twice: as a GraphQL request over HTTP to the
// real server, and, on SQLite, as hand-written SQL through better-sqlite3 on the same file
// (the floor: what the answer costs with no API and no HTTP in between).
import type Database from "better-sqlite3";
import { toGlobalId } from "../../src/graphql/global-id.js";

export interface BenchQuery {
  name: string;
  /** One HTTP request (or, for the cursor walk, the last of several); returns the rows it got. */
  http(post: Post): Promise<number>;
  /** The same answer straight from SQLite; returns the rows it got. None on PostgreSQL. */
  raw: (() => number) | null;
  /** Run once before timing (the cursor walk finds its last cursor here). */
  prepare?(post: Post): Promise<void>;
}

export type Post = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Arguments aimed at rows that exist: the busiest outlet, person, speaker and story. */
export interface BenchTargets {
  outletSlug: string;
  outletId: number;
  from: string;
  to: string;
  personSlug: string;
  personId: number;
  speakerSlug: string;
  speakerId: number;
  searchWord: string;
  storyId: number;
  outletArticles: number;
}

/** The first row of a query on the benchmark's archive, whichever engine holds it. */
export type FirstRow = <T>(sql: string) => Promise<T>;

export async function findTargets(first: FirstRow): Promise<BenchTargets> {
  const outlet = await first<{ id: number; slug: string; n: number }>(`SELECT o.id, o.slug, count(*) AS n FROM articles a JOIN outlets o ON o.id = a."outletId" GROUP BY o.id ORDER BY n DESC LIMIT 1`);
  const person = await first<{ id: number; slug: string }>(`SELECT p.id, p.slug FROM mentions m JOIN people p ON p.id = m."personId" GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`);
  const speaker = await first<{ id: number; slug: string }>(`SELECT p.id, p.slug FROM quotes q JOIN people p ON p.id = q."speakerId" GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`);
  const story = await first<{ id: number }>(`SELECT id FROM stories ORDER BY "articleCount" DESC, id LIMIT 1`);
  const days = await first<{ lo: string; hi: string }>(`SELECT min("publishedOn") AS lo, max("publishedOn") AS hi FROM articles`);
  // A range of about two of the ten years, in the middle.
  const mid = (new Date(days.lo).getTime() + new Date(days.hi).getTime()) / 2;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  // PostgreSQL's count is a bigint, which pg hands over as text.
  return {
    outletSlug: outlet.slug, outletId: Number(outlet.id), outletArticles: Number(outlet.n),
    from: iso(mid - 365 * 86_400_000), to: iso(mid + 365 * 86_400_000),
    personSlug: person.slug, personId: Number(person.id),
    speakerSlug: speaker.slug, speakerId: Number(speaker.id),
    searchWord: "tankers",
    storyId: Number(story.id),
  };
}

function edgesOf(result: any, path: string[]): number {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors).slice(0, 500)}`);
  let node = result.data;
  for (const key of path) node = node?.[key];
  return Array.isArray(node) ? node.length : typeof node === "number" ? node : 0;
}

/** The questions; with `db` (SQLite), each with its raw floor. */
export function benchQueries(t: BenchTargets, pageNumber: number, db: Database.Database | null): BenchQuery[] {
  const queries = httpQueries(t, pageNumber);
  if (!db) return queries.map((q) => ({ ...q, raw: null }));
  const floors = sqliteFloors(db, t);
  return queries.map((q, i) => ({ ...q, raw: floors[i] }));
}

const BROAD_FROM = "2017-01-01";

// Set by the cursor walk's prepare over HTTP, read by its floor.
let lastCursor: string | null = null;
let lastKey: { publishedOn: string; id: number } | null = null;

/** Each question's answer in hand-written SQL, in the order of httpQueries. */
function sqliteFloors(db: Database.Database, t: BenchTargets): (() => number)[] {
  const articleRows = db.prepare(`SELECT a.id, a.headline, a."publishedOn", o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a."outletId" WHERE a.id IN (SELECT value FROM json_each(?))`);
  const peopleOf = db.prepare(`SELECT m."articleId", p.name FROM mentions m JOIN people p ON p.id = m."personId" WHERE m."articleId" IN (SELECT value FROM json_each(?)) ORDER BY m."articleId", m.count DESC`);
  const withRows = (ids: { id: number }[]) => articleRows.all(JSON.stringify(ids.map((r) => r.id))).length;

  const byOutlet = db.prepare(`SELECT id FROM articles WHERE "outletId" = ? AND "publishedOn" BETWEEN ? AND ? ORDER BY "publishedOn" DESC, id DESC LIMIT 20`);
  const byPerson = db.prepare(`SELECT "articleId" AS id FROM mentions WHERE "personId" = ? ORDER BY "publishedOn" DESC, "articleId" DESC LIMIT 20`);
  const search = db.prepare(
    // The index numbers its rows in (publishedOn, id) order (migration article_search_in_date_order).
    `SELECT a.id, a.headline, snippet(article_search, 1, '<mark>', '</mark>', '…', 24) AS snippet
     FROM article_search JOIN articles a ON a."searchRank" = article_search.rowid
     WHERE article_search MATCH ? ORDER BY article_search.rowid DESC LIMIT 20`,
  );
  const quotes = db.prepare(
    `SELECT q.text, a.headline, o.name FROM quotes q JOIN articles a ON a.id = q."articleId" LEFT JOIN outlets o ON o.id = q."outletId"
     WHERE q."speakerId" = ? ORDER BY q."publishedOn" DESC, q.id ASC LIMIT 50`,
  );
  const pageAfter = db.prepare(
    `SELECT id FROM articles WHERE "outletId" = ? AND ("publishedOn" < ? OR ("publishedOn" = ? AND id < ?)) ORDER BY "publishedOn" DESC, id DESC LIMIT 20`,
  );
  const broadCount = db.prepare(`SELECT count(*) AS n FROM articles WHERE "publishedOn" >= ?`);
  const personPage = [
    db.prepare(`SELECT id, name FROM people WHERE slug = ?`),
    db.prepare(`SELECT alias FROM person_aliases WHERE "personId" = ?`),
    db.prepare(`SELECT count(*) AS n FROM mentions WHERE "personId" = ?`),
    db.prepare(`SELECT count(*) AS n FROM quotes WHERE "speakerId" = ?`),
  ];
  const storyStatements = db.prepare(
    `SELECT s.id, s.text, s."reportCount", s."outletCount", p.name FROM statements s JOIN people p ON p.id = s."speakerId"
     WHERE s.id IN (SELECT q."statementId" FROM quotes q JOIN articles a ON a.id = q."articleId" WHERE a."storyId" = ?)
     ORDER BY s."firstReportedOn" DESC, s.id DESC LIMIT 20`,
  );
  return [
    () => withRows(byOutlet.all(t.outletId, t.from, t.to) as { id: number }[]),
    () => {
      const ids = byPerson.all(t.personId) as { id: number }[];
      peopleOf.all(JSON.stringify(ids.map((r) => r.id)));
      return withRows(ids);
    },
    () => search.all(`"${t.searchWord}"`).length,
    () => quotes.all(t.speakerId).length,
    () => withRows((lastKey ? pageAfter.all(t.outletId, lastKey.publishedOn, lastKey.publishedOn, lastKey.id) : byOutlet.all(t.outletId, "0000", "9999")) as { id: number }[]),
    () => (broadCount.get(BROAD_FROM) as { n: number }).n,
    () => {
      const person = personPage[0].get(t.personSlug) as { id: number };
      const aliases = personPage[1].all(person.id);
      personPage[2].get(person.id);
      personPage[3].get(person.id);
      return aliases.length;
    },
    () => storyStatements.all(t.storyId).length,
  ];
}

function httpQueries(t: BenchTargets, pageNumber: number): Omit<BenchQuery, "raw">[] {
  const outletPageQuery = `query OutletPage($outlet: String!, $after: String) {
    articles(first: 20, after: $after, filter: { outlets: [$outlet] }) { edges { cursor node { id headline publishedOn } } pageInfo { endCursor hasNextPage } }
  }`;

  return [
    {
      name: "articles by outlet and date range, first 20",
      http: async (post) => edgesOf(await post(`query($o: String!, $from: Date, $to: Date) { articles(first: 20, filter: { outlets: [$o], publishedAfter: $from, publishedBefore: $to }) { edges { node { id headline publishedOn outlet { name } } } } }`, { o: t.outletSlug, from: t.from, to: t.to }), ["articles", "edges"]),
    },
    {
      name: "articles mentioning a person, first 20, with outlet and people",
      http: async (post) => edgesOf(await post(`query($p: String!) { articles(first: 20, filter: { people: [$p] }) { edges { node { id headline publishedOn outlet { name } people { name } } } } }`, { p: t.personSlug }), ["articles", "edges"]),
    },
    {
      name: "full-text search, first 20, with snippet",
      http: async (post) => edgesOf(await post(`query($s: String!) { articles(first: 20, filter: { search: $s }) { edges { node { id headline snippet(search: $s) } } } }`, { s: t.searchWord }), ["articles", "edges"]),
    },
    {
      name: "quotes by speaker with article and outlet, first 50",
      http: async (post) => edgesOf(await post(`query($p: String!) { quotes(first: 50, filter: { speakers: [$p] }) { edges { node { text article { headline outlet { name } } } } } }`, { p: t.speakerSlug }), ["quotes", "edges"]),
    },
    {
      name: `page ${pageNumber} of an outlet's articles by cursor`,
      async prepare(post) {
        let after: string | null = null;
        let last: any = null;
        for (let page = 1; page < pageNumber; page++) {
          const result = await post(outletPageQuery, { outlet: t.outletSlug, after });
          last = result.data.articles;
          after = last.pageInfo.endCursor;
        }
        lastCursor = after;
        const node = last?.edges.at(-1)?.node;
        lastKey = node ? { publishedOn: node.publishedOn, id: Number(Buffer.from(node.id, "base64url").toString().split(":")[1]) } : null;
      },
      http: async (post) => edgesOf(await post(outletPageQuery, { outlet: t.outletSlug, after: lastCursor }), ["articles", "edges"]),
    },
    {
      name: "totalCount of a broad filter",
      http: async (post) => edgesOf(await post(`query($from: Date) { articles(first: 1, filter: { publishedAfter: $from }) { totalCount } }`, { from: BROAD_FROM }), ["articles", "totalCount"]),
    },
    {
      name: "person page with counts",
      http: async (post) => (edgesOf(await post(`query($p: String!) { person(slug: $p) { name aliases articleCount quoteCount } }`, { p: t.personSlug }), ["person", "aliases"])),
    },
    {
      name: "statements of a story",
      http: async (post) => edgesOf(await post(`query($id: ID!) { node(id: $id) { ... on Story { title statements(first: 20) { totalCount edges { node { text reportCount outletCount speaker { name } } } } } } }`, { id: toGlobalId("Story", t.storyId) }), ["node", "statements", "edges"]),
    },
  ];
}
