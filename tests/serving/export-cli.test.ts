import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { runScript } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
beforeAll(async () => {
  archive = await createTestArchive();
  for (const draft of SMALL_ARCHIVE) await archive.store.saveArticle(draft);
});
afterAll(() => archive?.close());

const exportTo = (file: string, ...args: string[]) => runScript("export.ts", ["--out", join(archive.dir, file), ...args], { DATABASE_URL: archive.url });
const linesOf = (file: string) => readFileSync(join(archive.dir, file), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));

describe("npm run export", () => {
  it("writes the same NDJSON as the HTTP export, trailer last, with filters as flags", { timeout: 60_000 }, async () => {
    const run = await exportTo("northwind.ndjson", "--outlet", "Northwind Wire", "--from", "2025-01-01");
    expect(run.code).toBe(0);
    const lines = linesOf("northwind.ndjson");
    expect(lines.slice(0, -1).map((l) => l.headline).sort()).toEqual(["Arctic shipping rules draw industry fire", "Kyiv reopens talks on civilian flights"]);
    expect(lines.at(-1)).toMatchObject({ complete: true, count: 2 });
    expect(existsSync(join(archive.dir, "northwind.ndjson.partial"))).toBe(false);
    // Not a terminal: no progress bar, only the summary.
    expect(run.stderr.trim()).toMatch(/^2 articles written to .*northwind\.ndjson in [\d.]+ s$/);

    const quotes = await exportTo("quotes.ndjson", "--kind", "quotes", "--person", "ingrid-halvorsen", "--person", "oleksandr-hrytsenko");
    expect(quotes.code).toBe(0);
    expect(linesOf("quotes.ndjson").at(-1)).toMatchObject({ complete: true, count: 5 });
  });

  it("refuses a bad filter naming the flag, and writes nothing", { timeout: 60_000 }, async () => {
    const run = await exportTo("bad.ndjson", "--since", "last tuesday");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--since: `since` must be a day/);
    expect(existsSync(join(archive.dir, "bad.ndjson"))).toBe(false);
  });
});
