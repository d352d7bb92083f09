import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestInProcess } from "../support/ingest-in-process.js";
import { runScript } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const article = (headline: string, speaker: string, words: string) =>
  `${headline}\n\nBy Test Writer\n\n${speaker}, the harbour master, said on Tuesday that "${words}," adding that work would continue.\n\n"We will publish the figures next week," ${speaker.split(" ")[1]} said.\n`;

let archive: TestArchive;
let dir: string;
beforeEach(async () => {
  archive = await createTestArchive();
  dir = mkdtempSync(join(tmpdir(), "news-archive-files-"));
});
afterEach(async () => {
  await archive.close();
  rmSync(dir, { recursive: true, force: true });
});

// Extraction on this thread: each run here stores a handful of files, and starting the worker
// threads (each loading the language model) cost more than the run. The first test keeps the
// default, and tests/archive/extraction-pool.test.ts checks that workers give the same results.
// The first two tests run the script as `npm run ingest` does; the rest call the same command
// in this process, as a script's start-up costs seconds a run.
const ingestScript = (...args: string[]) => runScript("ingest.ts", args, { DATABASE_URL: archive.url });
const ingest = (...args: string[]) => ingestInProcess(archive.url, ["--workers", "0", ...args]);
const count = async () => archive.store.db.prisma.article.count();

