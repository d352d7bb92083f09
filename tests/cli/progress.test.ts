// A long WARC read by `npm run ingest` or `npm run extract` shows a progress bar (cli-progress)
// on a terminal, and nothing of it in a pipe or a CI log. The terminal is a real
// pseudo-terminal, made by util-linux's `script`.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WARCRecord, WARCSerializer } from "warcio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventedPage } from "../support/invented-pages.js";
import { projectRoot, runScript } from "../support/run-script.js";

const encoder = new TextEncoder();
let dir: string;
let warc: string;

// 2,500 request records (a bar is drawn every 1,000 records) around two HTML pages.
function requestRecord(n: number): string {
  const body = `GET /page-${n} HTTP/1.1\r\nHost: harbourledger.example\r\n\r\n`;
  return `WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}>\r\nWARC-Date: 2025-03-09T10:00:00Z\r\nWARC-Target-URI: https://harbourledger.example/page-${n}\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: ${encoder.encode(body).length}\r\n\r\n${body}\r\n\r\n`;
}
async function page(slug: string): Promise<Uint8Array> {
  const html = inventedPage({ slug, headline: `Harbour story about the ${slug}`, author: "Kari Elstad", speaker: "Maren Holt", remark: `The ${slug} matters to every family here`, day: "2025-03-01" });
  async function* payload() {
    yield encoder.encode(html);
  }
  const record = WARCRecord.create({ url: `https://harbourledger.example/news/${slug}`, date: "2025-03-09T10:00:00Z", type: "response", httpHeaders: { "Content-Type": "text/html; charset=utf-8" }, statusline: "HTTP/1.1 200 OK" }, payload());
  return WARCSerializer.serialize(record, { gzip: false });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "news-archive-progress-"));
  warc = join(dir, "crawl.warc");
  const requests = (from: number) => encoder.encode(Array.from({ length: 1250 }, (_, i) => requestRecord(from + i)).join(""));
  writeFileSync(warc, Buffer.concat([await page("pier"), requests(0), await page("ferry"), requests(1250)]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script with stdout and stderr on one pseudo-terminal; returns what the terminal received. */
function onTerminal(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, "--import", "tsx", join(projectRoot, "scripts", script), ...args].map((a) => `'${a}'`).join(" ");
  return new Promise((resolve) => {
    execFile("script", ["--quiet", "--return", "--command", command, "/dev/null"], { cwd: projectRoot, env: { ...process.env, ...env } }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, screen: stdout }),
    );
  });
}

describe("progress while reading a long archive", () => {
  it("draws a bar for ingest on a terminal (the file, the share read, the records) with its lines above it, and one for the export of what was stored", { timeout: 90_000 }, async () => {
    const env = { DATABASE_URL: `file:${join(dir, "archive.db")}` };
    const ingest = await onTerminal("ingest.ts", ["--workers", "0", warc], env);
    expect(ingest.code).toBe(0);
    expect(ingest.screen).toMatch(/\[[=-]{30}\] \d+% crawl\.warc: (1,000|2,000) records read/);
    expect(ingest.screen.match(/^(?:.*\u001b\[2K)?stored    .*crawl\.warc#\d+: "Harbour story about the (pier|ferry)"/gm)).toHaveLength(2);
    expect(ingest.screen).toContain("2 files: 2 stored, 0 already in the archive, 0 failed (1 other entry skipped)");
    // The cursor and line wrapping are never switched off, so a Ctrl-C leaves the terminal as it was.
    expect(ingest.screen).not.toMatch(/\u001b\[\?(25l|7l)/);

    const exported = await onTerminal("export.ts", ["--out", join(dir, "articles.ndjson")], env);
    expect(exported.code).toBe(0);
    expect(exported.screen).toMatch(/\[=+\] 100% 2\/2 articles \d+s/);
    expect(exported.screen).toMatch(/2 articles written to .*articles\.ndjson in [\d.]+ s/);
  });

  it("prints no bar and no terminal codes when the output is not a terminal", { timeout: 60_000 }, async () => {
    const run = await runScript("extract.ts", [warc]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
    expect(run.stderr).toBe(`${warc}: skipped, 2500 records that are not HTML pages passed over (2500 request records)\n`);
    expect(run.stdout + run.stderr).not.toMatch(/records read|\u001b|\r/);
  });
});
