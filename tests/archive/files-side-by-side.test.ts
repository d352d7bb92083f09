// An ingest with several writers (PostgreSQL) starts side by side articles that quote
// different people: a speaker's lock is taken by one writer at a time, so a file quoting
// someone an article being saved quotes waits for a later file that does not. The files'
// outcomes are still reported in the order they were read.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, type FileOutcome } from "../../src/archive/ingest-files.js";
import type { ArticleDraft } from "../../src/extract/types.js";
import type { Store } from "../../src/store/store.js";
import { postgresUnavailable } from "../support/postgres-server.js";
import { createStoreOn, type TestStore } from "../support/test-stores.js";

const unavailable = postgresUnavailable();

const article = (headline: string, speaker: string, remark: string) =>
  `${headline}\n\nBy Kari Lund\n\nBERGEN – The harbour board met on Monday to settle the works on the quay.\n\n"${remark}," ${speaker} said after the meeting.\n`;

describe.skipIf(unavailable)("files saved side by side by several writers", () => {
  let archive: TestStore;
  let folder: string;
  beforeAll(async () => {
    archive = await createStoreOn("postgresql");
    folder = mkdtempSync(join(tmpdir(), "side-by-side-"));
    writeFileSync(join(folder, "1.txt"), article("Quay works to start in spring", "Ingrid Halvorsen", "We start the quay works in spring"));
    writeFileSync(join(folder, "2.txt"), article("Quay works to cost more", "Ingrid Halvorsen", "The quay will cost more than we planned"));
    writeFileSync(join(folder, "3.txt"), article("Ferry timetable to change", "Tomas Berg", "The ferries will run every hour from May"));
  });
  afterAll(async () => {
    await archive?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** The archive's store, with each article's headline noted as its save starts, and a save failing as `fail` says. */
  function watched(started: string[], fail: (draft: ArticleDraft) => Error | undefined = () => undefined): Store {
    return new Proxy(archive.store, {
      get(target, prop) {
        if (prop === "saveArticle")
          return async (draft: ArticleDraft, lane?: number) => {
            started.push(draft.headline!);
            const error = fail(draft);
            if (error) throw error;
            return target.saveArticle(draft, lane);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Store;
  }

  it("starts a later file quoting someone else before one quoting a speaker being saved, and reports them in order", async () => {
    const started: string[] = [];
    const reported: FileOutcome[] = [];
    const totals = await ingestFiles(watched(started), [folder], { writers: 2, onFile: (outcome) => reported.push(outcome) });
    expect(totals).toMatchObject({ files: 3, stored: 3, failed: 0 });
    expect(started).toEqual(["Quay works to start in spring", "Ferry timetable to change", "Quay works to cost more"]);
    expect(reported.map((outcome) => outcome.file.split("/").at(-1))).toEqual(["1.txt", "2.txt", "3.txt"]);
    // The two remarks of one speaker are still hers, each a statement of its own.
    const halvorsen = await archive.store.findPeople({ search: "Halvorsen" }, "NAME", { first: 5 });
    expect(halvorsen.rows.map((p) => p.name)).toEqual(["Ingrid Halvorsen"]);
  });

  it("stops at a full disk with files read ahead and not started, reporting none of them", async () => {
    const many = mkdtempSync(join(tmpdir(), "side-by-side-many-"));
    try {
      for (let i = 1; i <= 20; i++) writeFileSync(join(many, `${String(i).padStart(2, "0")}.txt`), article(`Harbour notice ${i}`, i % 2 ? "Ingrid Halvorsen" : "Tomas Berg", `Notice ${i} is posted on the quay`));
      const started: string[] = [];
      const reported: FileOutcome[] = [];
      const full = Object.assign(new Error("could not extend file: No space left on device"), { code: "53100" });
      const totals = await ingestFiles(watched(started, (draft) => (draft.headline === "Harbour notice 3" ? full : undefined)), [many], { writers: 2, onFile: (outcome) => reported.push(outcome) });
      expect(totals.stopped?.code).toBe("DISK_FULL");
      // Reported: the files before the one the disk refused, and nothing after it.
      expect(reported.map((outcome) => outcome.file.split("/").at(-1))).toEqual(["01.txt", "02.txt"]);
      expect(started.length).toBeLessThan(20);
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });
});
