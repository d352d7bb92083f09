// npm run bench:warc -- [--gigabytes 2] [--workers N] [--keep]
// Whether memory stays flat while a multi-gigabyte WARC is ingested. Writes a .warc.gz of
// invented crawl captures to the temp folder (with warcio, as a crawler would: per page a
// request, the HTML response, two images and a script), ingests it into a fresh SQLite
// archive in a process of its own while sampling that process's RSS, prints pages/s and the
// RSS at every thousand records and at its peak, then deletes the WARC and the archive
// (--keep leaves them). The pages are written here, from an invented vocabulary: no
// publisher's text.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { WARCRecord, WARCSerializer } from "warcio";

const { values } = parseArgs({ options: { gigabytes: { type: "string" }, workers: { type: "string" }, keep: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.error("usage: npm run bench:warc -- [--gigabytes 2] [--workers N] [--keep]");
  process.exit(0);
}
const gigabytes = Number(values.gigabytes ?? "2");
if (!(gigabytes > 0 && gigabytes <= 64)) {
  console.error(`--gigabytes must be a size between 0 and 64, got "${values.gigabytes}"`);
  process.exit(2);
}
const targetBytes = gigabytes * 1024 ** 3;

// A seeded generator, so two runs write the same archive.
let seed = 17;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

const PLACES = ["Northhaven", "Eastmere", "Kelby Bay", "Saltmarsh", "Orrin Falls", "Westerholm"];
const PEOPLE = ["Ana Costa", "Tom Lake", "Maren Holt", "Ines Varga", "Kari Elstad", "Luis Prado", "Sten Aas"];
const SUBJECTS = ["the harbour board", "the town council", "the ferry company", "the school trust", "the water authority", "the fishermen's union"];
const VERBS = ["voted to rebuild", "agreed to close", "postponed plans for", "opened talks on", "raised the budget for", "rejected a bid for"];
const OBJECTS = ["the northern pier", "the coastal road", "the old lighthouse", "the winter timetable", "the fish market", "the marina"];

function sentence(): string {
  return `In ${pick(PLACES)}, ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} on ${pick(["Monday", "Tuesday", "Thursday", "Friday"])}, after ${2 + Math.floor(random() * 9)} weeks of debate.`;
}

/** An invented article page, padded with inline script and style as real pages are (most of a page's bytes). */
function page(n: number): string {
  const author = pick(PEOPLE);
  const speaker = pick(PEOPLE.filter((p) => p !== author));
  const headline = `${pick(SUBJECTS).replace(/^the /, "").replace(/^./, (c) => c.toUpperCase())} ${pick(VERBS)} ${pick(OBJECTS)} (${n})`;
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 10) }, (_, i) =>
    i === 2 ? `<p>“We have waited long enough for ${pick(OBJECTS)},” said ${speaker}, who chairs ${pick(SUBJECTS)}.</p>` : `<p>${sentence()} ${sentence()} ${sentence()}</p>`,
  );
  const padding = "var tracker = {" + Array.from({ length: 1500 + Math.floor(random() * 3000) }, (_, i) => `k${i}: "${i.toString(36)}"`).join(", ") + "};";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline} | The Harbour Ledger</title>
<meta property="og:site_name" content="The Harbour Ledger"><meta property="article:published_time" content="2025-0${1 + (n % 9)}-1${n % 10}T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${headline}","author":{"@type":"Person","name":"${author}"}}</script>
<style>${".c{color:#123}".repeat(800)}</style><script>${padding}</script></head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${headline}</h1><p class="byline">By ${author}</p>${paragraphs.join("\n")}
<div class="related"><h3>Related</h3><a href="/x">${pick(SUBJECTS)} meets again</a></div></article>
<section id="comments"><p>Log in to comment.</p></section></body></html>`;
}

async function serialized(url: string, type: "request" | "response", contentType: string, body: Uint8Array): Promise<Uint8Array> {
  async function* payload() {
    yield body;
  }
  const statusline = type === "response" ? "HTTP/1.1 200 OK" : "GET / HTTP/1.1";
  const record = await WARCSerializer.serialize(WARCRecord.create({ url, date: "2025-03-09T10:00:00Z", type, httpHeaders: { "Content-Type": contentType }, statusline }, payload()), { gzip: false });
  // One gzip member per record, as crawlers write .warc.gz; zlib's, which is several times faster than warcio's pako.
  return gzipSync(record, { level: 1 });
}

const dir = mkdtempSync(join(tmpdir(), "bench-warc-"));
const warc = join(dir, "crawl.warc.gz");
const encoder = new TextEncoder();
let written = 0;
let pages = 0;
let records = 0;
const writeStarted = performance.now();
const fd = openSync(warc, "w");
try {
  while (written < targetBytes) {
    pages++;
    const url = `https://harbourledger.example/news/${pages}`;
    const captures = [
      await serialized(url, "request", "text/plain", new Uint8Array(0)),
      await serialized(url, "response", "text/html; charset=utf-8", encoder.encode(page(pages))),
      // Images and scripts do not compress: random bytes stand for them.
      await serialized(`${url}/photo-1.jpg`, "response", "image/jpeg", randomBytes(150_000 + Math.floor(random() * 200_000))),
      await serialized(`${url}/photo-2.jpg`, "response", "image/jpeg", randomBytes(150_000 + Math.floor(random() * 200_000))),
      await serialized(`${url}/app.js`, "response", "application/javascript", randomBytes(60_000)),
    ];
    for (const record of captures) written += writeSync(fd, record);
    records += captures.length;
    if (pages % 500 === 0) console.error(`writing: ${(written / 1024 ** 3).toFixed(2)} GB, ${pages} pages`);
  }
} finally {
  closeSync(fd);
}
const writeSeconds = (performance.now() - writeStarted) / 1000;
console.log(`wrote ${warc}: ${(statSync(warc).size / 1024 ** 3).toFixed(2)} GB, ${records} records, ${pages} HTML pages, in ${writeSeconds.toFixed(0)} s`);

// The ingest runs in a child process, so the RSS measured is the ingest's alone (its extraction
// workers are threads of that process and count in it).
const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "bench", "warc-memory-child.ts"), warc, values.workers ?? ""], {
  env: { ...process.env, DATABASE_URL: `file:${join(dir, "archive.db")}` },
  stdio: ["ignore", "inherit", "inherit"],
});
const code = await new Promise<number>((resolve) => child.once("close", (c) => resolve(c ?? 1)));
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = code;
