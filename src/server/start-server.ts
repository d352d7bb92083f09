import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import type { Store } from "../store/store.js";
import { createApp } from "./app.js";

export interface RunningServer {
  url: string; // e.g. http://127.0.0.1:4000
  port: number;
  /**
   * Stops accepting connections, closes idle keep-alive ones, lets requests in flight finish
   * for up to `graceMs` (default 10 s), then closes whatever is still open.
   */
  close(graceMs?: number): Promise<void>;
}

export const SHUTDOWN_GRACE_MS = 10_000;

/** Serves the archive on `port` (0 picks a free one) until `close()`. */
export async function startServer(store: Store, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  const app = await createApp(store);
  await store.openReadConnections();
  const server = createServer(app.handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    async close(graceMs = SHUTDOWN_GRACE_MS) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection with no request in flight would hold close() open for ever.
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      await app.stop();
    },
  };
}
