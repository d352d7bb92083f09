// Issue 13, "Wrong answers": each failure a first real user met, asked again over real HTTP.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { serveArchive, type ApiFixture } from "../support/api-fixture.js";
import { articleDraft } from "../support/article-drafts.js";
import { projectRoot } from "../support/run-script.js";
import { createTestArchive } from "../support/test-archive.js";

const fixtures = join(projectRoot, "tests", "fixtures", "extraction");
const sorted = (xs: string[]) => [...xs].sort();
const unique = (xs: string[]) => sorted([...new Set(xs)]);

describe("answers a first real user found wrong", () => {
  let api: ApiFixture;
  beforeAll(async () => {
    const archive = await createTestArchive();
    await ingestFiles(archive.store, [fixtures]);
    await archive.store.saveArticle(
      articleDraft({
        headline: "Harbour board publishes its scripts",
        body: 'The board posted <script>alert("x")</script> & other markup in its harbour notice, and the harbour master said "the harbour is open."',
        outlet: "The Harbour Ledger",
        publishedOn: "2025-06-01",
        quotes: [{ text: "the harbour is open.", speaker: "Ilze Rozentāle", position: 118 }],
        people: [{ name: "Ilze Rozentāle", aliases: [], mentions: 1 }],
      }),
    );
    api = await serveArchive(archive);
  }, 120_000);
  afterAll(async () => api?.close());

  it("lists each of a story's people, outlets and topics once, and exactly those of its articles", async () => {
    const res = await api.query(`{ stories(first: 30) { edges { node { title
      people { slug } outlets { slug } topics { slug }
      articles(first: 10) { edges { node { outlet { slug } people { slug } topics { slug } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const stories = res.data!.stories.edges.map((e: any) => e.node);
    const multi = stories.filter((s: any) => s.articles.edges.length > 1);
    expect(multi.length).toBeGreaterThanOrEqual(2);
    for (const story of stories) {
      const articles = story.articles.edges.map((e: any) => e.node);
      const slugs = (list: { slug: string }[]) => list.map((x) => x.slug);
      expect(sorted(slugs(story.people)), story.title).toEqual(unique(articles.flatMap((a: any) => slugs(a.people))));
      expect(sorted(slugs(story.outlets)), story.title).toEqual(unique(articles.map((a: any) => a.outlet.slug)));
      expect(sorted(slugs(story.topics)), story.title).toEqual(unique(articles.flatMap((a: any) => slugs(a.topics))));
    }
  });

  it("gives a quote its statement on every path to it, not only through node() and Statement.quotes", async () => {
    const fromStatements = await api.query(`{ statements(first: 100) { edges { node { id quotes(first: 100) { edges { node { id } } } } } } }`);
    const statementOf = new Map<string, string>();
    for (const { node: s } of fromStatements.data!.statements.edges) for (const { node: q } of s.quotes.edges) statementOf.set(q.id, s.id);
    expect(statementOf.size).toBeGreaterThan(10);

    const paths = {
      quotes: `{ quotes(first: 100) { edges { node { id statement { id } } } } }`,
      "article.quotes": `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { id statement { id } } } } } } } }`,
      "person.quotes": `{ people(first: 100) { edges { node { quotes(first: 100) { edges { node { id statement { id } } } } } } } }`,
    };
    for (const [path, query] of Object.entries(paths)) {
      const res = await api.query(query);
      expect(res.errors, path).toBeUndefined();
      const quotes: { id: string; statement: { id: string } | null }[] = [];
      JSON.stringify(res.data, (_key, value) => (value?.id && "statement" in value && quotes.push(value), value));
      const seen = quotes.filter((q) => statementOf.has(q.id));
      expect(seen.length, path).toBeGreaterThan(5);
      for (const q of seen) expect(q.statement?.id, `${path} ${q.id}`).toBe(statementOf.get(q.id));
    }
  });

  it("returns snippets whose only markup is <mark>, with the article's own markup escaped", async () => {
    const res = await api.query(`{ articles(filter: { search: "harbour notice" }) { edges { node { headline snippet(search: "markup") } } } }`);
    expect(res.errors).toBeUndefined();
    const [article] = res.data!.articles.edges.map((e: any) => e.node);
    expect(article.snippet).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; other <mark>markup</mark>");
    expect(article.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("finds a person by a name typed without its diacritics, as person(slug:) does", async () => {
    for (const search of ["Rozentale", "rozentāle", "ilze rozentale"]) {
      const res = await api.query(`query($s: String) { people(filter: { search: $s }) { edges { node { name slug } } } }`, { s: search });
      expect(res.data!.people.edges.map((e: any) => e.node.name), search).toEqual(["Ilze Rozentāle"]);
    }
    const bySlug = await api.query(`{ person(slug: "ilze-rozentale") { name } }`);
    expect(bySlug.data!.person.name).toBe("Ilze Rozentāle");
  });
});
