// npm run load:exports -- --database FILE [--seconds 10] [--exports 16] [--stalled 50] [--clients 2]
//   [--slow-timeout-ms 100] [--slow-runs 5]
// What bulk exports and slow queries do to everyone else (issue 13, items 12 and 13). Serves
// the archive with the real server in a child process and, phase after phase:
//   unloaded   GraphQL everyday queries from --clients sequential clients;
//   exporting  the same, while --exports clients each pull /export/articles.ndjson in a loop;
//   stalled    the same, while --stalled sockets send an export request and never read;
//   slow query a second server with QUERY_TIMEOUT_MS=--slow-timeout-ms answers a slow legal
//              query --slow-runs times while a light query is sent beside it.
// /healthz is polled every 100 ms throughout (a failure: not 200 within 2 s), and the
// server's RSS is read from /proc every 250 ms. Prints one block per phase.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DISCOVERY_QUERY, queryMix, type ArchiveSample } from "./load/query-mix.js";
import { percentile } from "./bench/timing.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    database: { type: "string" },
    seconds: { type: "string" },
    exports: { type: "string" },
    stalled: { type: "string" },
    clients: { type: "string" },
    "slow-timeout-ms": { type: "string" },
    "slow-runs": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
const usage = "usage: npm run load:exports -- --database FILE [--seconds 10] [--exports 16] [--stalled 50] [--clients 2] [--slow-timeout-ms 100] [--slow-runs 5]";
const whole = (name: string, fallback: number) => {
  const raw = (values as Record<string, string | undefined>)[name];
  const n = raw == null ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${raw}"\n${usage}`);
    process.exit(2);
  }
  return n;
};
if (values.help || !values.database) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const databaseUrl = values.database.startsWith("file:") ? values.database : `file:${resolve(values.database)}`;
const seconds = whole("seconds", 10);
const exporters = whole("exports", 16);
const stalledCount = whole("stalled", 50);
const clients = whole("clients", 2);
const slowTimeoutMs = whole("slow-timeout-ms", 100);
const slowRuns = whole("slow-runs", 5);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "n/a");

interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

function startServerChild(env: Record<string, string>): Promise<Server> {
  const child = fork(join(root, "scripts/bench/server-child.ts"), [], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", ...env },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolveServer, reject) => {
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    child.once("message", (m: any) =>
      resolveServer({
        child,
        url: m.url,
        async stop() {
          child.removeAllListeners("exit");
          const exited = new Promise((r) => child.once("exit", r));
          child.send("stop");
          // A server that cannot stop in 10 s is killed: the figures are already taken.
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exited;
          clearTimeout(timer);
        },
      }),
    );
  });
}

/** The server's resident memory in MB, from /proc: read without asking its (perhaps busy) event loop. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Polls /healthz and RSS until stopped; counts failures and keeps the worst latency. */
function watch(server: Server) {
  const state = { polls: 0, failures: 0, worstMs: 0, rssMaxMb: 0, failureSamples: [] as string[] };
  let running = true;
  const health = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await res.text();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      } catch (error) {
        state.failures++;
        if (state.failureSamples.length < 3) state.failureSamples.push((error as Error).message);
      }
      state.polls++;
      state.worstMs = Math.max(state.worstMs, performance.now() - t0);
      await sleep(100);
    }
  })();
  const rssTimer = setInterval(() => (state.rssMaxMb = Math.max(state.rssMaxMb, rssMb(server.child.pid!))), 250);
  return {
    state,
    async stop() {
      running = false;
      clearInterval(rssTimer);
      await health;
      return state;
    },
  };
}

