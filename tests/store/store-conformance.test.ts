// The two stores answer alike: the same corpus ingested into SQLite and into PostgreSQL
// through the real ingest, both served by the real server, and every GraphQL question the
// API can be asked (every list with every filter and order, every field, every page of the
// main lists forward and back, every node) answered the same, ids and cursors included;
// and the exports give the same lines. A third archive is the SQLite one moved into
// PostgreSQL half-way (npm run move-to-postgres) and then ingested on: it answers alike too.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { moveToPostgres } from "../../src/store/move-to-postgres.js";
import { openStore } from "../../src/store/open-store.js";
import { serveArchive, type ApiFixture } from "../support/api-fixture.js";
import { postgresUnavailable } from "../support/postgres-server.js";
import { projectRoot } from "../support/run-script.js";
import { createStoreOn, type TestStore } from "../support/test-stores.js";

const CORPUS = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));

const QUOTE = `id text position speaker { id slug } organisation { slug } statement { id } article { id }`;
const ARTICLE = `id headline byline dateline standfirst body publishedOn url outlet { id slug name } people { slug } topics { slug }
  story { id title } quotes(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${QUOTE} } } }`;
const PERSON = `id slug name aliases articleCount quoteCount outlets { slug }
  quoteTimeline { interval points { start outlet { slug } count example { id text } } } months: quoteTimeline(maxPoints: 1) { interval points { start outlet { slug } count example { id } } } quotesByOutlet { outlet { slug } count } topics { topic { slug } articleCount }
  quotes(first: 2) { totalCount edges { cursor node { id text } } } articles(first: 2) { totalCount edges { cursor node { id } } }`;
const STATEMENT = `id text firstReportedOn lastReportedOn reportCount outletCount speaker { slug } outlets { slug }
  quotes(first: 3) { totalCount edges { cursor node { ${QUOTE} } } }`;
const STORY = `id title startedOn lastUpdatedOn articleCount people { slug } outlets { slug } topics { slug }
  articles(first: 3) { totalCount edges { cursor node { id } } } statements(first: 3) { totalCount edges { cursor node { id } } }`;
const ORGANISATION = `id slug name quoteCount quotes(first: 3) { totalCount edges { cursor node { ${QUOTE} } } }`;
const page = (fields: string) => `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${fields} } }`;