describe("npm run ingest", () => {
  it("stores each file with the outlet and date from manifest.json, printing a line per file and a total", async () => {
    writeFileSync(join(dir, "a.txt"), article("Harbour dredging to resume in spring", "Ola Nordmann", "the channel is silting up faster than expected"));
    writeFileSync(join(dir, "b.txt"), article("Ferry timetable cut for winter", "Kari Lunde", "the winter timetable reflects demand"));
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify([
        { file: "a.txt", outlet: "The Fjord Gazette", publishedOn: "2025-02-01", url: "https://fjord.example/a" },
        { file: "b.txt", outlet: "Coastal Times", publishedOn: "2025-02-03" },
      ]),
    );
    const run = await ingestScript(dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^stored .*a\.txt: "Harbour dredging to resume in spring" \(The Fjord Gazette, 2025-02-01\)/);
    expect(lines[2]).toBe("2 files: 2 stored, 0 already in the archive, 0 failed");
    const stored = await archive.store.db.prisma.article.findFirst({ where: { url: "https://fjord.example/a" }, include: { outlet: true } });
    expect(stored?.outlet?.name).toBe("The Fjord Gazette");
    expect(stored?.publishedOn).toBe("2025-02-01");
  });

  it("reports each bad file on one line, stores the good files around it, and exits 1", async () => {
    writeFileSync(join(dir, "01-good.txt"), article("Harbour dredging to resume in spring", "Ola Nordmann", "the channel is silting up"));
    writeFileSync(join(dir, "02-empty.txt"), "");
    writeFileSync(join(dir, "03-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    writeFileSync(join(dir, "04-latin1.txt"), Buffer.from(article("Café owners in Ålesund welcome tourists", "Ola Nordmann", "the season looks promising"), "latin1"));
    writeFileSync(join(dir, "05-huge.txt"), "word ".repeat(1_300_000));
    writeFileSync(join(dir, "06-broken-front-matter.txt"), `---\noutlet: [unclosed\npublishedOn: not-a-date\n---\nHeadline\n\nBody text.\n`);
    writeFileSync(join(dir, "07-good.txt"), article("Ferry timetable cut for winter", "Kari Lunde", "the timetable reflects demand"));
    const run = await ingestScript("--workers", "0", dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    const lineFor = (name: string) => lines.filter((l) => l.includes(name));
    for (const bad of ["02-empty.txt", "03-binary.txt", "05-huge.txt", "06-broken-front-matter.txt"]) {
      expect(lineFor(bad)).toHaveLength(1);
      expect(lineFor(bad)[0]).toMatch(/^FAILED/);
    }
    expect(lineFor("05-huge.txt")[0]).toMatch(/MB|bytes/);
    expect(lineFor("06-broken-front-matter.txt")[0]).toMatch(/front matter/i);
    expect(lineFor("04-latin1.txt")[0]).toMatch(/^stored/);
    expect(lines.at(-1)).toBe("7 files: 3 stored, 0 already in the archive, 4 failed");
    const latin = await archive.store.db.prisma.article.findFirst({ where: { headline: { contains: "Ålesund" } } });
    expect(latin?.headline).toBe("Café owners in Ålesund welcome tourists");
  });

  it("reads outlet, date and url from YAML front matter", async () => {
    writeFileSync(join(dir, "c.txt"), `---\noutlet: Coastal Times\npublishedOn: 2025-03-09\nurl: https://coastal.example/c\n---\n${article("Pier repairs finished early", "Ola Nordmann", "the pier is open again")}`);
    const run = await ingest(join(dir, "c.txt"));
    expect(run.code).toBe(0);
    const stored = await archive.store.db.prisma.article.findFirst({ include: { outlet: true } });
    expect(stored).toMatchObject({ headline: "Pier repairs finished early", publishedOn: "2025-03-09", url: "https://coastal.example/c" });
    expect(stored?.outlet?.name).toBe("Coastal Times");
    expect(stored?.body).not.toContain("outlet:");
  });

  it("changes nothing when the same file is ingested again, and says so", async () => {
    writeFileSync(join(dir, "a.txt"), article("Harbour dredging to resume in spring", "Ola Nordmann", "the channel is silting up"));
    await ingest(dir);
    const again = await ingest(dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged .*a\.txt: already in the archive/);
    expect(again.stdout).toContain("1 file: 0 stored, 1 already in the archive, 0 failed");
    expect(await count()).toBe(1);
  });

  it("treats the same url with different content as already stored", async () => {
    const front = (body: string) => `---\noutlet: Coastal Times\npublishedOn: 2025-03-09\nurl: https://coastal.example/same\n---\n${body}`;
    writeFileSync(join(dir, "first.txt"), front(article("Pier repairs finished early", "Ola Nordmann", "the pier is open")));
    await ingest(dir);
    writeFileSync(join(dir, "first.txt"), front(article("Pier repairs finished early (updated)", "Ola Nordmann", "the pier is open")));
    const again = await ingest(dir);
    expect(again.stdout).toContain("same url");
    expect(await count()).toBe(1);
  });

  it("leaves what is already in the archive untouched when a later run has bad files", async () => {
    writeFileSync(join(dir, "01-good.txt"), article("Harbour dredging to resume in spring", "Ola Nordmann", "the channel is silting up"));
    await ingest(dir);
    const before = await archive.store.db.prisma.article.findMany({ include: { quotes: true, mentions: true } });
    writeFileSync(join(dir, "02-empty.txt"), "");
    const run = await ingest(dir);
    expect(run.code).toBe(1);
    expect(await archive.store.db.prisma.article.findMany({ include: { quotes: true, mentions: true } })).toEqual(before);
  });

  it("honours a smaller size limit given with --max-bytes", async () => {
    writeFileSync(join(dir, "a.txt"), article("Harbour dredging to resume in spring", "Ola Nordmann", "the channel is silting up"));
    const run = await ingest("--max-bytes", "100", dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED .*a\.txt/);
  });

  it("refuses an unknown option or a bad --workers, --writers or --commit-every with exit 2, naming it, and touches no file", async () => {
    writeFileSync(join(dir, "a.txt"), article("Harbour dredging to resume in spring", "Ola Nordmann", "the channel is silting up"));
    const unknown = await ingest("--wrokers", "2", dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--wrokers/);
    const workers = await ingest("--workers", "two", dir);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain(`--workers must be a whole number of threads (0 for none), got "two"`);
    const writers = await ingest("--writers", "0", dir);
    expect(writers.code).toBe(2);
    expect(writers.stderr).toContain(`--writers must be a whole number from 1 to 8, got "0"`);
    const group = await ingest("--commit-every", "1.5", dir);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain(`--commit-every must be a whole number of files, at least 1, got "1.5"`);
    // This archive is SQLite, which takes one writer: said so, not silently ignored.
    const onSqlite = await ingest("--writers", "2", dir);
    expect(onSqlite.code).toBe(2);
    expect(onSqlite.stderr).toContain("only a PostgreSQL archive (DATABASE_URL=postgresql://…) takes several writers");
    expect(await count()).toBe(0);
  });
});
