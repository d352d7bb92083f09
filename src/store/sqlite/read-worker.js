// @ts-check
// One read connection on a thread of its own (started by sqlite/read-thread.ts). SQLite
// answers synchronously: run on the server's thread, a slow statement stopped every other
// request, /healthz and the request timeout's own timer with it. Here it stops only this
// thread. Statements arrive as messages and are answered in the order they came.
//
// Plain JavaScript, type-checked through JSDoc: a TypeScript worker would need tsx
// registered in every thread, which cost ~0.7 s and ~25 MB per thread (eight threads
// starting together took 6 s on two cores), where this one answers within milliseconds.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** @typedef {import("./read-messages.js").ReadRequest} ReadRequest */
/** @typedef {import("./read-messages.js").ReadReply} ReadReply */

// Statements of one connection, least recently used dropped first: filters with IN lists
// of any length make a few hundred distinct statements at most, but not a fixed set.
const STATEMENT_CACHE_SIZE = 500;

const { path } = /** @type {{ path: string }} */ (workerData);
// timeout: a reader waits (rarely, briefly) while a writer in another process checkpoints.
const db = new Database(path, { timeout: 10_000 });
db.pragma("journal_mode = WAL");
// A read connection must never write, whatever SQL reaches it.
db.pragma("query_only = ON");

/** @type {Map<string, Database.Statement>} */
const statements = new Map();

/** @param {string} sql */
function prepared(sql) {
  let statement = statements.get(sql);
  if (statement) statements.delete(sql);
  else {
    statement = db.prepare(sql);
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(/** @type {string} */ (statements.keys().next().value));
  }
  statements.set(sql, statement);
  return statement;
}

/**
 * @param {ReadRequest} request
 * @returns {ReadReply}
 */
function answer(request) {
  try {
    if (request.kind === "all") return { id: request.id, rows: prepared(request.sql).all(...request.params) };
    if (request.kind === "begin") db.exec("BEGIN");
    else if (request.kind === "commit" && db.inTransaction) db.exec("COMMIT");
    return { id: request.id, rows: [] };
  } catch (error) {
    const { message, code } = /** @type {{ message: string, code?: string }} */ (error);
    return { id: request.id, error: { message, code } };
  }
}

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
port.on("message", (/** @type {ReadRequest} */ request) => port.postMessage(answer(request)));
