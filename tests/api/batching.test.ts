import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleDraft } from "../../src/extract/types.js";
import { articleDraft } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

// 60 articles from 5 outlets, each naming 3 of 10 people and quoting 2 of them.
function manyArticles(): ArticleDraft[] {
  const people = Array.from({ length: 10 }, (_, i) => `Person Number${String.fromCharCode(65 + i)}`);
  return Array.from({ length: 60 }, (_, i) => {
    const named = [people[i % 10], people[(i + 3) % 10], people[(i + 7) % 10]];
    return articleDraft({
      headline: `Article ${i}`,
      body: `Body of article ${i}.`,
      outlet: `Outlet ${i % 5}`,
      publishedOn: `2025-01-${String((i % 28) + 1).padStart(2, "0")}`,
      people: named.map((name) => ({ name, aliases: [], mentions: 1 })),
      quotes: [
        { text: `First remark ${i}`, speaker: named[0], position: 10 },
        { text: `Second remark ${i}`, speaker: named[1], position: 50 },
      ],
      topics: [{ slug: `topic-${i % 4}`, name: `topic ${i % 4}`, score: 0.9 }],
    });
  });
}

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(manyArticles());
});
afterAll(() => api?.close());

describe("batched data access", () => {
  it("answers 50 articles with outlet, people, topics and quotes with speakers in a bounded number of SQL statements", async () => {
    const counter = api.archive.store.sqlStatements;
    const before = counter.count;
    const res = await api.query(`{ articles(first: 50) { totalCount edges { node {
      headline outlet { name articleCount } people { name aliases } topics { name }
      quotes { totalCount edges { node { text speaker { name quoteCount } } } } } } } }`);
    const statements = counter.count - before;
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.edges).toHaveLength(50);
    expect(res.data!.articles.edges[0].node.quotes.edges[0].node.speaker.name).toMatch(/^Person/);
    console.log(`SQL statements for 50 articles with outlet, people, topics, quotes and speakers: ${statements}`);
    // page + count + articles by id + outlets + outlet stats + people + aliases + topics
    // + quote pages + quote counts + speakers + speaker quote counts = 12, whatever the page size.
    expect(statements).toBeLessThanOrEqual(12);
  });
});
