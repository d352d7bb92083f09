// The search tree rendered for each engine: the FTS5 expression SQLite matches, and the
// tsquery text PostgreSQL's to_tsquery reads. Whatever a user types, each engine must take
// the rendering without a syntax error and find the words the user typed, nothing else.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fts5Match } from "../../src/store/search-fts5.js";
import { MAX_SEARCH_LENGTH, parseSearch, searchKey, type SearchExpression } from "../../src/store/search-syntax.js";
import { tsqueryText } from "../../src/store/search-tsquery.js";
import { postgresUnavailable, testPostgres, type PostgresServer } from "../support/postgres-server.js";

const parsed = (s: string): SearchExpression => {
  const result = parseSearch(s);
  if (!result.ok) throw new Error(result.reason);
  return result.search;
};

// Written by hand: what an attacker, a confused user or a broken client sends.
const HOSTILE = [
  `it's "O'Brien's" \\ back\\slash`,
  `headline:oil body:"gas`,
  `a & b | !c <-> (d) <2> e:* f:A 'g'`,
  `NEAR(a b) AND NOT c OR`,
  `x'; DROP TABLE articles;--`,
  `"" "" * ** ^ -`,
  `OR OR a OR OR b OR`,
  `tab\there\nnewline\u0000nul\u0007bell\u001b[0mescape\u007f`,
  `café naïve Zürich Łódź Αθήνα Киев 北京 ٣٤ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢`,
  `U.S.-Russia 3.5% $100 e-mail co-op`,
  `pre* "phrase pre"* a* x*`,
  `\\' \\\\' ''' '\\'`,
  ("ab'\\:&|!()<>* ".repeat(40)).slice(0, MAX_SEARCH_LENGTH),
  "word ".repeat(100).slice(0, MAX_SEARCH_LENGTH),
];

describe("the search tree", () => {
  it("reads words, phrases, prefixes and OR into groups of terms", () => {
    expect(parsed(`"rare earth" metals OR sanction*`)).toEqual({
      anyOf: [
        [
          { words: ["rare", "earth"], prefix: false },
          { words: ["metals"], prefix: false },
        ],
        [{ words: ["sanction"], prefix: true }],
      ],
    });
  });

  it("keeps only letters and digits in its words, whatever was typed", () => {
    for (const input of HOSTILE) {
      const result = parseSearch(input);
      if (!result.ok) continue;
      for (const word of result.search.anyOf.flat().flatMap((t) => t.words)) expect(word, input).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  });

  it("gives equal searches the same key, however they were written", () => {
    expect(searchKey(parsed(`rare   earth`))).toBe(searchKey(parsed(`rare "earth"`)));
    expect(searchKey(parsed(`rare earth`))).not.toBe(searchKey(parsed(`"rare earth"`)));
  });
});

describe("tsqueryText", () => {
  it("joins words with &, groups with |, phrases with <->, and marks a prefix with :*", () => {
    expect(tsqueryText(parsed("rare earth"))).toBe(`('rare' & 'earth')`);
    expect(tsqueryText(parsed(`"rare earth" metals`))).toBe(`(('rare' <-> 'earth') & 'metals')`);
    expect(tsqueryText(parsed("sanctions OR tariffs"))).toBe(`'sanctions' | 'tariffs'`);
    expect(tsqueryText(parsed("sanction*"))).toBe(`'sanction':*`);
    expect(tsqueryText(parsed(`rare-earth*`))).toBe(`('rare' <-> 'earth':*)`);
  });

  it("writes a phrase for words the parser found inside one token", () => {
    expect(tsqueryText(parsed("headline:oil"))).toBe(`('headline' <-> 'oil')`);
    expect(tsqueryText(parsed("U.S.-Russia"))).toBe(`('U' <-> 'S' <-> 'Russia')`);
  });

  it("escapes quotes and backslashes inside a lexeme, should a word ever hold one", () => {
    expect(tsqueryText({ anyOf: [[{ words: [`O'Brien`, `back\\slash`], prefix: false }]] })).toBe(`('O''Brien' <-> 'back\\\\slash')`);
  });
});

describe("fts5Match on hostile input", () => {
  it("is taken by SQLite's FTS5 without a syntax error, and finds only the words typed", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')`);
    db.prepare(`INSERT INTO t (body) VALUES (?)`).run(`Cafe naive Zurich: it's O'Brien's word, and the U.S. said so`);
    const count = db.prepare(`SELECT count(*) AS n FROM t WHERE t MATCH ?`);
    for (const input of HOSTILE) {
      const result = parseSearch(input);
      if (result.ok) expect(() => count.get(fts5Match(result.search)), input).not.toThrow();
    }
    expect(count.get(fts5Match(parsed(`café "O'Brien's"`)))).toEqual({ n: 1 });
    expect(count.get(fts5Match(parsed(`word AND NOT said`)))).toEqual({ n: 0 }); // "AND", "NOT" are words here
    db.close();
  });
});

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("tsqueryText on hostile input, in PostgreSQL", () => {
  let server: PostgresServer;
  let client: pg.Client;
  beforeAll(async () => {
    server = await testPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    client.on("notice", () => {}); // "query contains only stop words": expected for some inputs
  });
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  it("is read by to_tsquery without a syntax error, in the english and simple configurations", async () => {
    for (const input of HOSTILE) {
      const result = parseSearch(input);
      if (!result.ok) continue;
      for (const config of ["english", "simple"]) {
        await expect(client.query(`SELECT to_tsquery($1::regconfig, $2)::text AS q`, [config, tsqueryText(result.search)]), `${config}: ${input}`).resolves.toBeTruthy();
      }
    }
  });

  it("finds the words typed, stemmed, with phrases and prefixes, and nothing for words absent", async () => {
    const body = `The ministry's sanctions on rare earths were lifted, O'Brien said in Zurich.`;
    const matches = async (input: string) =>
      (await client.query<{ hit: boolean }>(`SELECT to_tsvector('english', $1) @@ to_tsquery('english', $2) AS hit`, [body, tsqueryText(parsed(input))])).rows[0].hit;
    expect(await matches(`"rare earth" sanction`)).toBe(true);
    expect(await matches(`minist*`)).toBe(true);
    expect(await matches(`"O'Brien said"`)).toBe(true);
    expect(await matches(`ministry's`)).toBe(true); // the possessive's "s" is a stop word, dropped
    expect(await matches(`"earth rare"`)).toBe(false); // a phrase keeps its order
    expect(await matches(`tariffs OR lifted`)).toBe(true);
    expect(await matches(`tariffs zurich`)).toBe(false);
    expect(await matches(`a & b | !lifted`)).toBe(false); // operators typed are words, not operators
  });
});
