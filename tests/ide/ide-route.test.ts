// The IDE over plain HTTP: which requests get the page, which go on to Apollo, and how the
// bundle's files are served. The browser test (ide.test.ts) covers what the page does.
import express from "express";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ideRouter } from "../../src/server/ide.js";
import { readIdeManifest } from "../../src/server/ide-manifest.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const manifest = readIdeManifest();

let api: ApiFixture;
beforeAll(async () => {
  if (!manifest) throw new Error("The IDE is not built: run `npm run build:ide` (npm install runs it) before these tests.");
  api = await startApiFixture([]);
});
afterAll(() => api?.close());

const get = (path: string, accept = BROWSER_ACCEPT) => fetch(`${api.server.url}${path}`, { headers: { accept } });

describe("the IDE page", () => {
  it("is what a browser gets at /graphql and at /", async () => {
    for (const path of ["/graphql", "/"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      const html = await res.text();
      expect(html, path).toContain(`<script type="module" src="/ide/${manifest!.script}"></script>`);
      expect(html, path).toContain(`<link rel="stylesheet" href="/ide/${manifest!.stylesheet}">`);
    }
  });

  it("references no URL outside this origin", async () => {
    const html = await (await get("/graphql")).text();
    expect(html).not.toMatch(/https?:|\/\/[a-z0-9]/i);
    const links = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    for (const link of links) expect(link).toMatch(/^(\/[^/]|data:)/);
  });

  it("forbids the browser to load or send anything to another host", async () => {
    const csp = (await get("/graphql")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    for (const directive of ["script-src", "worker-src", "connect-src", "style-src", "font-src", "img-src"]) {
      const sources = new RegExp(`${directive} ([^;]*)`).exec(csp)?.[1] ?? "";
      expect(sources, directive).not.toMatch(/https?:|\*/);
    }
  });

  it("carries the endpoint, Monaco's worker URLs and the example queries in its config", async () => {
    const html = await (await get("/")).text();
    const config = JSON.parse(/<script type="application\/json" id="ide-config">(.*?)<\/script>/s.exec(html)![1]);
    expect(config.endpoint).toBe("/graphql");
    expect(config.workers).toEqual({
      editor: `/ide/${manifest!.workers.editor}`,
      json: `/ide/${manifest!.workers.json}`,
      graphql: `/ide/${manifest!.workers.graphql}`,
    });
    expect(config.examples.map((e: { id: string }) => e.id)).toContain("outlet-articles-in-period");
  });
});

describe("requests that are not for the page", () => {
  it("sends POST /graphql to Apollo", async () => {
    const res = await api.query(`{ outlets { name } }`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ outlets: [] });
  });

  it("sends GET /graphql with a query and a JSON Accept header to Apollo", async () => {
    const res = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ outlets { name } }")}`, {
      headers: { accept: "application/graphql-response+json, application/json", "apollo-require-preflight": "true" },
    });
    expect(res.headers.get("content-type")).toMatch(/json/);
    expect(await res.json()).toMatchObject({ data: { outlets: [] } });
  });

  it("sends GET /graphql that accepts anything (curl's */*) to Apollo", async () => {
    const res = await get(`/graphql?query=${encodeURIComponent("{ outlets { name } }")}`, "*/*");
    expect(res.headers.get("content-type")).toMatch(/json/);
  });
});

describe("the bundle's files", () => {
  it("are served with their content type and cached for a year, as their names change with their content", async () => {
    const expected: [string, RegExp][] = [
      [manifest!.script, /^text\/javascript|^application\/javascript/],
      [manifest!.stylesheet, /^text\/css/],
      [manifest!.workers.editor, /^text\/javascript|^application\/javascript/],
      [manifest!.workers.graphql, /^text\/javascript|^application\/javascript/],
    ];
    for (const [file, type] of expected) {
      const res = await get(`/ide/${file}`, "*/*");
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type"), file).toMatch(type);
      expect(res.headers.get("cache-control"), file).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options"), file).toBe("nosniff");
      await res.arrayBuffer();
    }
  });

  it("answers a file the build did not write with 404", async () => {
    const res = await get("/ide/assets/ide-NOTAHASH.js", "*/*");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No such IDE file");
  });

  it("does not serve the build's manifest", async () => {
    expect((await get("/ide/manifest.json", "*/*")).status).toBe(404);
  });
});

describe("an archive whose IDE is not built", () => {
  it("tells the browser how to build it, and the API still answers", async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), "news-archive-no-ide-"));
    const app = express().use(ideRouter({ buildDir: emptyDir })).use("/graphql", (_req, res) => void res.json({ data: {} }));
    const server = createServer(app).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("npm run build:ide");
      const api = await fetch(`${base}/graphql`, { method: "POST", headers: { accept: "application/json" } });
      expect(await api.json()).toEqual({ data: {} });
    } finally {
      server.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
