import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus, type CorpusEntry } from "../../src/corpus/read-corpus.js";

let dir: string;
const collect = async (paths: string[], options = {}) => {
  const entries: CorpusEntry[] = [];
  for await (const entry of readCorpus(paths, options)) entries.push(entry);
  return entries;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-corpus-"));
  await mkdir(join(dir, "good"));
  await writeFile(join(dir, "good", "b.txt"), "Second article.");
  await writeFile(join(dir, "good", "a.txt"), "First article.");
  await writeFile(join(dir, "good", "notes.md"), "not an article");
  await writeFile(join(dir, "good", "manifest.json"), JSON.stringify([{ file: "a.txt", outlet: "The Harbour Post", publishedOn: "2025-01-07", url: "https://post.example/a" }]));
  await mkdir(join(dir, "broken"));
  await writeFile(join(dir, "broken", "c.txt"), "Third article.");
  await writeFile(join(dir, "broken", "manifest.json"), "{ not json");
  await mkdir(join(dir, "big"));
  await writeFile(join(dir, "big", "huge.txt"), "x".repeat(5000));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("readCorpus", () => {
  it("reads a folder's .txt files in name order with manifest metadata", async () => {
    const listed = await collect([join(dir, "good")]);
    const entries = listed.filter((e) => e.raw);
    expect(entries.map((e) => e.file.split("/").pop())).toEqual(["a.txt", "b.txt"]);
    expect(listed.find((e) => e.file.endsWith("notes.md"))?.skipped?.reason).toMatch(/^is not an article file \(\.txt, \.html/);
    expect(entries[0].raw?.meta).toEqual({ outlet: "The Harbour Post", publishedOn: "2025-01-07", url: "https://post.example/a" });
    expect(entries[1].raw?.meta).toBeUndefined();
    expect(new TextDecoder().decode(entries[0].raw!.bytes)).toBe("First article.");
  });

  it("reads a file named directly", async () => {
    const entries = await collect([join(dir, "good", "b.txt")]);
    expect(entries).toHaveLength(1);
    expect(entries[0].raw).toBeDefined();
  });

  it("reports a malformed manifest, naming it", async () => {
    const [entry] = await collect([join(dir, "broken")]);
    expect(entry.error?.code).toBe("BAD_MANIFEST");
    expect(entry.error?.message).toContain(join(dir, "broken", "manifest.json"));
  });

  it("reports an oversize file as TOO_LARGE without reading it", async () => {
    const [entry] = await collect([join(dir, "big")], { maxBytes: 1000 });
    expect(entry).toMatchObject({ error: { code: "TOO_LARGE" } });
    expect(entry.raw).toBeUndefined();
  });

  it("reports a missing path", async () => {
    const [entry] = await collect([join(dir, "nowhere")]);
    expect(entry.error?.code).toBe("NOT_FOUND");
  });
});
