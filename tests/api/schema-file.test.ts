import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, parse, printSchema, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaText } from "../../src/graphql/schema-text.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { projectRoot } from "../support/run-script.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

describe("the schema as a file", () => {
  it("keeps schema.graphql at the repository root equal to the schema served (run `npm run schema:print` when it is not)", () => {
    expect(readFileSync(join(projectRoot, "schema.graphql"), "utf8")).toBe(schemaText());
  });

  it("serves the same SDL at GET /schema.graphql, which describes what introspection does", async () => {
    const res = await fetch(`${api.server.url}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const sdl = await res.text();
    expect(sdl).toBe(schemaText());
    const introspection = await api.query(getIntrospectionQuery());
    const sorted = (schema: Parameters<typeof lexicographicSortSchema>[0]) => printSchema(lexicographicSortSchema(schema));
    expect(sorted(buildSchema(sdl))).toBe(sorted(buildClientSchema(introspection.data as any)));
    expect(validate(buildSchema(sdl), parse("{ articles { nodes { headline } } }"))).toEqual([]);
  });
});

describe("nodes beside edges", () => {
  it("gives every connection's nodes, the same as its edges' nodes", async () => {
    const res = await api.query(`{
      articles(first: 3) { edges { node { id } } nodes { id } }
      quotes(first: 3) { edges { node { id } } nodes { id } }
      people(first: 3) { edges { node { id } } nodes { id } }
      statements(first: 3) { edges { node { id } } nodes { id } }
      stories(first: 3) { edges { node { id } } nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    for (const [name, connection] of Object.entries(res.data!) as [string, any][]) {
      expect(connection.nodes.length, name).toBeGreaterThan(0);
      expect(connection.nodes, name).toEqual(connection.edges.map((e: any) => e.node));
    }
  });

  it("counts nodes toward the query cost as it counts edges", async () => {
    const viaNodes = await api.query(`{ articles(first: 100) { nodes { quotes(first: 100) { nodes { speaker { quotes(first: 100) { totalCount } } } } } } }`);
    const viaEdges = await api.query(`{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { speaker { quotes(first: 100) { totalCount } } } } } } } } }`);
    expect(viaNodes.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "cost" });
    expect(viaNodes.errors?.[0]?.extensions?.measured).toBe(viaEdges.errors?.[0]?.extensions?.measured);
  });
});
