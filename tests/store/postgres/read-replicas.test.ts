// Where the PostgreSQL store reads when DATABASE_READ_URLS names replicas. Three databases
// on the test run's server stand in for a primary and two replicas, told apart by how many
// articles each holds (0, 1, 2): the router only sees URLs, so which one answered shows in
// the count. A TCP forwarder in front of one plays a replica that refuses or drops
// connections. (tests/serving/replica-cluster.test.ts runs real streaming replicas.)
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../../src/server/start-server.js";
import { openStore, type Store } from "../../../src/store/open-store.js";
import { articleDraft } from "../../support/article-drafts.js";
import { POSTGRES_TEMPLATE, postgresUnavailable, runPostgres } from "../../support/postgres-server.js";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy.js";

const RETRY_MS = 200;
const unavailable = postgresUnavailable();

describe.skipIf(unavailable)("reads with DATABASE_READ_URLS", () => {
  let primary: string;
  let one: string; // holds 1 article
  let two: string; // holds 2 articles
  let oneDbName: string;
  let port: number;
  const opened: Store[] = [];
  const proxies: TcpProxy[] = [];
  const open = async (readUrls: string[]) => {
    const store = await openStore(primary, { readUrls, replicaRetryMs: RETRY_MS });
    opened.push(store);
    return store;
  };
  const proxy = async (listening = true) => {
    const p = await startTcpProxy(port, { listening });
    proxies.push(p);
    return p;
  };
  const viaProxy = (p: TcpProxy, database: string) => `postgresql://postgres@127.0.0.1:${p.port}/${database}`;
  const countsOf = (store: Store, n: number) => Promise.all(Array.from({ length: n }, () => store.snapshot((s) => s.countAllArticles())));

  beforeAll(async () => {
    const server = runPostgres();
    port = server.port;
    const name = (role: string) => `replicas_${role}_${process.pid}`;
    oneDbName = name("one");
    [primary, one, two] = await Promise.all(["primary", "one", "two"].map((role) => server.createDatabase(name(role), POSTGRES_TEMPLATE)));
    for (const [url, n] of [[one, 1], [two, 2]] as const) {
      const store = await openStore(url);
      for (let i = 0; i < n; i++) await store.saveArticle(articleDraft({ headline: `Replica article ${i}`, body: `Body ${i}.` }));
      await store.close();
    }
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  it("sends each snapshot to the next replica in turn, and none to the primary while they answer", async () => {
    const store = await open([one, two]);
    const counts = [];
    for (let i = 0; i < 6; i++) counts.push(await store.snapshot((s) => s.countAllArticles()));
    expect(counts).toEqual([1, 2, 1, 2, 1, 2]);
    // Reads outside a snapshot (the health check's count) take turns too.
    expect([await store.countAllArticles(), await store.countAllArticles()].sort()).toEqual([1, 2]);
  });

  it("counts each replica's articles though they hold different ones: remembered counts are per replica", async () => {
    const store = await open([one, two]);
    const counts = [];
    // countArticles remembers a count and adds only newer ids (incremental-count.ts): one
    // count shared by both would carry replica two's article into replica one's count.
    for (let i = 0; i < 4; i++) counts.push(await store.snapshot((s) => s.countArticles({})));
    expect(counts).toEqual([1, 2, 1, 2]);
  });

  it("skips a replica that refuses connections, and tries it again once the retry time has passed", async () => {
    const refusing = await proxy(false);
    const store = await open([viaProxy(refusing, oneDbName), two]);
    expect(await countsOf(store, 4)).toEqual([2, 2, 2, 2]);
    await refusing.restore();
    // Still skipped within the retry time: it failed a moment ago.
    expect(await store.snapshot((s) => s.countAllArticles())).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS + 50));
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push(await store.snapshot((s) => s.countAllArticles()));
    expect(counts.sort()).toEqual([1, 1, 2, 2]);
  });

  it("reads from the primary when no replica answers, rather than failing the request", async () => {
    const refusing = [await proxy(false), await proxy(false)];
    const store = await open(refusing.map((p) => viaProxy(p, oneDbName)));
    expect(await countsOf(store, 3)).toEqual([0, 0, 0]);
  });

  it("moves a request whose replica drops mid-way to another holding the same state, and the request carries on", async () => {
    const dropping = await proxy();
    // The same database through the forwarder and directly: two replicas at the same point.
    const store = await open([viaProxy(dropping, oneDbName), one]);
    const counts = await store.snapshot(async (s) => {
      const before = await s.countAllArticles();
      await dropping.cut();
      return [before, await s.countAllArticles(), (await s.findArticles({}, "PUBLISHED_ON_DESC", { first: 5 })).rows.length];
    });
    expect(counts).toEqual([1, 1, 1]);
  });

  it("keeps the answer of a request whose replica goes away after its last read, before the commit", async () => {
    const dropping = await proxy();
    const store = await open([viaProxy(dropping, oneDbName), two]);
    const answer = await store.snapshot(async (s) => {
      const n = await s.countAllArticles();
      await dropping.cut();
      return n;
    });
    expect(answer).toBe(1);
  });

  it("fails a request whose replica drops mid-way when the next one holds a different state, saying so", async () => {
    const dropping = await proxy();
    const store = await open([viaProxy(dropping, oneDbName), two]);
    const outcome = await store
      .snapshot(async (s) => {
        await s.countAllArticles();
        await dropping.cut();
        return s.countAllArticles();
      })
      .then(String, (e: Error) => e.message);
    expect(outcome).toMatch(/stopped answering mid-request, and postgresql:\/\/postgres@127\.0\.0\.1:\d+\/replicas_two_\d+ holds a different state of the archive .*send the request again/);
  });

  it("reports why a request failed when its replica drops and the primary refuses too, not a second release of its connection", async () => {
    const [replica, primaryDoor] = [await proxy(), await proxy()];
    const store = await openStore(viaProxy(primaryDoor, primary.split("/").pop()!), { readUrls: [viaProxy(replica, oneDbName)], replicaRetryMs: RETRY_MS });
    opened.push(store);
    const outcome = await store
      .snapshot(async (s) => {
        await s.countAllArticles();
        await Promise.all([replica.cut(), primaryDoor.cut()]);
        return s.countAllArticles();
      })
      .then(String, (e: Error) => e.message);
    expect(outcome).toMatch(/ECONNREFUSED/);
  });

  it("shows each replica on /healthz and /metrics: up with its lag, or down with the reason", async () => {
    const refusing = await proxy(false);
    const store = await open([one, viaProxy(refusing, oneDbName)]);
    const server = await startServer(store, 0);
    try {
      const body = await (await fetch(`${server.url}/healthz`)).json();
      expect(body).toMatchObject({
        status: "ok",
        replicas: [
          // A database that is not a streaming standby has no lag to report.
          { url: one, state: "up", replaying: false, lagBytes: null, lagSeconds: null },
          { url: viaProxy(refusing, oneDbName), state: "down", error: expect.stringMatching(/ECONNREFUSED/) },
        ],
      });
      expect(body.articles).toBe(1); // from replica one: the other was found down when the server opened its connections
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toContain(`news_archive_replica_up{replica="${one}"} 1`);
      expect(metrics).toContain(`news_archive_replica_up{replica="${viaProxy(refusing, oneDbName)}"} 0`);
      expect(metrics).not.toMatch(/news_archive_replica_lag_bytes\{/); // neither is a streaming standby
    } finally {
      await server.close();
    }
  });
});
