import { expressMiddleware } from "@as-integrations/express5";
import compression from "compression";
import express, { type ErrorRequestHandler } from "express";
import { createContext } from "../graphql/context.js";
import { schemaText } from "../graphql/schema-text.js";
import type { Store } from "../store/store.js";
import { createApolloServer } from "./apollo.js";
import { explorerOperations, explorerRouter } from "./explorer.js";
import { ideRouter } from "./ide.js";
import { cors } from "./cors.js";
import { exportPace } from "./export-pace.js";
import { exportRouter } from "./export-routes.js";
import { tokenLimit } from "./query-limits.js";
import { snapshotOf, withReadSnapshot } from "./read-snapshot.js";
import { createMetrics } from "./metrics.js";
import { createLogger, linkRequestRecord, requestLog } from "./request-log.js";
import { queryTimeoutMs, requestTimeout } from "./request-timeout.js";
import { unknownRoutes } from "./unknown-routes.js";

export interface App {
  handler: express.Express;
  stop(): Promise<void>;
}

/** The archive's HTTP surface: /graphql, /export, /healthz, the IDE, the explorer. Read-only: writes belong to the ingest CLI. */
export async function createApp(store: Store): Promise<App> {
  // The explorer's operations, known as persisted queries from the start (known-operations.ts).
  const apollo = createApolloServer(explorerOperations());
  await apollo.start();
  const app = express();
  app.disable("x-powered-by");
  const logger = createLogger();
  const metrics = createMetrics(store);
  app.use(requestLog(logger, metrics.observe));
  // gzip or brotli (quality 4) when the client accepts it, for JSON answers and NDJSON
  // exports alike (NDJSON is not in the default filter's list of compressible types);
  // exports flush after each page, so they stay streamed (server/write-chunks.ts).
  app.use(compression({ filter: (req, res) => /^application\/x-ndjson/.test(String(res.getHeader("content-type"))) || compression.filter(req, res) }));
  // Before the IDE's router, which would answer a preflight for /graphql itself.
  app.use("/graphql", cors(["GET", "POST"]));
  app.use("/export", cors(["GET"]));
  app.use("/schema.graphql", cors(["GET"]));

  // With read replicas (DATABASE_READ_URLS), each one's state and lag: right after an
  // ingest a replica's lagBytes says how much of it that replica's readers do not see yet.
  app.get("/healthz", async (_req, res) => {
    const [articles, replicas] = await Promise.all([store.countAllArticles(), store.replicaStatus()]);
    res.json({ status: "ok", articles, ...(replicas.length ? { replicas } : {}) });
  });
  app.get("/metrics", metrics.handler);
  // Ready to be sent traffic: the archive has every migration this code needs and answers
  // a read. A load balancer polls this; /healthz only says the process is up.
  app.get("/readyz", async (_req, res) => {
    try {
      const missing = await store.missingMigrations();
      if (missing.length) {
        res.status(503).json({ status: "not ready", reason: `the archive lacks migrations ${missing.join(", ")}: run npm run ingest or restart npm start to apply them` });
        return;
      }
      res.json({ status: "ready", articles: await store.countAllArticles() });
    } catch (error) {
      res.status(503).json({ status: "not ready", reason: `the archive does not answer: ${(error as Error).message.slice(0, 200)}` });
    }
  });

  // The SDL for codegen tools, without introspection.
  app.get("/schema.graphql", (_req, res) => {
    res.type("text/plain; charset=utf-8").set("cache-control", "no-cache").send(schemaText());
  });

  app.use(ideRouter()); // the IDE at / and, for browsers, at /graphql
  app.use(explorerRouter()); // the analysts' explorer under /explore

  // Exports take turns with GraphQL requests, which go first (server/export-pace.ts).
  const pace = exportPace();
  app.use(exportRouter(store, logger, pace)); // /export/articles.ndjson, /export/quotes.ndjson

  const graphqlHandlers = [
    // Said here, not by Apollo's cache-control plugin (apollo.ts): no answer is for keeping.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.set("cache-control", "no-store");
      next();
    },
    pace.trackGraphql,
    requestTimeout(queryTimeoutMs()),
    express.json({ limit: "100kb" }),
    tokenLimit(),
    withReadSnapshot(
      store,
      expressMiddleware(apollo, {
        context: async ({ res }) => {
          const context = createContext(snapshotOf(res, store));
          linkRequestRecord(context, res);
          return context;
        },
      }),
    ),
  ];
  // The exact path (app.use would also take /graphql/anything), and only the methods
  // GraphQL over HTTP uses: others fall through to unknownRoutes' 405.
  app.route("/graphql").get(graphqlHandlers).post(graphqlHandlers);

  app.use(unknownRoutes());

  // Express's default handler answers a malformed JSON body with a stack trace.
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) console.error("request failed:", error);
    const message =
      error?.type === "entity.parse.failed"
        ? "The request body is not valid JSON."
        : error?.type === "entity.too.large"
          ? `The request body is larger than the limit of ${error.limit} bytes.`
          : status === 500
            ? "Internal server error"
            : String(error?.message ?? "Bad request");
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
  };
  app.use(onError);

  return { handler: app, stop: () => apollo.stop() };
}
