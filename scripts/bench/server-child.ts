// Run by bench.ts in a process of its own, so the server's RSS is measured apart from the
// benchmark's: serves DATABASE_URL through the real startServer, answers "rss" over IPC, and
// between "observe" and "observed" records the statements the store reads (the benchmark asks
// one query in between, to explain it when it missed its target).
import { startServer } from "../../src/server/start-server.js";
import { migrateStore, openStore } from "../../src/store/open-store.js";
import { observeStatements, type ObservedStatement } from "../../src/store/store.js";

// As npm start does: an archive kept by an earlier version (--db) gets the migrations it lacks.
await migrateStore(process.env.DATABASE_URL!);
const store = await openStore(process.env.DATABASE_URL!);
const server = await startServer(store, 0);
process.send!({ url: server.url });
let observed: ObservedStatement[] = [];
let stopObserving = () => {};
process.on("message", async (message) => {
  if (message === "rss") process.send!({ rssMb: process.memoryUsage().rss / 2 ** 20 });
  if (message === "observe") {
    observed = [];
    stopObserving = observeStatements((statement) => observed.push(statement));
    process.send!({ observing: true });
  }
  if (message === "observed") {
    stopObserving();
    process.send!({ statements: observed });
  }
  if (message === "stop") {
    await server.close();
    await store.close();
    process.exit(0);
  }
});