async function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** Sequential clients sending the everyday queries of `npm run load` until `until`. */
async function graphqlClients(url: string, sample: ArchiveSample, until: number) {
  const mix = queryMix(sample).filter((q) => q.kind === "normal");
  const latencies: number[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, index) => {
      for (let round = index; performance.now() < until; round++) {
        const t0 = performance.now();
        const { status, json } = await post(url, mix[round % mix.length].body(round));
        latencies.push(performance.now() - t0);
        if (status !== 200 || json?.errors) failed++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, failed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** A client pulling whole exports one after another; on a refusal it waits as told (Retry-After). */
async function exportClient(url: string, until: number, tally: { complete: number; refused: number; failed: number; mb: number }) {
  while (performance.now() < until) {
    const controller = new AbortController();
    const stop = setTimeout(() => controller.abort(), Math.max(0, until - performance.now()));
    try {
      const res = await fetch(`${url}/export/articles.ndjson`, { signal: controller.signal });
      if (res.status !== 200) {
        await res.text();
        if (res.status === 429 || res.status === 503) {
          tally.refused++;
          await sleep(Math.min(until - performance.now(), 1000 * Number(res.headers.get("retry-after") ?? 1)));
        } else tally.failed++;
        continue;
      }
      const reader = res.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) tally.mb += read.value.byteLength / 2 ** 20;
      tally.complete++;
    } catch (error) {
      if (!controller.signal.aborted) tally.failed++;
    } finally {
      clearTimeout(stop);
    }
  }
}

/** A socket that asks for an export and never reads a byte of it. */
function stalledExport(url: string): Socket {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on("error", () => {}); // the server may drop it: that is the point
  socket.write(`GET /export/articles.ndjson HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
  socket.pause();
  return socket;
}

/** Reads what a stalled socket was sent, for up to 3 s: refused (429), cut short (200, closed without a trailer), complete, or still open. */
function readWhatIsLeft(socket: Socket): Promise<"refused" | "cut short" | "complete" | "still open"> {
  return new Promise((resolve) => {
    let head = "";
    let tail = "";
    const timer = setTimeout(() => resolve("still open"), 3_000);
    socket.on("data", (chunk: Buffer) => {
      if (head.length < 12) head += chunk.toString("latin1", 0, 12);
      tail = (tail + chunk.toString("latin1")).slice(-300);
    });
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(head.startsWith("HTTP/1.1 429") ? "refused" : tail.includes(`"complete":true`) ? "complete" : "cut short");
    });
    socket.resume();
  });
}

function report(name: string, g: Awaited<ReturnType<typeof graphqlClients>>, h: Awaited<ReturnType<ReturnType<typeof watch>["stop"]>>, extra = "") {
  console.log(`${name}`);
  console.log(`  graphql: ${g.requests} requests, ${g.failed} failed; p50 ${ms(g.p50)}, p99 ${ms(g.p99)}`);
  console.log(`  healthz: ${h.polls} polls, ${h.failures} failed${h.failureSamples.length ? ` (${h.failureSamples.join("; ")})` : ""}, worst ${ms(h.worstMs)}`);
  console.log(`  server RSS: max ${h.rssMaxMb.toFixed(0)} MB`);
  if (extra) console.log(`  ${extra}`);
}

// Phases 1–3: one server, default timeout.
const server = await startServerChild({});
console.log(`load:exports against ${databaseUrl} at ${server.url}; ${clients} GraphQL clients, ${seconds} s a phase`);
const found = (await post(server.url, { query: DISCOVERY_QUERY })).json.data;
const sample: ArchiveSample = {
  outlets: found.outlets.map((o: { slug: string }) => o.slug),
  people: found.people.edges.map((e: { node: { slug: string } }) => e.node.slug),
  days: [...new Set<string>(found.articles.edges.map((e: { node: { publishedOn: string | null } }) => e.node.publishedOn).filter(Boolean))],
};
await graphqlClients(server.url, sample, performance.now() + 1_000); // warm up
console.log(`server RSS at start: ${rssMb(server.child.pid!).toFixed(0)} MB`);

{
  const w = watch(server);
  const g = await graphqlClients(server.url, sample, performance.now() + seconds * 1000);
  report("unloaded", g, await w.stop());
}
{
  const w = watch(server);
  const until = performance.now() + seconds * 1000;
  const tally = { complete: 0, refused: 0, failed: 0, mb: 0 };
  const pulling = Promise.all(Array.from({ length: exporters }, () => exportClient(server.url, until, tally)));
  const g = await graphqlClients(server.url, sample, until);
  await pulling;
  report(`exporting (${exporters} clients reading exports)`, g, await w.stop(), `exports: ${tally.complete} complete, ${tally.mb.toFixed(0)} MB read, ${tally.refused} refused (429/503), ${tally.failed} failed`);
}
{
  const w = watch(server);
  const sockets = Array.from({ length: stalledCount }, () => stalledExport(server.url));
  const g = await graphqlClients(server.url, sample, performance.now() + seconds * 1000);
  const h = await w.stop();
  // A paused socket hears nothing of the server closing it: read each now for up to 3 s to
  // learn what it was answered (429, or 200) and whether the server had let go of it.
  const fates = await Promise.all(sockets.map(readWhatIsLeft));
  const count = (fate: string) => fates.filter((f) => f === fate).length;
  report(
    `stalled (${stalledCount} export requests never read)`,
    g,
    h,
    `afterwards: ${count("refused")} had been answered 429, ${count("cut short")} cut short by the server, ${count("complete")} complete, ${count("still open")} still open after 3 s of reading`,
  );
  for (const s of sockets) s.destroy();
}
await server.stop();

// Phase 4: item 13, a slow legal query past a short QUERY_TIMEOUT_MS.
// Legal (about 32,000 nodes, depth 8) and slow: broad full-text searches, each article's people with their own pages.
const SLOW_QUERY = `query Slow {
  articles(first: 100, filter: { search: "the OR a OR said OR minister" }) {
    totalCount
    edges { node { headline snippet(search: "the OR said") outlet { name }
      people { name articles(first: 5) { totalCount } quotes(first: 10) { totalCount edges { node { text article { headline } } } } } } }
  }
  b: quotes(first: 100, filter: { search: "the OR a OR said" }) { totalCount edges { node { text speaker { name } } } }
}`;
const slow = await startServerChild({ QUERY_TIMEOUT_MS: String(slowTimeoutMs) });
{
  await post(slow.url, { query: "{ __typename }" });
  const w = watch(slow);
  const answers: string[] = [];
  const light: number[] = [];
  for (let i = 0; i < slowRuns; i++) {
    const t0 = performance.now();
    const slowAnswer = post(slow.url, { query: SLOW_QUERY }).then(({ status, json }) => `${status} ${json?.errors?.[0]?.extensions?.code ?? "data"} after ${ms(performance.now() - t0)}`);
    // A light query sent just after the slow one: answered beside it, or only after it?
    await sleep(10);
    const t1 = performance.now();
    await post(slow.url, { query: "{ outlets { slug } }" });
    light.push(performance.now() - t1);
    answers.push(await slowAnswer);
    await sleep(200);
  }
  light.sort((a, b) => a - b);
  const h = await w.stop();
  console.log(`slow query (QUERY_TIMEOUT_MS=${slowTimeoutMs}), ${slowRuns} runs`);
  for (const a of answers) console.log(`  ${a}`);
  console.log(`  light query beside it: p50 ${ms(percentile(light, 50))}, max ${ms(light.at(-1) ?? NaN)}`);
  console.log(`  healthz: ${h.polls} polls, ${h.failures} failed, worst ${ms(h.worstMs)}; server RSS max ${h.rssMaxMb.toFixed(0)} MB`);
}
await slow.stop();
process.exit(0);
