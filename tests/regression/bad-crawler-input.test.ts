// Issue 13, "Input that breaks the archive": crawler metadata and folder entries that were
// stored, served as errors, or hung ingest. Each through the real CLI, then the real API.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveArchive, type ApiFixture } from "../support/api-fixture.js";
import { ingestInProcess } from "../support/ingest-in-process.js";
import type { ScriptRun } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const article = (headline: string) => `${headline}\n\nOla Nordmann, the harbour master, said on Tuesday that "the channel is open," adding that work would go on.\n`;

const BAD_ENTRIES: Record<string, Record<string, unknown>> = {
  "feb-30.txt": { outlet: "Coastal Times", publishedOn: "2025-02-30" },
  "zero-date.txt": { outlet: "Coastal Times", publishedOn: "0000-00-00" },
  "nines.txt": { outlet: "Coastal Times", publishedOn: "9999-99-99" },
  "month-13.txt": { outlet: "Coastal Times", publishedOn: "2025-13-01" },
  "file-url.txt": { outlet: "Coastal Times", url: "file:///etc/passwd" },
  "no-slashes-url.txt": { outlet: "Coastal Times", url: "https:coastal.example/story" },
  "long-outlet.txt": { outlet: "Coastal Times ".repeat(800) },
  "nul-outlet.txt": { outlet: "Coastal\u0000Times" },
  "rtl-outlet.txt": { outlet: "Coastal \u202eTimes" },
};

