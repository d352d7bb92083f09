import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { WARCRecord, WARCSerializer } from "warcio";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/corpus/detect-format.js";
import { readCorpus, type CorpusEntry } from "../../src/corpus/read-corpus.js";
import { extractArticle } from "../../src/extract/pipeline.js";
import { inventedPage } from "../support/invented-pages.js";

const encoder = new TextEncoder();
const pages = ["pier", "ferry", "school"].map((slug, i) =>
  inventedPage({ slug, headline: `Harbour story number ${i + 1} about the ${slug}`, author: "Kari Elstad", speaker: "Maren Holt", remark: `The ${slug} matters to every family here`, day: `2025-03-0${i + 1}` }),
);

async function record(url: string, body: string, contentType = "text/html; charset=utf-8", type: "response" | "request" = "response"): Promise<Uint8Array> {
  async function* payload() {
    yield encoder.encode(body);
  }
  const warc = WARCRecord.create({ url, date: "2025-03-09T10:00:00Z", type, httpHeaders: { "Content-Type": contentType }, statusline: type === "response" ? "HTTP/1.1 200 OK" : "GET / HTTP/1.1" }, payload());
  return WARCSerializer.serialize(warc, { gzip: true });
}

async function collect(paths: string[]): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  for await (const entry of readCorpus(paths)) entries.push(entry);
  return entries;
}

