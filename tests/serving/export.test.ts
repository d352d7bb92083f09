import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleDraft, SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixtureOn, type ApiFixture } from "../support/api-fixture.js";
import { describeOnEachStore, type TestStore } from "../support/test-stores.js";

describeOnEachStore("exports", (engine) => {
  let api: ApiFixture<TestStore>;
  beforeAll(async () => {
    api = await startApiFixtureOn(engine, SMALL_ARCHIVE);
  });
  afterAll(() => api?.close());

  async function pull(path: string) {
    const res = await fetch(`${api.server.url}${path}`);
    const text = await res.text();
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l));
    return { res, rows: lines.slice(0, -1), trailer: lines.at(-1) };
  }

  const graphqlTotal = async (filter: object) =>
    (await api.query(`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: filter })).data!.articles.totalCount;

  describe("GET /export/articles.ndjson", () => {
    it("streams every article as one JSON line, then a trailer saying the export is complete", async () => {
      const { res, rows, trailer } = await pull("/export/articles.ndjson");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      expect(rows).toHaveLength(SMALL_ARCHIVE.length);
      expect(trailer).toEqual({ complete: true, count: SMALL_ARCHIVE.length, latestIngestedAt: expect.any(String) });
      const arctic = rows.find((r) => r.headline === "Minister Halvorsen backs new Arctic shipping rules");
      expect(arctic).toMatchObject({
        publishedOn: "2025-01-10",
        url: "https://harbourledger.example/arctic-rules",
        outlet: { slug: "the-harbour-ledger", name: "The Harbour Ledger" },
        people: [{ slug: "ingrid-halvorsen", name: "Ingrid Halvorsen" }],
        quoteCount: 1,
      });
      expect(arctic.body).toContain("free-for-all");
      expect(arctic.topics.map((t: any) => t.slug).sort()).toEqual(["arctic", "rare-earth-metals"]);
    });

    it("gives each row the global ID the GraphQL API knows it by", async () => {
      const { rows } = await pull("/export/articles.ndjson?outlet=northwind-wire");
      const res = await api.query(`query($id: ID!) { node(id: $id) { ... on Article { headline } } }`, { id: rows[0].id });
      expect(res.data!.node.headline).toBe(rows[0].headline);
    });

    it("filters by outlet, person, topic, dates and search exactly as the GraphQL filter does", async () => {
      const cases: [string, object][] = [
        ["outlet=The%20Harbour%20Ledger", { outlets: ["The Harbour Ledger"] }],
        ["outlet=the-harbour-ledger&outlet=Meridian%20Post", { outlets: ["the-harbour-ledger", "Meridian Post"] }],
        ["person=halvorsen", { people: ["halvorsen"] }],
        ["topic=arctic&topic=shipping", { topics: ["arctic", "shipping"] }],
        ["from=2025-01-11&to=2025-03-02", { publishedAfter: "2025-01-11", publishedBefore: "2025-03-02" }],
        ["q=rare%20earth", { search: "rare earth" }],
        ["topic=arctic&from=2025-01-01&outlet=Northwind%20Wire", { topics: ["arctic"], publishedAfter: "2025-01-01", outlets: ["Northwind Wire"] }],
      ];
      for (const [query, filter] of cases) {
        const { rows, trailer } = await pull(`/export/articles.ndjson?${query}`);
        expect(rows.length, query).toBe(await graphqlTotal(filter));
        expect(trailer.count, query).toBe(rows.length);
      }
    });

    it("pulls only what was ingested since the last pull when given the trailer's latestIngestedAt", async () => {
      const first = await pull("/export/articles.ndjson");
      await new Promise((r) => setTimeout(r, 5));
      await api.archive.store.saveArticle(articleDraft({ headline: "Late harbour news", body: "Filed after the first pull.", publishedOn: "2025-05-01" }));
      const next = await pull(`/export/articles.ndjson?since=${encodeURIComponent(first.trailer.latestIngestedAt)}`);
      const fresh = next.rows.filter((r) => !first.rows.some((old) => old.id === r.id));
      expect(fresh.map((r) => r.headline)).toEqual(["Late harbour news"]);
      // `since` is inclusive, on the instant each article was committed: only the last rows of
      // the first pull, committed at or after its latest ingestedAt, come again.
      const again = next.rows.filter((r) => !fresh.includes(r));
      expect(again.length).toBeLessThan(first.rows.length);
      expect(again.every((r) => Date.parse(first.trailer.latestIngestedAt) - Date.parse(r.ingestedAt) < 1000)).toBe(true);
      expect((await pull("/export/articles.ndjson?since=2199-01-01")).trailer).toEqual({ complete: true, count: 0, latestIngestedAt: "2199-01-01T00:00:00.000Z" });
    });
  });

  describe("GET /export/quotes.ndjson", () => {
    it("streams quotes with their speaker, outlet and article, filtered by speaker and words", async () => {
      const { rows, trailer } = await pull("/export/quotes.ndjson?person=oleksandr-hrytsenko");
      expect(trailer.count).toBe(3);
      expect(rows.map((r) => r.text).sort()).toEqual(["We are ready,", "nearly ready.", "within months."]);
      expect(rows.find((r) => r.text === "nearly ready.")).toMatchObject({
        speaker: { slug: "oleksandr-hrytsenko", name: "Oleksandr Hrytsenko" },
        outlet: { slug: "meridian-post" },
        publishedOn: "2025-03-03",
        article: { headline: "Ukraine eyes summer return of passenger flights", publishedOn: "2025-03-03" },
      });
      const searched = await pull("/export/quotes.ndjson?q=ready&outlet=northwind-wire");
      expect(searched.rows.map((r) => r.text)).toEqual(["We are ready,"]);
    });
  });

  describe("exports link what the API links", () => {
    it("gives each quote line its statement's global ID and each article line its story's, as GraphQL does", async () => {
      const viaApi = await api.query(`{ quotes(first: 100) { nodes { id statement { id } } } articles(first: 100) { nodes { id story { id } } } }`);
      const statementOf = new Map(viaApi.data!.quotes.nodes.map((q: any) => [q.id, q.statement?.id ?? null]));
      const storyOf = new Map(viaApi.data!.articles.nodes.map((a: any) => [a.id, a.story?.id ?? null]));
      const quotes = (await pull("/export/quotes.ndjson")).rows;
      const articles = (await pull("/export/articles.ndjson")).rows;
      expect(quotes.filter((q) => q.statement).length).toBeGreaterThan(0);
      expect(articles.filter((a) => a.story).length).toBe(articles.length);
      for (const q of quotes) expect(q.statement?.id ?? null, q.text).toBe(statementOf.get(q.id));
      for (const a of articles) expect(a.story?.id ?? null, a.headline).toBe(storyOf.get(a.id));
    });

    it("ends an export that matched nothing with a latestIngestedAt an incremental loop can pass back as since", async () => {
      const empty = await pull("/export/articles.ndjson?q=nothingmatchesthis");
      expect(empty.trailer.count).toBe(0);
      const all = await pull("/export/articles.ndjson");
      expect(empty.trailer.latestIngestedAt).toBe(all.rows.map((r) => r.ingestedAt).sort().at(-1));
      const next = await pull(`/export/articles.ndjson?since=${encodeURIComponent(empty.trailer.latestIngestedAt)}`);
      expect(next.trailer.count).toBeGreaterThanOrEqual(1); // the articles ingested at that very instant (since is inclusive)
      // `since` compares the instant each article was committed, never before its ingestedAt: the latest comes again.
      expect(next.rows.map((r) => r.id)).toContain(all.rows.find((r) => r.ingestedAt === empty.trailer.latestIngestedAt)!.id);
    });
  });

  describe("bad export parameters", () => {
    const expectBadParameter = async (query: string, parameter: string) => {
      const res = await fetch(`${api.server.url}/export/articles.ndjson?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions, query).toEqual({ code: "BAD_USER_INPUT", parameter });
      expect(body.errors[0].message, query).toContain(`\`${parameter}\``);
    };

    it("answers 400 with a JSON error naming the parameter", async () => {
      await expectBadParameter("from=2025-13-01", "from");
      await expectBadParameter("to=yesterday", "to");
      await expectBadParameter("from=2025-03-01&to=2025-01-01", "from");
      await expectBadParameter("since=last%20week", "since");
      await expectBadParameter("since=2025-02-30", "since");
      await expectBadParameter("q=*%20(", "q");
      await expectBadParameter(`q=${"a".repeat(501)}`, "q");
      await expectBadParameter("outlets=northwind-wire", "outlets");
      await expectBadParameter("outlet=", "outlet");
      await expectBadParameter("from=2025-01-01&from=2025-02-01", "from");
    });
  });

  it("says what is wrong with the parameter and what to write instead", async () => {
    const messageOf = async (query: string) => ((await (await fetch(`${api.server.url}/export/articles.ndjson?${query}`)).json()) as any).errors[0].message;
    expect(await messageOf("from=2025-02-30")).toBe('`from` must be a calendar day written YYYY-MM-DD, e.g. 2025-04-03; got "2025-02-30".');
    expect(await messageOf("to=2025-01-01&to=2025-02-01&to=2025-03-01")).toBe("`to` is given 3 times; give it once.");
    expect(await messageOf("since=yesterday")).toBe('`since` must be a day (2025-04-03) or an ISO 8601 date-time with zone (2025-04-03T10:00:00Z); got "yesterday".');
    expect(await messageOf("from=2025-03-01&to=2025-01-01")).toBe("`from` (2025-03-01) is later than `to` (2025-01-01): no day is in that range.");
    expect(await messageOf("topic=")).toBe("`topic` is empty: give a topic's slug or name; repeat for several, or leave the parameter out.");
    expect(await messageOf("from=2025-13-01&outlets=x")).toBe("Unknown parameter `outlets`. The parameters are: outlet, person, topic, from, to, q, since.");
  });
});
