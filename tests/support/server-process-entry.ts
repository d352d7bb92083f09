// Run by server-process.ts in a process of its own: serves the archive at DATABASE_URL on a
// free port of 127.0.0.1 and says where on stderr, leaving stdout to the server's log.
import { startServer } from "../../src/server/start-server.js";
import { openStore } from "../../src/store/open-store.js";

const store = await openStore();
const server = await startServer(store, 0);
process.stderr.write(`listening ${server.url}\n`);
process.once("SIGTERM", async () => {
  await server.close();
  await store.close();
  process.exit(0);
});
