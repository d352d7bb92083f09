import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import type { Store } from "../store/open-store.js";
import { createApp } from "./app.js";

export interface RunningServer {
  url: string; // e.g. http://127.0.0.1:4000
  port: number;
  close(): Promise<void>;
}

/** Serves the archive on `port` (0 picks a free one) until `close()`. */
export async function startServer(store: Store, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  const app = await createApp(store);
  await store.startReadThreads();
  const server = createServer(app.handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.stop();
    },
  };
}
