// The archive on a real primary with two streaming replicas (scripts/cluster/local-cluster.ts,
// as `npm run cluster:local` starts them): ingest on the primary, GraphQL over HTTP from a
// server reading the replicas (DATABASE_READ_URLS), replication lag on /healthz, and a
// replica stopped in the middle of a stream of requests without one of them failing.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalCluster, type LocalCluster } from "../../scripts/cluster/local-cluster.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { migrateStore, openStore, type Store } from "../../src/store/open-store.js";
import { articleDraft } from "../support/article-drafts.js";
import { graphql } from "../support/graphql-client.js";
import { ingestInProcess } from "../support/ingest-in-process.js";
import { postgresUnavailable } from "../support/postgres-server.js";
import { SAMPLE_CORPUS_DIR } from "../support/sample-server.js";

const QUERIES = [
  `{ articles(first: 5) { totalCount edges { node { headline outlet { name } people { name } } } } }`,
  `{ people(first: 5, orderBy: MOST_QUOTED) { totalCount edges { node { name quotes(first: 2) { edges { node { text } } } } } } }`,
  `{ quotes(first: 5, filter: { search: "minister" }) { totalCount edges { node { text speaker { name } article { headline } } } } }`,
];

const unavailable = postgresUnavailable();

async function sql<R>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

describe.skipIf(unavailable)("a primary and two streaming replicas", () => {
  let cluster: LocalCluster;
  const stores: Store[] = [];
  const servers: RunningServer[] = [];
  let fromPrimary: RunningServer;
  let fromReplicas: RunningServer;
  let sampleArticles: number;

  const serve = async (readUrls: string[]) => {
    const store = await openStore(cluster.primary.url, { readUrls, replicaRetryMs: 60_000 });
    stores.push(store);
    const server = await startServer(store, 0);
    servers.push(server);
    return server;
  };
  const health = async (server: RunningServer) => (await fetch(`${server.url}/healthz`)).json();
  /**
   * /healthz's replicas once `done` holds for them (at most 5 s). The primary writes WAL of
   * its own now and then (autovacuum, a standby snapshot record every 15 s), so a replica
   * caught up a moment ago can be a few bytes behind when asked.
   */
  const replicasWhen = async (done: (replicas: any[]) => boolean) => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { replicas } = await health(fromReplicas);
      if (done(replicas) || Date.now() > deadline) return replicas;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const caughtUp = (r: { lagBytes: number | null; lagSeconds: number | null }) => r.lagBytes === 0 && r.lagSeconds === 0;

  beforeAll(async () => {
    cluster = await startLocalCluster({ prepare: (primary) => migrateStore(primary.url) });
    const ingest = await ingestInProcess(cluster.primary.url, ["--workers", "0", SAMPLE_CORPUS_DIR]);
    expect(ingest.code, ingest.stderr).toBe(0);
    await cluster.waitForReplay();
    fromPrimary = await serve([]);
    fromReplicas = await serve(cluster.readUrls);
    sampleArticles = (await health(fromPrimary)).articles;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close(0)));
    await Promise.all(stores.map((s) => s.close()));
    cluster?.stop();
  });

  it("answers GraphQL and exports from the replicas as from the primary once they have replayed an ingest", async () => {
    expect(sampleArticles).toBeGreaterThan(10);
    for (const query of QUERIES) {
      const expected = await graphql(fromPrimary.url, query);
      expect(expected.errors).toBeUndefined();
      // Two requests: one on each replica (round robin).
      for (let i = 0; i < 2; i++) expect(await graphql(fromReplicas.url, query)).toEqual(expected);
    }
    const exported = async (server: RunningServer) => (await fetch(`${server.url}/export/quotes.ndjson`)).text();
    const quotes = await exported(fromPrimary);
    expect(quotes.split("\n").length).toBeGreaterThan(10);
    expect(await exported(fromReplicas)).toBe(quotes);
    const replicas = await replicasWhen((rs) => rs.every(caughtUp));
    expect(replicas).toEqual(cluster.readUrls.map((url) => ({ url, state: "up", replaying: true, lagBytes: 0, lagSeconds: 0 })));
  });

  it("shows a replica's lag on /healthz, and each request counts what its own replica holds", async () => {
    const [paused, following] = cluster.readUrls;
    await sql(paused, `SELECT pg_wal_replay_pause()`);
    const primaryStore = stores[0];
    try {
      await primaryStore.saveArticle(articleDraft({ headline: "Filed after the replicas copied the sample", body: "Breaking: a late article." }));
      const replicas = await replicasWhen((rs) => caughtUp(rs[1]));
      expect(replicas[0]).toMatchObject({ url: paused, state: "up", replaying: true, lagBytes: expect.any(Number) });
      expect(replicas[0].lagBytes).toBeGreaterThan(0);
      expect(replicas[0].lagSeconds).toBeGreaterThan(0);
      expect(replicas[1]).toMatchObject({ url: following, state: "up", lagBytes: 0, lagSeconds: 0 });
      const metrics = await (await fetch(`${fromReplicas.url}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`news_archive_replica_lag_bytes\\{replica="${paused}"\\} [1-9]`));
      // Requests alternate between a replica without the new article and one with it; each
      // count is its replica's own, not one remembered from the other.
      const counts = [];
      for (let i = 0; i < 4; i++) counts.push((await graphql(fromReplicas.url, `{ articles(first: 1) { totalCount } }`)).data!.articles.totalCount);
      expect(counts.sort()).toEqual([sampleArticles, sampleArticles, sampleArticles + 1, sampleArticles + 1]);
    } finally {
      await sql(paused, `SELECT pg_wal_replay_resume()`);
    }
    await cluster.waitForReplay();
    expect((await health(fromReplicas)).articles).toBe(sampleArticles + 1);
  });

  it("loses no request when a replica stops in the middle of a stream of them", async () => {
    const expected = await Promise.all(QUERIES.map((q) => graphql(fromPrimary.url, q)));
    const failures: string[] = [];
    let answered = 0;
    let running = true;
    const client = async (n: number) => {
      for (let i = n; running; i++) {
        const k = i % QUERIES.length;
        const answer = await graphql(fromReplicas.url, QUERIES[k]).catch((e: Error) => ({ status: 0, errors: [{ message: e.message }] }));
        answered++;
        if (JSON.stringify(answer) !== JSON.stringify(expected[k])) failures.push(`${answer.status} ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    while (answered < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    const beforeStop = answered;
    cluster.replicas[0].stop(); // immediate: its connections drop mid-statement, as in a crash
    const afterStop = answered;
    while (answered < afterStop + 40) await new Promise((resolve) => setTimeout(resolve, 5));
    running = false;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(beforeStop).toBeGreaterThanOrEqual(20);
    const replicas = (await health(fromReplicas)).replicas;
    expect(replicas[0]).toMatchObject({ url: cluster.readUrls[0], state: "down", error: expect.any(String) });
    expect(replicas[1]).toMatchObject({ url: cluster.readUrls[1], state: "up", replaying: true });
  });
});
