// GET /metrics in Prometheus's text format (prom-client): what an operator graphs and alerts
// on. Requests by route, operation and status with their latency; the cost of GraphQL
// operations; rows exported; how the read threads are used and how long reads waited for
// one; the archive's size; each read replica's state and lag. One registry per app, so several servers in one process (tests)
// do not share counters.
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ReplicaStatus, Store } from "../store/store.js";
import type { FinishedRequest } from "./request-log.js";

// Labels come from clients (operation names) and paths: unbounded label values would grow
// the registry without end. Paths fold into the routes the server has; operation names keep
// the first MAX_OPERATIONS well-formed ones seen, the rest count as "other".
const MAX_OPERATIONS = 200;
const ROUTES: Array<[RegExp, string]> = [
  [/^\/graphql$/, "/graphql"],
  [/^\/export\/articles\.ndjson$/, "/export/articles.ndjson"],
  [/^\/export\/quotes\.ndjson$/, "/export/quotes.ndjson"],
  [/^\/(healthz|readyz|metrics|schema\.graphql)$/, ""],
  [/^\/(ide\/.*)?$/, "/ide"],
];

function routeOf(path: string): string {
  for (const [pattern, route] of ROUTES) if (pattern.test(path)) return route || path;
  return "other";
}

export interface Metrics {
  /** Counts one finished request (requestLog's onFinished). */
  observe(request: FinishedRequest): void;
  handler: RequestHandler;
}

export function createMetrics(store: Store): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "news_archive_http_requests_total",
    help: "HTTP requests answered, by route, method, GraphQL operation name and status.",
    labelNames: ["route", "method", "operation", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "news_archive_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by route.",
    labelNames: ["route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const cost = new Histogram({
    name: "news_archive_graphql_query_cost_nodes",
    help: "Nodes each GraphQL operation could return, as the query limits measure it.",
    buckets: [1, 10, 100, 1_000, 5_000, 10_000, 25_000, 50_000, 100_000],
    registers: [registry],
  });
  const exported = new Counter({
    name: "news_archive_export_rows_total",
    help: "Rows written by bulk exports, by route.",
    labelNames: ["route"] as const,
    registers: [registry],
  });
  const reads = () => store.readStats();
  new Gauge({ name: "news_archive_read_threads", help: "Read threads open.", registers: [registry], collect() { this.set(reads().threads); } });
  new Gauge({ name: "news_archive_read_threads_busy", help: "Read threads serving a read now.", registers: [registry], collect() { this.set(reads().busy); } });
  new Gauge({ name: "news_archive_reads_waiting", help: "Reads waiting for a free read thread now.", registers: [registry], collect() { this.set(reads().waiting); } });
  new Gauge({ name: "news_archive_read_waits_total", help: "Reads that had to wait for a read thread, since start.", registers: [registry], collect() { this.set(reads().waits); } });
  new Gauge({ name: "news_archive_read_wait_seconds_total", help: "Time reads spent waiting for a read thread, since start.", registers: [registry], collect() { this.set(reads().waitSeconds); } });
  new Gauge({
    name: "news_archive_articles",
    help: "Articles in the archive.",
    registers: [registry],
    async collect() {
      this.set(await store.countAllArticles());
    },
  });
  new Gauge({
    name: "news_archive_database_bytes",
    help: "Bytes the archive takes on disk: the SQLite file and its write-ahead log, or the PostgreSQL database.",
    registers: [registry],
    async collect() {
      this.set(await store.sizeInBytes());
    },
  });

  // Read replicas (DATABASE_READ_URLS; none on SQLite): one status query per scrape, shared
  // by the three gauges, which prom-client collects together.
  let scrape: Promise<ReplicaStatus[]> | null = null;
  const replicas = () => (scrape ??= store.replicaStatus().finally(() => setImmediate(() => (scrape = null))));
  const replicaGauge = (name: string, help: string, value: (r: ReplicaStatus) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ["replica"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const replica of await replicas()) {
          const v = value(replica);
          if (v != null) this.set({ replica: replica.url }, v);
        }
      },
    });
  replicaGauge("news_archive_replica_up", "1 when the read replica answered this scrape, 0 when reads skip it.", (r) => (r.state === "up" ? 1 : 0));
  replicaGauge("news_archive_replica_lag_bytes", "WAL the primary has written that the read replica has not replayed yet.", (r) => r.lagBytes);
  replicaGauge("news_archive_replica_lag_seconds", "0 when the read replica has replayed all it received, else the age of the last transaction it replayed.", (r) => r.lagSeconds);

  const operations = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return "";
    if (operations.has(name)) return name;
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name) || operations.size >= MAX_OPERATIONS) return "other";
    operations.add(name);
    return name;
  };

  return {
    observe({ method, path, status, seconds, record }) {
      const route = routeOf(path);
      requests.inc({ route, method, operation: route === "/graphql" ? operationLabel(record.operationName) : "", status: String(status) });
      latency.observe({ route }, seconds);
      if (record.cost != null) cost.observe(record.cost);
      if (record.exported != null) exported.inc({ route }, record.exported);
    },
    handler: async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    },
  };
}