describe("crawler files", () => {
  it("tells HTML, WARC, news-please JSON and text apart by their first bytes, not their names", () => {
    expect(detectFormat(encoder.encode("<!DOCTYPE html><html><head>"))).toEqual({ kind: "html", gzip: false });
    expect(detectFormat(gzipSync("<html><body><p>x</p></body></html>"))).toEqual({ kind: "html", gzip: true });
    expect(detectFormat(encoder.encode("WARC/1.1\r\nWARC-Type: warcinfo\r\n"))).toEqual({ kind: "warc" });
    expect(detectFormat(gzipSync("WARC/1.0\r\nWARC-Type: response\r\n"))).toEqual({ kind: "warc" });
    expect(detectFormat(encoder.encode('{"title": "A", "maintext": "B"}'))).toEqual({ kind: "news-please" });
    expect(detectFormat(encoder.encode("---\noutlet: The Harbour Ledger\n---\nHeadline"))).toEqual({ kind: "text" });
  });

  it("stores every HTML record of a WARC once, reports a record cut short by its offset and still reads it, and counts the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warc-"));
    const first = await record("https://harbourledger.example/news/pier", pages[0]);
    const image = await record("https://harbourledger.example/pier.png", "\x89PNG not really", "image/png");
    const request = await record("https://harbourledger.example/news/ferry", "", "text/plain", "request");
    const whole = await record("https://harbourledger.example/news/ferry", pages[1]);
    // The third page's gzip member loses its last 300 bytes, as a crawl killed mid-write leaves it.
    const cut = (await record("https://harbourledger.example/news/school", pages[2])).subarray(0, -300);
    const file = join(dir, "crawl.warc.gz");
    writeFileSync(file, Buffer.concat([first, image, request, whole, cut]));

    const entries = await collect([file]);
    const articles = entries.filter((e) => e.raw);
    expect(articles.map((e) => e.raw!.capture?.url)).toEqual([
      "https://harbourledger.example/news/pier",
      "https://harbourledger.example/news/ferry",
      "https://harbourledger.example/news/school",
    ]);
    const offsetOfCut = first.length + image.length + request.length + whole.length;
    const last = articles[2];
    expect(last.file).toBe(`${file}#${offsetOfCut}`);
    expect(last.warning).toMatch(new RegExp(`cut short.*offset ${offsetOfCut}`));
    expect(entries.find((e) => e.skipped)?.skipped?.reason).toMatch(/2 records that are not HTML pages passed over \(1 image\/png response, 1 request record\)/);

    const drafts = articles.map((e) => extractArticle(e.raw!));
    expect(drafts.map((d) => d.ok && d.draft.format)).toEqual(["warc", "warc", "warc"]);
    const school = drafts[2];
    if (!school.ok) throw new Error(school.message);
    expect(school.draft.headline).toBe("Harbour story number 3 about the school");
    expect(school.draft.body).toContain("The harbour board voted on Tuesday");
  });

  it("reads on past a corrupt record in a plain WARC and names its offset", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warc-"));
    const plain = async (url: string, body: string) => {
      async function* payload() {
        yield encoder.encode(body);
      }
      return WARCSerializer.serialize(WARCRecord.create({ url, date: "2025-03-09T10:00:00Z", type: "response", httpHeaders: { "Content-Type": "text/html" }, statusline: "HTTP/1.1 200 OK" }, payload()), { gzip: false });
    };
    const a = await plain("https://harbourledger.example/news/pier", pages[0]);
    const b = (await plain("https://harbourledger.example/news/ferry", pages[1])).subarray(0, 900);
    const c = await plain("https://harbourledger.example/news/school", pages[2]);
    const file = join(dir, "crawl.warc");
    writeFileSync(file, Buffer.concat([a, b, c]));
    const entries = await collect([file]);
    expect(entries.filter((e) => e.raw).map((e) => e.raw!.capture?.url)).toEqual([
      "https://harbourledger.example/news/pier",
      "https://harbourledger.example/news/ferry",
      "https://harbourledger.example/news/school",
    ]);
    expect(entries.find((e) => e.raw?.capture?.url?.endsWith("ferry"))?.warning).toMatch(/cut short/);
  });

  it("lets a manifest entry keyed by a record's target URI override what the page states, over the WARC file's own entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warc-"));
    const file = join(dir, "crawl.warc.gz");
    writeFileSync(file, Buffer.concat([await record("https://harbourledger.example/news/pier", pages[0]), await record("https://harbourledger.example/news/ferry", pages[1])]));
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify([
        { file: "crawl.warc.gz", outlet: "Harbour Ledger Weekend" },
        { file: "HTTPS://harbourledger.example/news/pier", publishedOn: "2025-04-01", url: "https://harbourledger.example/print/pier" },
        { file: "https://harbourledger.example/news/ferry", outlet: "Ferry Gazette" },
      ]),
    );
    const drafts = (await collect([file])).filter((e) => e.raw).map((e) => extractArticle(e.raw!));
    expect(drafts.map((d) => d.ok && { outlet: d.draft.outlet, publishedOn: d.draft.publishedOn, url: d.draft.url })).toEqual([
      { outlet: "Harbour Ledger Weekend", publishedOn: "2025-04-01", url: "https://harbourledger.example/print/pier" },
      { outlet: "Ferry Gazette", publishedOn: "2025-03-02", url: "https://harbourledger.example/news/ferry" },
    ]);
  });

  it("fails only the WARC record whose manifest entry is wrong, naming its offset and URI", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warc-"));
    const file = join(dir, "crawl.warc.gz");
    const first = await record("https://harbourledger.example/news/pier", pages[0]);
    writeFileSync(file, Buffer.concat([first, await record("https://harbourledger.example/news/ferry", pages[1])]));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ "https://harbourledger.example/news/ferry": { publishedOn: "2025-02-30" } }));
    const entries = await collect([file]);
    expect(entries.filter((e) => e.raw).map((e) => e.raw!.capture?.url)).toEqual(["https://harbourledger.example/news/pier"]);
    const failed = entries.find((e) => e.error);
    expect(failed?.error?.code).toBe("BAD_MANIFEST");
    expect(failed?.error?.message).toContain(`${file}#${first.length} (https://harbourledger.example/news/ferry) was not read`);
    expect(failed?.error?.message).toMatch(/publishedOn.*calendar day/);
  });

  it("says how far it has read every thousand records of a WARC", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warc-"));
    // Small request records written by hand: warcio takes a while over thousands of records.
    const request = (n: number) => `WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}>\r\nWARC-Target-URI: https://harbourledger.example/${n}\r\nContent-Length: 0\r\n\r\n\r\n\r\n`;
    const file = join(dir, "crawl.warc");
    writeFileSync(file, Array.from({ length: 2500 }, (_, n) => request(n)).join(""));
    const progress: number[] = [];
    for await (const entry of readCorpus([file], { onProgress: ({ records }) => progress.push(records) })) expect(entry.error).toBeUndefined();
    expect(progress).toEqual([1000, 2000]);
  });

  it("reads news-please records from a JSON lines file, one article a line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "np-"));
    const line = (n: number) =>
      JSON.stringify({
        title: `Ferry timetable changes for the spring, part ${n}`,
        authors: ["Kari Elstad"],
        date_publish: "2025-03-05 08:30:00",
        url: `https://harbourledger.example/news/ferry-${n}`,
        source_domain: "harbourledger.example",
        maintext: `The coastal ferry will leave an hour earlier from April, the operator said on Monday.\n\n“Passengers asked for an earlier crossing,” said Maren Holt, who runs the route.`,
      });
    const file = join(dir, "export.jsonl");
    writeFileSync(file, `${line(1)}\n${line(2)}\n`);
    const entries = await collect([file]);
    expect(entries.map((e) => e.file)).toEqual([`${file}#1`, `${file}#2`]);
    const result = extractArticle(entries[0].raw!);
    if (!result.ok) throw new Error(result.message);
    expect(result.draft).toMatchObject({ format: "news-please", headline: "Ferry timetable changes for the spring, part 1", byline: ["Kari Elstad"], publishedOn: "2025-03-05", url: "https://harbourledger.example/news/ferry-1" });
    expect(result.draft.quotes[0]).toMatchObject({ speaker: "Maren Holt" });
  });
});
