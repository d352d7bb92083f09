// Issue 13: a full disk stopped ingest with a stack trace and no totals. The archive here
// lives on a small tmpfs of its own (mounting needs root, as CI has; skipped otherwise).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { writeArticleFiles } from "../support/article-files.js";
import { ingestInProcess } from "../support/ingest-in-process.js";
import { runScript } from "../support/run-script.js";

const dir = mkdtempSync(join(tmpdir(), "news-archive-disk-full-"));
const disk = join(dir, "disk");
mkdirSync(disk);
function mountSmallDisk(): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk], { stdio: "ignore" });
    return true;
  } catch {
    console.warn("disk-full test skipped: mounting a tmpfs needs root (CI runs as root)");
    return false;
  }
}
const mounted = mountSmallDisk();

describe.skipIf(!mounted)("an ingest that fills the disk", () => {
  const path = join(disk, "archive.db");
  const files = join(dir, "files");
  beforeAll(() => {
    copyFileSync(inject("templateDatabase"), path);
    mkdirSync(files);
    writeArticleFiles(files, 400);
  });
  afterAll(() => {
    execFileSync("umount", [disk]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("says the disk is full, how many files it stored and that the archive is intact, exits 3, and stores the rest once there is room", { timeout: 120_000 }, async () => {
    const run = await runScript("ingest.ts", ["--workers", "0", "--commit-every", "20", files], { DATABASE_URL: `file:${path}` });
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stderr).toMatch(/^STOPPED: the disk holding the archive is full .*The archive is intact: the \d+ files reported stored are committed whole.*Free some space and run the same command again.*\[DISK_FULL\]$/m);
    expect(run.code).toBe(3);
    const totals = /^(\d+) files: (\d+) stored, 0 already in the archive, 0 failed$/m.exec(run.stdout);
    expect(totals, run.stdout.split("\n").slice(-3).join("\n")).not.toBeNull();
    const stored = Number(totals![2]);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(400);
    expect(run.stdout.split("\n").filter((l) => l.startsWith("stored "))).toHaveLength(stored);

    const db = new Database(path, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare(`SELECT count(*) AS n FROM articles`).get()).toEqual({ n: stored });
    db.close();

    execFileSync("mount", ["-o", "remount,size=64m", disk]);
    // The same command again, in this process (a script's start-up is seconds).
    const again = await ingestInProcess(`file:${path}`, ["--workers", "0", files]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`400 files: ${400 - stored} stored, ${stored} already in the archive, 0 failed`);
  });
});
