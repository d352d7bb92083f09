import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusDates, writeCorpus } from "../../src/corpus-generator/write-corpus.js";
import { extractArticle } from "../../src/extract/pipeline.js";

const root = mkdtempSync(join(tmpdir(), "news-archive-corpus-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]);

describe("the corpus generator", () => {
  it("writes the same files for the same seed, and other files for another seed", () => {
    writeCorpus(join(root, "a"), 60, 7);
    writeCorpus(join(root, "b"), 60, 7);
    writeCorpus(join(root, "c"), 60, 8);
    expect(filesOf(join(root, "a"))).toEqual(filesOf(join(root, "b")));
    expect(filesOf(join(root, "a"))).not.toEqual(filesOf(join(root, "c")));
  });

  it("lists every article in manifest.json with its outlet, a date in the ten years, and a unique url", () => {
    const dir = join(root, "m");
    writeCorpus(dir, 120, 3);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { file: string; outlet: string; publishedOn: string; url: string }[];
    expect(manifest).toHaveLength(120);
    expect(new Set(manifest.map((m) => m.url)).size).toBe(120);
    expect(readdirSync(dir).filter((f) => f.endsWith(".txt"))).toHaveLength(120);
    for (const m of manifest) expect(m.publishedOn >= "2016-01-01" && m.publishedOn <= "2025-12-31").toBe(true);
    // Stories are carried by several outlets.
    expect(new Set(manifest.map((m) => m.outlet)).size).toBeGreaterThan(20);
  });

  it("with a first day and articles a day, dates the stories one after another from that day, as an intake comes", () => {
    const dir = join(root, "intake");
    writeCorpus(dir, 400, 3, { from: "2026-01-02", perDay: 100 });
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { publishedOn: string }[];
    const days = manifest.map((m) => m.publishedOn);
    // File i belongs to a story begun at most seven files before it (a story has up to eight
    // reports), dated by the articles written before it, and comes up to six days after that.
    for (const [i, day] of days.entries()) {
      expect(day >= addDays("2026-01-02", Math.floor(Math.max(0, i - 7) / 100)), `file ${i}`).toBe(true);
      expect(day <= addDays("2026-01-02", Math.floor(i / 100) + 6), `file ${i}`).toBe(true);
    }
    expect(days[0]).toBe("2026-01-02");
  });

  it("takes --from and --per-day as the scripts give them, and says when either is wrong", () => {
    expect(corpusDates(undefined, undefined)).toBeUndefined();
    expect(corpusDates("2026-01-02", undefined)).toEqual({ from: "2026-01-02", perDay: 274 });
    expect(corpusDates("2026-01-02", "50")).toEqual({ from: "2026-01-02", perDay: 50 });
    for (const [from, perDay] of [["2026-02-30", undefined], ["yesterday", undefined], ["2026-01-02", "0"], ["2026-01-02", "2.5"], [undefined, "50"]]) expect(corpusDates(from, perDay)).toBe(false);
    expect(() => writeCorpus(join(root, "bad"), 10, 1, { from: "2026-13-01", perDay: 10 })).toThrow(/"2026-13-01" is not a calendar day/);
  });

  it("writes articles the pipeline extracts with a headline, people and attributed quotes", () => {
    const dir = join(root, "x");
    writeCorpus(dir, 30, 5);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { file: string; outlet: string; publishedOn: string; url: string }[];
    const drafts = manifest.map((m) => extractArticle({ file: m.file, bytes: readFileSync(join(dir, m.file)), meta: m }));
    expect(drafts.every((d) => d.ok)).toBe(true);
    const ok = drafts.flatMap((d) => (d.ok ? [d.draft] : []));
    expect(ok.every((d) => d.headline && d.people.length > 0)).toBe(true);
    const quotes = ok.flatMap((d) => d.quotes);
    expect(quotes.filter((q) => q.speaker).length / quotes.length).toBeGreaterThan(0.8);
  });
});
