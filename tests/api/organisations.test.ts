import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { articleDraft } from "../support/article-drafts.js";

const INSPECTORATE = "Coastal Fisheries Inspectorate";
let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture([
    articleDraft({
      headline: "Inspectors close the northern grounds",
      body: 'The Coastal Fisheries Inspectorate said the grounds "will stay closed until the spring survey." Skipper Ola Nordmann said "we were not warned."',
      outlet: "The Harbour Ledger",
      publishedOn: "2025-02-03",
      people: [{ name: "Ola Nordmann", aliases: ["Nordmann"], mentions: 1 }],
      quotes: [
        { text: "will stay closed until the spring survey.", speaker: INSPECTORATE, speakerKind: "organisation", position: 60 },
        { text: "we were not warned.", speaker: "Ola Nordmann", speakerKind: "person", position: 130 },
      ],
    }),
    articleDraft({
      headline: "Grounds to reopen in April",
      body: 'the Coastal Fisheries Inspectorate said in a statement that "the stocks have recovered."',
      outlet: "Northwind Wire",
      publishedOn: "2025-03-20",
      quotes: [{ text: "the stocks have recovered.", speaker: `the ${INSPECTORATE}`, speakerKind: "organisation", position: 61 }],
    }),
  ]);
});
afterAll(() => api?.close());

describe("organisations as speakers", () => {
  it("gives a quote said by an organisation that organisation, and no person", async () => {
    const res = await api.query(`{ quotes(filter: { search: "spring survey" }) { nodes { text speaker { name } organisation { name slug } } } }`);
    expect(res.data!.quotes.nodes).toEqual([
      { text: "will stay closed until the spring survey.", speaker: null, organisation: { name: INSPECTORATE, slug: "coastal-fisheries-inspectorate" } },
    ]);
  });

  it("lets an analyst ask for an organisation's quotes as for a person's, however articles wrote its name", async () => {
    const res = await api.query(`{ organisation(slug: "coastal-fisheries-inspectorate") { id name quoteCount quotes { nodes { text article { outlet { name } } } } } }`);
    const org = res.data!.organisation;
    expect(org.quoteCount).toBe(2);
    expect(org.quotes.nodes.map((q: any) => [q.text, q.article.outlet.name])).toEqual([
      ["the stocks have recovered.", "Northwind Wire"],
      ["will stay closed until the spring survey.", "The Harbour Ledger"],
    ]);
    const byNode = await api.query(`query($id: ID!) { node(id: $id) { ... on Organisation { name } } }`, { id: org.id });
    expect(byNode.data!.node).toEqual({ name: INSPECTORATE });
  });

  it("lists and searches organisations, and filters quotes by them", async () => {
    const list = await api.query(`{ organisations(filter: { search: "inspector" }) { totalCount nodes { name } } }`);
    expect(list.data!.organisations).toEqual({ totalCount: 1, nodes: [{ name: INSPECTORATE }] });
    const quotes = await api.query(`{ quotes(filter: { organisations: ["Coastal Fisheries Inspectorate"] }) { totalCount } }`);
    expect(quotes.data!.quotes.totalCount).toBe(2);
    const people = await api.query(`{ person(slug: "ola-nordmann") { quoteCount } }`);
    expect(people.data!.person.quoteCount).toBe(1);
  });
});
