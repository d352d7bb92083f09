// Run by bench.ts in a process of its own, so the server's RSS is measured apart from the
// benchmark's: serves DATABASE_URL through the real startServer, answers "rss" over IPC.
import { startServer } from "../../src/server/start-server.js";
import { openStore } from "../../src/store/open-store.js";

const store = await openStore(process.env.DATABASE_URL!);
const server = await startServer(store, 0);
process.send!({ url: server.url });
process.on("message", async (message) => {
  if (message === "rss") process.send!({ rssMb: process.memoryUsage().rss / 2 ** 20 });
  if (message === "stop") {
    await server.close();
    await store.close();
    process.exit(0);
  }
});