// Lists walked page by page, forward with `after` and back with `before`: each kind of sort
// key (a nullable date newest first and oldest first, mixed directions, three keys).
const LISTS: Record<string, { field: string; args: string; node: string; countField?: boolean }> = {
  "articles, newest first": { field: "articles", args: "", node: "id publishedOn" },
  "articles, oldest first": { field: "articles", args: "orderBy: PUBLISHED_ON_ASC", node: "id publishedOn" },
  "a person's articles": { field: "articles", args: "filter: { people: [$person] }", node: "id publishedOn" },
  quotes: { field: "quotes", args: "", node: "id" },
  "people most quoted": { field: "people", args: "orderBy: MOST_QUOTED", node: "id", countField: true },
  "statements, latest first": { field: "statements", args: "", node: "id firstReportedOn" },
  "statements most carried": { field: "statements", args: "orderBy: MOST_OUTLETS", node: "id outletCount" },
  stories: { field: "stories", args: "", node: "id lastUpdatedOn" },
};

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("the SQLite and PostgreSQL stores over the same corpus", () => {
  let sqlite: ApiFixture<TestStore>;
  let postgres: ApiFixture<TestStore>;
  let moved: ApiFixture<TestStore>;
  // Slugs and ids to ask about, taken from the corpus as stored.
  let vars: Record<string, string>;
  let compared = 0;

  beforeAll(async () => {
    const [a, b, empty] = await Promise.all([createStoreOn("sqlite"), createStoreOn("postgresql"), createStoreOn("postgresql")]);
    // Each store ingests the files one by one in the same order, so numbers its rows the same.
    // The SQLite archive is moved after the first folder, and both go on with the second.
    await Promise.all([ingestFiles(b.store, CORPUS), ingestFiles(a.store, CORPUS.slice(0, 1))]);
    await empty.store.close();
    await moveToPostgres(a.url, empty.url);
    const c: TestStore = { ...empty, store: await openStore(empty.url) };
    c.close = () => c.store.close();
    await Promise.all([ingestFiles(a.store, CORPUS.slice(1)), ingestFiles(c.store, CORPUS.slice(1))]);
    [sqlite, postgres, moved] = await Promise.all([serveArchive(a), serveArchive(b), serveArchive(c)]);
    const found = await sqlite.query(`{
      people(first: 1, orderBy: MOST_QUOTED) { nodes { slug aliases } }
      outlets { slug name } topics { slug name }
      organisations(first: 1) { nodes { slug } }
      stories(first: 1) { nodes { id } }
      statements(first: 1, orderBy: MOST_OUTLETS) { nodes { id } }
    }`);
    const d = found.data!;
    vars = {
      person: d.people.nodes[0].slug,
      outlet: d.outlets[0].slug,
      outletName: d.outlets[1].name,
      topic: d.topics[0].slug,
      topicName: d.topics[1].name,
      organisation: d.organisations.nodes[0].slug,
      story: d.stories.nodes[0].id,
      statement: d.statements.nodes[0].id,
    };
  }, 120_000);
  afterAll(async () => {
    console.log(`store conformance: ${compared} GraphQL answers compared, PostgreSQL's (ingested, and moved from SQLite) equal to SQLite's`);
    await sqlite?.close();
    await postgres?.close();
    await moved?.close();
  });

  /** Asks both servers; the answers must be equal, and not errors. */
  async function same(query: string, variables: Record<string, unknown> = vars) {
    const given = Object.fromEntries(Object.entries(variables).filter(([name]) => query.includes(`$${name}`)));
    const [a, b, c] = await Promise.all([sqlite.query(query, given), postgres.query(query, given), moved.query(query, given)]);
    expect(a.errors, query).toBeUndefined();
    expect(b, query).toEqual(a);
    expect(c, `moved: ${query}`).toEqual(a);
    compared++;
    return a.data!;
  }

  // GraphQL refuses a declared variable the query does not use: each declares its own.
  const TYPES: Record<string, string> = { story: "ID!", statement: "ID!" };
  const question = (body: string) => {
    const used = [...new Set(body.match(/\$\w+/g) ?? [])].map((v) => `${v}: ${TYPES[v.slice(1)] ?? "String!"}`);
    return used.length ? `query(${used.join(", ")}) { ${body} }` : `{ ${body} }`;
  };

  it("lists articles under every filter and order alike, with every field", async () => {
    for (const args of [
      `first: 100`,
      `first: 100, orderBy: PUBLISHED_ON_ASC`,
      `first: 50, filter: { people: [$person] }`,
      `first: 50, filter: { people: [$person], outlets: [$outlet] }`,
      `first: 50, filter: { outlets: [$outlet, $outletName] }`,
      `first: 50, filter: { topics: [$topic, $topicName] }`,
      `first: 50, filter: { publishedAfter: "2025-03-01", publishedBefore: "2025-06-30" }`,
      `first: 50, filter: { stories: [$story] }`,
      `first: 50, filter: { search: "minister" }`,
      `first: 50, filter: { search: "\\"energy minister\\"" }`,
      `first: 50, filter: { search: "energ* OR lithium" }`,
      `first: 50, filter: { search: "Zelenskiy's" }`,
      `last: 4`,
    ]) {
      await same(question(`articles(${args}) { ${page(ARTICLE)} }`));
    }
    // Snippets are each store's own (FTS5's snippet(), PostgreSQL's body-snippet.ts): they pick
    // different stretches of the body, so what must agree is which articles have one and
    // that each marks words of the search.
    const snippets = async (api: ApiFixture<TestStore>) =>
      (await api.query(`{ articles(first: 50, filter: { search: "minister power" }) { nodes { id snippet(search: "minister power") } } }`)).data!.articles.nodes.map(
        (a: { id: string; snippet: string | null }) => ({ id: a.id, marks: [...new Set((a.snippet ?? "").match(/<mark>([^<]*)<\/mark>/g)?.map((m) => m.slice(6, -7).toLowerCase()))].every((w) => ["minister", "power"].includes(w)) }),
      );
    const [a, b, c] = await Promise.all([snippets(sqlite), snippets(postgres), snippets(moved)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.every((s: { marks: boolean }) => s.marks)).toBe(true);
  });

  it("pages through a search's articles alike, both ways and in both orders, with a date range too", async () => {
    for (const filter of [`{ search: "minister" }`, `{ search: "power OR winter" }`, `{ search: "minister", publishedAfter: "2025-02-01" }`]) {
      for (const orderBy of ["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"]) {
        const forward: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const data = await same(`query($after: String) { articles(first: 3, after: $after, orderBy: ${orderBy}, filter: ${filter}) { ${page("id")} } }`, { after });
          forward.push(...data.articles.edges.map((e: { node: { id: string } }) => e.node.id));
          if (!data.articles.pageInfo.hasNextPage) break;
          after = data.articles.pageInfo.endCursor;
        }
        const backward: string[] = [];
        let before: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const data = await same(`query($before: String) { articles(last: 3, before: $before, orderBy: ${orderBy}, filter: ${filter}) { ${page("id")} } }`, { before });
          backward.unshift(...data.articles.edges.map((e: { node: { id: string } }) => e.node.id));
          if (!data.articles.pageInfo.hasPreviousPage) break;
          before = data.articles.pageInfo.startCursor;
        }
        expect(forward.length).toBeGreaterThan(3);
        expect(backward).toEqual(forward);
      }
    }
  });

  it("lists people, quotes, organisations, outlets and topics alike", async () => {
    for (const args of [
      `first: 100`,
      `first: 100, orderBy: MOST_QUOTED`,
      `first: 100, orderBy: MOST_MENTIONED, filter: { publishedAfter: "2025-03-01" }`,
      `first: 100, orderBy: MOST_QUOTED, filter: { publishedBefore: "2025-04-30", outlets: [$outlet] }`,
      `first: 50, filter: { search: "an" }`,
    ]) {
      await same(question(`people(${args}) { ${page(PERSON)} edges { count } }`));
    }
    await same(question(`person(slug: $person) { ${PERSON} }`));
    for (const args of [
      `first: 100`,
      `first: 50, filter: { speakers: [$person] }`,
      `first: 50, filter: { organisations: [$organisation] }`,
      `first: 50, filter: { outlets: [$outlet], topics: [$topic] }`,
      `first: 50, filter: { search: "winter OR power", publishedAfter: "2025-01-01" }`,
    ]) {
      await same(question(`quotes(${args}) { ${page(QUOTE)} }`));
    }
    await same(question(`organisations(first: 50) { ${page(ORGANISATION)} } search: organisations(filter: { search: "min" }) { totalCount nodes { slug } }`));
    await same(question(`organisation(slug: $organisation) { ${ORGANISATION} }`));
    await same(question(`outlets { id slug name articleCount firstPublishedOn lastPublishedOn } outlet(slug: $outletName) { id slug }`));
    const coverage = `months: articleVolume { start count } weeks: articleVolume(interval: WEEK) { start count } mostQuoted(first: 3) { count person { slug } }`;
    await same(question(`outlets { ${coverage} } topics { ${coverage} }`));
    await same(question(`topics { id slug name articleCount } topic(slug: $topicName) { id slug }`));
  });

  it("links the same statements and stories, and lists them alike", async () => {
    for (const args of [
      `first: 100`,
      `first: 100, orderBy: MOST_OUTLETS`,
      `first: 50, orderBy: MOST_OUTLETS, filter: { minOutlets: 2 }`,
      `first: 50, filter: { speakers: [$person], publishedAfter: "2025-02-01" }`,
      `first: 50, filter: { outlets: [$outlet], topics: [$topic], stories: [$story] }`,
      `first: 50, filter: { search: "power" }`,
    ]) {
      await same(question(`statements(${args}) { ${page(STATEMENT)} }`));
    }
    for (const args of [
      `first: 100`,
      `first: 50, filter: { people: [$person] }`,
      `first: 50, filter: { outlets: [$outlet], topics: [$topic] }`,
      `first: 50, filter: { search: "minister", publishedAfter: "2025-02-01", publishedBefore: "2025-12-31" }`,
    ]) {
      await same(question(`stories(${args}) { ${page(STORY)} }`));
    }
  });

  it("finds every node by its global ID", async () => {
    const ids = await same(question(`articles(first: 100) { nodes { id story { id } outlet { id } people { id } topics { id } quotes(first: 100) { nodes { id statement { id } organisation { id } } } } }`));
    const all = new Set<string>(JSON.stringify(ids).match(/"id":"([^"]+)"/g)!.map((m) => m.slice(6, -1)));
    // A node field per ID, 20 to a request (the server's limit on aliases).
    const fields = [...all].map((id, i) => `n${i}: node(id: "${id}") { id ... on Article { headline } ... on Quote { text } ... on Person { name } ... on Outlet { name } ... on Topic { name } ... on Statement { text } ... on Story { title } ... on Organisation { name } }`);
    for (let i = 0; i < fields.length; i += 20) {
      const found = await same(`{ ${fields.slice(i, i + 20).join("\n")} }`, {});
      expect(Object.values(found).every((node) => node != null)).toBe(true);
    }
  });

  it("pages through every list alike, forward and backward", async () => {
    for (const [name, list] of Object.entries(LISTS)) {
      const body = (cursor: string) => question(`${list.field}(${[list.args, cursor].filter(Boolean).join(", ")}) { ${page(list.node)} ${list.countField ? "edges { count }" : ""} }`);
      let after: string | null = null;
      let pages = 0;
      do {
        const data = await same(body(after ? `first: 10, after: "${after}"` : "first: 10"));
        const connection = data[list.field];
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 50);
      let before: string | null = null;
      do {
        const data = await same(body(before ? `last: 10, before: "${before}"` : "last: 10"));
        const connection = data[list.field];
        before = connection.pageInfo.hasPreviousPage ? connection.pageInfo.startCursor : null;
      } while (before);
      expect(pages, name).toBeGreaterThan(0);
    }
  });

  it("exports the same lines", async () => {
    for (const path of ["/export/articles.ndjson", "/export/quotes.ndjson", "/export/quotes.ndjson?q=power&from=2025-01-01", "/export/articles.ndjson?topic=energy&outlet=meridian"]) {
      const [a, b, c] = await Promise.all([sqlite, postgres, moved].map(async (api) => (await (await fetch(`${api.server.url}${path}`)).text()).trimEnd().split("\n").map((l) => JSON.parse(l))));
      // Each store was ingested at its own moment.
      const untimed = (rows: any[]) => JSON.parse(JSON.stringify(rows, (key, value) => (key === "ingestedAt" || key === "latestIngestedAt" ? undefined : value)));
      expect(untimed(b), path).toEqual(untimed(a));
      expect(untimed(c), `moved: ${path}`).toEqual(untimed(a));
      expect(a.at(-1)).toMatchObject({ complete: true });
    }
  });
});
