// A loopback TCP forwarder in front of a real server, which a test can take down and bring
// back on the same port: a database that refuses connections, or drops them mid-request,
// when the test says so.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Drops every connection through it and stops listening: new connections are refused. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });

export async function startTcpProxy(targetPort: number, { listening = true } = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const serve = () =>
    createServer((client) => {
      const upstream = createConnection(targetPort, "127.0.0.1");
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => (client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream).pipe(client);
    });
  let server = serve();
  const port = await listen(server, 0);
  let open = true;
  const cut = async () => {
    for (const socket of sockets) socket.destroy();
    if (open) await new Promise<void>((resolve) => server.close(() => resolve()));
    open = false;
  };
  if (!listening) await cut();
  return {
    port,
    cut,
    async restore() {
      server = serve();
      await listen(server, port);
      open = true;
    },
    close: cut,
  };
}
