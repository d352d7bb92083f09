// The format an article came from, as ingest records it and the API and the export give it back.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WARCRecord, WARCSerializer } from "warcio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { graphql } from "../support/graphql-client.js";
import { inventedPage } from "../support/invented-pages.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const page = (slug: string, headline: string) =>
  inventedPage({ slug, headline, author: "Kari Elstad", speaker: "Maren Holt", remark: `The ${slug} matters to every family here`, day: "2025-03-05" });

async function warcOf(url: string, html: string): Promise<Uint8Array> {
  async function* payload() {
    yield new TextEncoder().encode(html);
  }
  const record = WARCRecord.create({ url, date: "2025-03-09T10:00:00Z", type: "response", httpHeaders: { "Content-Type": "text/html; charset=utf-8" }, statusline: "HTTP/1.1 200 OK" }, payload());
  return WARCSerializer.serialize(record, { gzip: true });
}

let archive: TestArchive;
let server: RunningServer;
let dir: string;
beforeEach(async () => {
  archive = await createTestArchive();
  dir = mkdtempSync(join(tmpdir(), "news-archive-formats-"));
});
afterEach(async () => {
  await server?.close();
  await archive.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the source format of an article", () => {
  it("is recorded at ingest for text, HTML, WARC and news-please, and given by GraphQL and the export", async () => {
    writeFileSync(join(dir, "a.txt"), `Dredging resumes in the channel\n\nBy Test Writer\n\nOla Nordmann, the harbour master, said on Tuesday that "the channel is silting up," adding that work would go on.\n`);
    writeFileSync(join(dir, "b.html"), page("pier", "Harbour board votes to rebuild the northern pier"));
    writeFileSync(join(dir, "c.warc.gz"), await warcOf("https://harbourledger.example/news/ferry", page("ferry", "Ferry returns to the northern route")));
    writeFileSync(
      join(dir, "d.jsonl"),
      JSON.stringify({ title: "School reopens after the storm", maintext: 'The school on Quay Street reopened on Monday.\n\n"We are glad to be back," said Ines Varga, the head teacher.', url: "https://quaypost.example/school", date_publish: "2025-03-07 09:00:00" }) + "\n",
    );
    // The ingest's own code on this thread: the CLI around it adds a second start-up of tsx, and tests/cli/ingest.test.ts covers it.
    const totals = await ingestFiles(archive.store, [dir], { workers: 0 });
    expect(totals).toMatchObject({ stored: 4, failed: 0 });

    server = await startServer(archive.store, 0);
    const res = await graphql(server.url, `{ articles(first: 10) { nodes { headline sourceFormat } } }`);
    expect(res.errors).toBeUndefined();
    const byHeadline = Object.fromEntries(res.data!.articles.nodes.map((n: { headline: string; sourceFormat: string }) => [n.headline, n.sourceFormat]));
    expect(byHeadline).toEqual({
      "Dredging resumes in the channel": "TEXT",
      "Harbour board votes to rebuild the northern pier": "HTML",
      "Ferry returns to the northern route": "WARC",
      "School reopens after the storm": "NEWS_PLEASE",
    });

    const exported = (await (await fetch(`${server.url}/export/articles.ndjson`)).text()).trimEnd().split("\n").map((l) => JSON.parse(l)).slice(0, -1);
    expect(Object.fromEntries(exported.map((a) => [a.headline, a.sourceFormat]))).toEqual(byHeadline);
  });
});
