// The IDE's example queries, run as an analyst would run them: against a server over the
// bundled sample corpus, whose outlets, people and dates they name (data/sample/README.md).
import { buildSchema, extendSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeDefs } from "../../src/graphql/schema.js";
import {
  EVERYTHING_A_PERSON_SAID,
  IDE_EXAMPLES,
  MOST_QUOTED_IN_PERIOD,
  OUTLET_ARTICLES_IN_PERIOD,
  SEARCH_WITH_SNIPPETS,
  STORY_STATEMENTS,
  servedExamples,
  type IdeExample,
} from "../../src/server/ide-examples.js";
import { startSampleServer, type SampleServer } from "../support/sample-server.js";

const schema = buildSchema(typeDefs.join("\n"));
const served = servedExamples(schema);
const schemaHasStories = "stories" in (schema.getQueryType()?.getFields() ?? {});

describe("which examples the IDE offers", () => {
  it("offers the story example exactly when the schema has a `stories` field", () => {
    expect(served.includes(STORY_STATEMENTS)).toBe(schemaHasStories);
  });

  it("keeps an example back while the schema lacks one of its top-level fields, and serves it once the field is there", () => {
    const withoutStories = buildSchema(`type Query { articles: Int person: Int people: Int }`);
    expect(servedExamples(withoutStories)).not.toContain(STORY_STATEMENTS);
    expect(servedExamples(withoutStories)).toContain(OUTLET_ARTICLES_IN_PERIOD);
    const withStories = extendSchema(withoutStories, parse(`extend type Query { stories: Int }`));
    expect(servedExamples(withStories)).toContain(STORY_STATEMENTS);
  });

  it("offers every example that needs nothing but today's schema", () => {
    expect(served).toEqual(IDE_EXAMPLES.filter((e) => e !== STORY_STATEMENTS || schemaHasStories));
  });

  it("gives each example a unique id, a title, a description and variables in JSON", () => {
    expect(new Set(IDE_EXAMPLES.map((e) => e.id)).size).toBe(IDE_EXAMPLES.length);
    for (const example of IDE_EXAMPLES) {
      expect(example.title.trim(), example.id).not.toBe("");
      expect(example.description.trim(), example.id).not.toBe("");
      expect(() => JSON.parse(example.variables), example.id).not.toThrow();
    }
  });

  it.each(served.map((e) => [e.id, e] as const))("%s is a valid operation against the schema", (_id, example) => {
    expect(validate(schema, parse(example.query)).map((e) => e.message)).toEqual([]);
  });
});

/** Every list in `value`, found by walking it. */
function listsIn(value: unknown): unknown[][] {
  if (Array.isArray(value)) return [value, ...value.flatMap(listsIn)];
  if (value && typeof value === "object") return Object.values(value).flatMap(listsIn);
  return [];
}

describe("every example the IDE offers, run against the sample corpus", () => {
  let sample: SampleServer;
  beforeAll(async () => {
    sample = await startSampleServer();
  });
  afterAll(() => sample?.close());

  const run = async (example: IdeExample) => {
    const res = await sample.query(example.query, JSON.parse(example.variables));
    expect(res.errors, example.id).toBeUndefined();
    return res.data!;
  };

  it.each(served.map((e) => [e.id, e] as const))("%s returns data, not an empty page", async (_id, example) => {
    const data = await run(example);
    for (const [field, value] of Object.entries(data)) expect(value, `${example.id}: ${field}`).not.toBeNull();
    // The top-level list (edges, or a person's quotes) has something in it.
    expect(listsIn(data)[0]?.length ?? 0, example.id).toBeGreaterThan(0);
  });

  it("lists Meridian Post's three articles of 2025, newest first", async () => {
    const data = await run(OUTLET_ARTICLES_IN_PERIOD);
    expect(data.articles.totalCount).toBe(3);
    const nodes = data.articles.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.outlet.name)).toEqual(["Meridian Post", "Meridian Post", "Meridian Post"]);
    expect(nodes.map((n: any) => n.publishedOn)).toEqual(["2025-10-16", "2025-05-20", "2025-02-10"]);
  });

  it("finds Yury Pelevanov's quotes under every spelling, carried by five outlets", async () => {
    const { person } = await run(EVERYTHING_A_PERSON_SAID);
    expect(person.name).toBe("Yury Pelevanov");
    expect(person.aliases).toEqual(expect.arrayContaining(["Yuri Pelevanov", "Yuriy Pelevanov"]));
    expect(person.outlets.map((o: any) => o.name).sort()).toEqual(["Baltic Courier", "Caspian Dispatch", "Meridian Post", "Northwind Wire", "The Harbour Ledger"]);
    expect(person.quotes.totalCount).toBeGreaterThan(0);
    const quotedBy = new Set(person.quotes.edges.map((e: any) => e.node.article.outlet.name));
    expect(quotedBy.size).toBe(5);
  });

  it("finds the four articles about rare earths and marks the words in each snippet", async () => {
    const data = await run(SEARCH_WITH_SNIPPETS);
    expect(data.articles.totalCount).toBe(4);
    for (const { node } of data.articles.edges) expect(node.snippet).toMatch(/<mark>rare<\/mark> <mark>earths?<\/mark>/i);
  });

  it("ranks the two ministers of the spring briefings as the most quoted, from March to May 2025", async () => {
    const data = await run(MOST_QUOTED_IN_PERIOD);
    const ranked = data.people.edges.map((e: any) => e.node.name);
    expect(ranked.slice(0, 2).sort()).toEqual(["Vasyl Drozdovskyi", "Yury Pelevanov"]);
    const counts = data.people.edges.map((e: any) => e.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it.runIf(schemaHasStories)("finds the Murmansk briefing, led by a Pelevanov remark that four or more outlets carried", async () => {
    const data = await run(STORY_STATEMENTS);
    const story = data.stories.edges[0].node;
    expect(story.startedOn).toBe("2025-03-04");
    const top = story.statements.edges[0].node;
    expect(top.speaker.name).toBe("Yury Pelevanov");
    expect(top.outletCount).toBeGreaterThanOrEqual(4);
    expect(top.outlets).toHaveLength(top.outletCount);
  });
});
