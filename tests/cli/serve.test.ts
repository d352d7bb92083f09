import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { graphql } from "../support/graphql-client.js";
import { projectRoot } from "../support/run-script.js";

const dir = mkdtempSync(join(tmpdir(), "news-archive-start-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `npm start`'s script on an empty database file and resolves with its URL once it listens. */
function start(): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "scripts", "serve.ts")], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: `file:${join(dir, "archive.db")}`, PORT: "0" },
    });
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /GraphQL API on (http:\/\/\S+)\/graphql/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}

describe("npm start", () => {
  it("migrates an empty database, loads the sample corpus, and serves it", { timeout: 120_000 }, async () => {
    const url = await start();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; articles: number };
    expect(body.status).toBe("ok");
    expect(body.articles).toBeGreaterThanOrEqual(12);

    const res = await graphql(url, `{ outlets { name articleCount } articles(first: 1) { totalCount edges { node { headline quotes { totalCount } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.outlets.length).toBeGreaterThanOrEqual(4);
    expect(res.data!.articles.totalCount).toBe(body.articles);

    // Regression: outside the test runner graphql loads once, and a Date literal's error
    // went out as GRAPHQL_VALIDATION_FAILED with no argument named.
    const badDate = await graphql(url, `{ articles(filter: { publishedAfter: "2025-02-30" }) { totalCount } }`);
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.publishedAfter" });
  });
});
