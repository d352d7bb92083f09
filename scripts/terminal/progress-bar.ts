// Progress on a terminal, drawn by cli-progress on stderr and redrawn in place; nothing at
// all when stderr is not a terminal (a pipe, a CI log), where a line per redraw would be noise.
import { basename } from "node:path";
import { MultiBar, Presets, SingleBar, type Options, type SingleBar as Bar } from "cli-progress";
import type { ArchiveProgress } from "../../src/corpus/read-corpus.js";

export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const counted = (n: number) => n.toLocaleString("en-US");
// The terminal's own settings are left alone (cursor shown, lines wrapping; cli-progress cuts
// the bar to the width instead): a Ctrl-C in the middle then leaves nothing to restore.
const looks: Options = {
  barsize: 30,
  hideCursor: false,
  linewrap: true,
  clearOnComplete: true,
  formatValue: (value, _options, type) => (type === "value" || type === "total" ? counted(value) : String(value)),
};

/** A bar for a job whose size is known in advance: `done` of `total` `unit` (an export's rows). */
export function progressBar(stream: NodeJS.WriteStream, total: number, unit: string): ProgressBar {
  const bar = new SingleBar({ ...looks, stream, format: `[{bar}] {percentage}% {value}/{total} ${unit} {duration}s` }, Presets.legacy);
  bar.start(total, 0); // draws nothing, and update() does nothing, unless `stream` is a terminal
  return { update: (done) => bar.update(done), finish: () => bar.stop() };
}

/** What ingest and extract print while they read: a bar for a long archive, and their lines above it. */
export interface ReadingProgress {
  /** For readCorpus; absent when stderr is not a terminal. */
  onProgress?: (progress: ArchiveProgress) => void;
  /** A line of the command's output (stdout) and one of its messages (stderr). */
  out(line: string): void;
  err(line: string): void;
  /** Writes what is still buffered and takes the bar away. */
  stop(): void;
}

/** A bar per archive file being read (how far into the file, how many records), on a terminal. */
export function readingProgress(): ReadingProgress {
  const plain: ReadingProgress = { out: (line) => console.log(line), err: (line) => console.error(line), stop() {} };
  if (!process.stderr.isTTY) return plain;
  const bars = new MultiBar({ ...looks, stream: process.stderr, format: "[{bar}] {percentage}% {file}: {records} records read" }, Presets.legacy);
  let bar: Bar | null = null;
  // Once a bar is drawn, a line written straight to the terminal would land on the bar's own
  // line: cli-progress writes it above the bar instead. That holds for stdout too when it is
  // the same terminal; stdout sent elsewhere (a file, a pipe) is written as usual.
  const above = (line: string, onTerminal: boolean, write: (line: string) => void) => (bar && onTerminal ? bars.log(`${line}\n`) : write(line));
  return {
    onProgress({ file, records, bytesRead, bytes }) {
      const payload = { file: basename(file), records: counted(records) }; // the lines above give the whole path
      if (!bar) bar = bars.create(bytes, bytesRead, payload);
      else {
        bar.setTotal(bytes);
        bar.update(bytesRead, payload);
      }
    },
    out: (line) => above(line, process.stdout.isTTY === true, plain.out),
    err: (line) => above(line, true, plain.err),
    stop() {
      if (!bar) return;
      bars.update(); // lines logged since the last redraw: cli-progress's stop() would drop them
      bars.stop();
      bar = null;
    },
  };
}