let dir: string;
let archive: TestArchive;
let run: ScriptRun;
const lineFor = (name: string) => run.stdout.split("\n").filter((l) => l.includes(`/${name}:`));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "news-archive-crawler-"));
  archive = await createTestArchive();
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  writeFileSync(join(corpus, "good.txt"), article("Harbour channel reopens after dredging"));
  for (const name of Object.keys(BAD_ENTRIES)) writeFileSync(join(corpus, name), article(`Harbour story ${name}`));
  writeFileSync(
    join(corpus, "manifest.json"),
    JSON.stringify([
      { file: "good.txt", outlet: "The Fjord Gazette", publishedOn: "2025-02-01", url: "https://fjord.example/good" },
      ...Object.entries(BAD_ENTRIES).map(([file, fields]) => ({ file, ...fields })),
      { outlet: "An entry that names no file" },
    ]),
  );
  mkdirSync(join(corpus, "older"));
  writeFileSync(join(corpus, "older", "inside.txt"), article("An older harbour story"));
  writeFileSync(join(corpus, "notes.md"), "crawler notes");
  execFileSync("mkfifo", [join(corpus, "stream.txt")]);
  writeFileSync(join(dir, "outside.txt"), article("A story from outside the folder"));
  symlinkSync(join(dir, "outside.txt"), join(corpus, "outside-link.txt"));
  symlinkSync(join(corpus, "older", "inside.txt"), join(corpus, "inside-link.txt"));
  symlinkSync(join(dir, "missing.txt"), join(corpus, "dangling.txt"));
  run = await ingestInProcess(archive.url, ["--workers", "0", corpus]);
}, 120_000);
afterAll(async () => {
  await archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("crawler metadata is checked the same way from a manifest as from front matter", () => {
  it("refuses a manifest date that is not a calendar day, naming the field, and stores the files around it", () => {
    for (const [name, date] of [["feb-30.txt", "2025-02-30"], ["zero-date.txt", "0000-00-00"], ["nines.txt", "9999-99-99"], ["month-13.txt", "2025-13-01"]]) {
      expect(lineFor(name), name).toEqual([expect.stringMatching(new RegExp(`^FAILED .*field \`publishedOn\` must be a calendar day written YYYY-MM-DD.*got "${date}".*\\[BAD_MANIFEST\\]$`))]);
    }
    expect(run.stdout).not.toContain("Invalid time value");
    expect(lineFor("good.txt")).toEqual([expect.stringMatching(/^stored .*\(The Fjord Gazette, 2025-02-01\)/)]);
  });

  it("refuses a non-http url and outlet names that are too long or hold control or direction characters", () => {
    expect(lineFor("file-url.txt")).toEqual([expect.stringMatching(/field `url` must be an http\(s\) URL.*\[BAD_MANIFEST\]$/)]);
    expect(lineFor("no-slashes-url.txt")).toEqual([expect.stringMatching(/field `url` must be an http\(s\) URL.*\[BAD_MANIFEST\]$/)]);
    expect(lineFor("long-outlet.txt")).toEqual([expect.stringMatching(/field `outlet` is 11199 characters long; an outlet's name is at most 200/)]);
    expect(lineFor("nul-outlet.txt")).toEqual([expect.stringMatching(/field `outlet` holds control or text-direction characters/)]);
    expect(lineFor("rtl-outlet.txt")).toEqual([expect.stringMatching(/field `outlet` holds control or text-direction characters/)]);
  });

  it("gives front matter the same words for the same mistake", async () => {
    writeFileSync(join(dir, "front.txt"), `---\nurl: file:///etc/passwd\n---\n${article("Front matter story")}`);
    const front = await ingestInProcess(archive.url, ["--workers", "0", join(dir, "front.txt")]);
    expect(front.stdout).toMatch(/FAILED .*front\.txt: front matter field `url` must be an http\(s\) URL/);
  });

  it("fails only the files a bad manifest entry names, and reports an entry that names no file", async () => {
    expect(lineFor("good.txt")[0]).toMatch(/^stored/);
    expect(lineFor("manifest.json")).toEqual([expect.stringMatching(/entry #11 has no "file" name.*\[BAD_MANIFEST\]$/)]);
    const stored = await archive.store.sql.reads.all<{ url: string | null; outlet: string | null }>(
      `SELECT a.url, o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a."outletId" ORDER BY a.id`,
    );
    expect(stored.map((a) => a.url)).toEqual(["https://fjord.example/good", null]);
    expect(stored.every((a) => a.outlet === null || a.outlet === "The Fjord Gazette")).toBe(true);
  });
});

describe("entries of a folder that are not article files", () => {
  it("gives every skipped entry a line and a reason, follows a link inside the folder, and never opens a FIFO", () => {
    expect(lineFor("older")).toEqual([expect.stringMatching(/^skipped .*older: is a folder; folders are not read recursively/)]);
    expect(lineFor("notes.md")).toEqual([expect.stringMatching(/^skipped .*notes\.md: is not an article file \(\.txt/)]);
    expect(lineFor("stream.txt")).toEqual([expect.stringMatching(/^skipped .*stream\.txt: is a named pipe \(FIFO\), not a regular file; it was not opened/)]);
    expect(lineFor("outside-link.txt")).toEqual([expect.stringMatching(/^skipped .*outside-link\.txt: is a symbolic link that leads out of/)]);
    expect(lineFor("dangling.txt")).toEqual([expect.stringMatching(/^skipped .*dangling\.txt: is a symbolic link to nothing/)]);
    expect(lineFor("inside-link.txt")).toEqual([expect.stringMatching(/^stored .*inside-link\.txt: "An older harbour story"/)]);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("12 files: 2 stored, 0 already in the archive, 10 failed (5 other entries skipped)");
    expect(run.code).toBe(1);
  });

  it("refuses a FIFO named on the command line instead of waiting on it for ever", async () => {
    const direct = await ingestInProcess(archive.url, ["--workers", "0", join(dir, "corpus", "stream.txt")]);
    expect(direct.stdout).toMatch(/^FAILED .*stream\.txt: is a named pipe \(FIFO\), not a regular file.*\[NOT_A_FILE\]$/m);
    expect(direct.code).toBe(1);
  });
});

describe("dates the API serves", () => {
  let api: ApiFixture;
  beforeAll(async () => {
    // An archive written before dates were checked: one bad date already stored.
    const old = await createTestArchive();
    const db = old.store.db.writer();
    await db.run(`INSERT INTO outlets (name, slug) VALUES ('Coastal Times', 'coastal-times')`);
    await db.run(
      `INSERT INTO articles ("outletId", headline, body, "publishedOn", "contentHash", "sourceFile", "ingestedAt")
       VALUES (1, 'Old story', 'Body.', '2025-02-30', 'hash', 'old.txt', '2025-01-01T00:00:00.000+00:00')`,
    );
    api = await serveArchive(old);
  });
  afterAll(async () => api?.close());

  it("serves a stored date that is not a calendar day as null, never as an internal error", async () => {
    const res = await api.query(`{ outlets { name lastPublishedOn firstPublishedOn } articles { edges { node { headline publishedOn } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.outlets[0]).toEqual({ name: "Coastal Times", lastPublishedOn: null, firstPublishedOn: null });
    expect(res.data!.articles.edges[0].node).toEqual({ headline: "Old story", publishedOn: null });
  });
});
