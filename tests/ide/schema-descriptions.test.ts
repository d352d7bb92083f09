// The IDE's docs pane shows the schema's descriptions; an undescribed type, field or
// argument is a blank there. This walks what the IDE sees: the introspected schema.
import { getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
let schema: IntrospectionQuery["__schema"];
beforeAll(async () => {
  api = await startApiFixture([]);
  const res = await api.query<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
  expect(res.errors).toBeUndefined();
  schema = res.data!.__schema;
});
afterAll(() => api?.close());

/** "Type", "Type.field", "Type.field(arg)", "Enum.VALUE", "Input.field" for everything of ours with no description. */
function undescribed(s: IntrospectionQuery["__schema"]): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of s.types) {
    if (type.name.startsWith("__")) continue; // GraphQL's own introspection types
    check(type.description, type.name);
    if (type.kind === "OBJECT" || type.kind === "INTERFACE") {
      for (const field of type.fields) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) check(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (type.kind === "INPUT_OBJECT") for (const field of type.inputFields) check(field.description, `${type.name}.${field.name}`);
    if (type.kind === "ENUM") for (const value of type.enumValues) check(value.description, `${type.name}.${value.name}`);
  }
  return missing;
}

describe("schema descriptions", () => {
  it("describes every type, field, argument, enum value and input field the docs pane can show", () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it("finds a missing description when there is one", () => {
    // Guards the walk itself: a schema with a bare field and a bare argument is reported.
    const bare = structuredClone(schema);
    const query = bare.types.find((t) => t.name === "Query")!;
    if (query.kind !== "OBJECT") throw new Error("Query is not an object type");
    const articles = query.fields.find((f) => f.name === "articles")!;
    (articles as { description: string | null }).description = null;
    (articles.args[0] as { description: string | null }).description = " ";
    expect(undescribed(bare)).toEqual(["Query.articles", `Query.articles(${articles.args[0].name})`]);
  });
});
