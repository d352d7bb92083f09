// The thread that reads a folder's files ahead of the ingest (src/corpus/read-ahead.ts) is only a
// help: whatever it meets, it must never hold up the ingest or its end. A named pipe put in
// a file's place after the listing would block a plain open for ever.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { ReadAhead } from "../../src/corpus/read-ahead.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stopsWithin = (promise: Promise<void>, ms: number) =>
  Promise.race([promise.then(() => "stopped"), new Promise((resolve) => setTimeout(() => resolve("still running"), ms))]);

it.skipIf(process.platform === "win32")("reads past a named pipe among the files, and a file that is gone, and stops when told", async () => {
  dir = mkdtempSync(join(tmpdir(), "read-ahead-"));
  const files = Array.from({ length: 100 }, (_, i) => join(dir, `${String(i).padStart(3, "0")}.txt`));
  files.forEach((file, i) => i !== 5 && i !== 9 && writeFileSync(file, `Article ${i}\n\nSome text.\n`));
  execFileSync("mkfifo", [files[5]]); // 009 is never written: gone
  const readAhead = new ReadAhead(files, 4096);
  for (let i = 0; i < files.length; i++) readAhead.reading(i);
  // Give the thread time to reach the pipe, then ask it to stop: a thread blocked in open()
  // on the pipe cannot be stopped.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await stopsWithin(readAhead.close(), 10_000)).toBe("stopped");
});
