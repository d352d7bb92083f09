// @ts-check
// Reads article files just ahead of the ingest (started by read-ahead.ts), so that the ingest's
// own reads, synchronous on its busiest thread, find them in the page cache instead of
// waiting for the disk. What it reads is thrown away; a file it cannot read is left for the
// ingest to report. Plain JavaScript for the reason sqlite/read-worker.js gives.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { upTo } = /** @type {{ upTo: number }} */ (workerData);
const buffer = Buffer.allocUnsafe(upTo);

/** @param {string} file */
function warm(file) {
  let fd;
  try {
    // Non-blocking, and read only if a regular file: a FIFO put in a file's place stays unopened.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (fstatSync(fd).isFile()) readSync(fd, buffer, 0, upTo, 0);
  } catch {
    // the ingest's own read says what is wrong with the file
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
port.on("message", (/** @type {string[]} */ files) => {
  for (const file of files) warm(file);
});
