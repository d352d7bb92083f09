import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

/** A raw HTTP exchange (fetch would decompress for us and hide the encoding). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; encoding?: string; bytes: Buffer; chunks: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.server.url}${path}`, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode!, encoding: res.headers["content-encoding"], bytes: Buffer.concat(parts), chunks: parts.length }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const QUERY = JSON.stringify({ query: `{ articles(first: 100) { nodes { headline body quotes { nodes { text } } } } }` });

describe("compression", () => {
  it("gzips a GraphQL answer for a client that accepts gzip, and brotli for one that prefers it", async () => {
    const plain = await raw("POST", "/graphql", { "content-type": "application/json" }, QUERY);
    expect(plain.encoding).toBeUndefined();
    const gz = await raw("POST", "/graphql", { "content-type": "application/json", "accept-encoding": "gzip" }, QUERY);
    expect(gz.encoding).toBe("gzip");
    expect(gunzipSync(gz.bytes).toString()).toBe(plain.bytes.toString());
    const br = await raw("POST", "/graphql", { "content-type": "application/json", "accept-encoding": "br, gzip" }, QUERY);
    expect(br.encoding).toBe("br");
    expect(brotliDecompressSync(br.bytes).toString()).toBe(plain.bytes.toString());
  });

  it("compresses an NDJSON export and still ends it with its trailer", async () => {
    const gz = await raw("GET", "/export/quotes.ndjson", { "accept-encoding": "gzip" });
    expect(gz.status).toBe(200);
    expect(gz.encoding).toBe("gzip");
    const lines = gunzipSync(gz.bytes).toString().trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ complete: true, count: lines.length - 1 });
  });
});
