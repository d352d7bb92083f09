import { spawn, type ChildProcess } from "node:child_process";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { graphql } from "../support/graphql-client.js";
import { projectRoot, runScript } from "../support/run-script.js";

const dir = mkdtempSync(join(tmpdir(), "news-archive-start-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm start` itself (npm, then the script) on an empty database file; resolves with it and its URL once it listens. */
function npmStart(): Promise<{ npm: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const npm = (child = spawn("npm", ["start"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: `file:${join(dir, "archive.db")}`, PORT: "0" } }));
    let out = "";
    npm.stdout!.on("data", (d) => {
      out += d;
      const m = /GraphQL API on (http:\/\/\S+)\/graphql/.exec(out);
      if (m) resolve({ npm, url: m[1] });
    });
    npm.stderr!.on("data", (d) => (out += d));
    npm.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}

// One start serves both promises: each start migrates and loads the sample, seconds apiece.
describe("npm start", () => {
  it("migrates an empty database, loads the sample corpus and serves it; SIGTERM to what it started exits 0 and frees the port", { timeout: 120_000 }, async () => {
    const { npm, url } = await npmStart();
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

    const exited = new Promise<number | null>((resolve) => npm.once("exit", resolve));
    npm.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Nothing listens on the port any more: it can be taken again at once.
    const port = Number(new URL(url).port);
    const again = createNetServer();
    await new Promise<void>((resolve, reject) => again.once("error", reject).listen(port, "127.0.0.1", resolve));
    again.close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe("npm start as an operator runs it", () => {
  it("prints its options and environment variables for --help, and starts nothing", async () => {
    const run = await runScript("serve.ts", ["--help"]);
    expect(run.code).toBe(0);
    for (const variable of ["PORT", "HOST", "DATABASE_URL", "QUERY_TIMEOUT_MS", "LOG_LEVEL"]) expect(run.stdout).toContain(variable);
    expect(run.stdout).not.toContain("GraphQL API on");
  });

  it("says in one line that the port is taken and which variable to change", async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = await runScript("serve.ts", [], { DATABASE_URL: `file:${join(dir, "archive.db")}`, PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toEqual([`news-archive: port ${port} on 127.0.0.1 is already in use by another process; set PORT to a free port (or PORT=0 for any).`]);
    } finally {
      taken.close();
    }
  });
});
