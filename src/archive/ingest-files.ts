// Files → extraction → store, each file in a transaction of its own (on SQLite in a group
// committed together; on PostgreSQL several files at once, one per writer): a bad file is
// reported and skipped, and the files around it are stored all the same.
// Extraction may run ahead on worker threads (extraction-pool.ts).
import { readCorpus, type ArchiveProgress, type CorpusEntry } from "../corpus/read-corpus.js";
import type { ExtractOptions, ExtractResult } from "../extract/types.js";
import type { Store } from "../store/store.js";
import { extractEntries } from "./extraction-pool.js";
import { nameKey } from "../extract/names.js";

export type FileOutcome =
  | { file: string; status: "stored"; articleId: number; headline: string | null; outlet: string | null; publishedOn: string | null; people: number; quotes: number; warning?: string }
  | { file: string; status: "duplicate"; articleId: number; matchedOn: "contentHash" | "url" }
  | { file: string; status: "failed"; code: string; message: string }
  | { file: string; status: "skipped"; reason: string };

export interface IngestTotals {
  /**
   * Set when the ingest stopped before its last file: the disk filled. Files reported before
   * it are committed; the group being written was rolled back whole, and nothing after it read.
   */
  stopped?: { code: "DISK_FULL"; message: string };
  files: number;
  stored: number;
  duplicate: number;
  failed: number;
  /** Entries of folders that are not article files (subfolders, other files, FIFOs); not failures. */
  skipped: number;
}

/** Ingests files and folders (their article files), calling `onFile` as each one (or each record of an archive) is done. */
export async function ingestFiles(
  store: Store,
  paths: string[],
  // workers: threads extracting ahead of the writer (0, the default, extracts on this thread).
  // writers: files saved at once, each on a connection of its own (PostgreSQL; SQLite writes one at a time).
  // commitEvery: files committed together on SQLite (see COMMIT_GROUP).
  options: ExtractOptions & { onFile?: (outcome: FileOutcome) => void; workers?: number; writers?: number; commitEvery?: number; onProgress?: (progress: ArchiveProgress) => void } = {},
): Promise<IngestTotals> {
  const totals: IngestTotals = { files: 0, stored: 0, duplicate: 0, failed: 0, skipped: 0 };
  // Outcomes are reported once their files are committed, so a "stored" line is never a
  // file that a killed ingest then loses.
  let uncommitted: FileOutcome[] = [];
  const reportCommitted = () => {
    for (const outcome of uncommitted) {
      if (outcome.status !== "skipped") totals.files++;
      totals[outcome.status]++;
      options.onFile?.(outcome);
    }
    uncommitted = [];
  };
  const entries = readCorpus(paths, { maxBytes: options.maxBytes, onProgress: options.onProgress });
  const writers = Math.min(Math.max(1, options.writers ?? 1), store.writeLanes);
  try {
    await store.inBatches({ ...COMMIT_GROUP, size: options.commitEvery ?? COMMIT_GROUP.size }, async (commitPoint) => {
      const extractedEntries = extractEntries(entries, options.workers ?? 0, { maxBytes: options.maxBytes });
      if (writers === 1) {
        for await (const { entry, extracted } of extractedEntries) {
          uncommitted.push(await storeExtracted(store, entry, extracted));
          if (await commitPoint()) reportCommitted();
        }
        return;
      }
      // Several files in flight, one per writer; their outcomes are still reported in input order.
      const lanes = new Lanes(writers);
      const ahead = new FilesAhead();
      let reported: Promise<void> = Promise.resolve();
      const startNext = async () => {
        const lane = await lanes.take();
        const file = ahead.next();
        const saved = storeExtracted(store, file.entry, file.extracted, lane).finally(() => {
          ahead.done(file);
          lanes.give(lane);
        });
        saved.catch(() => (lanes.failed = true)); // a full disk: rethrown in order below
        file.started(saved);
      };
      for await (const { entry, extracted } of extractedEntries) {
        const file = ahead.add(entry, extracted);
        reported = reported.then(async () => {
          const outcome = await file.saved;
          if (!outcome) return; // never started: the ingest stopped first
          uncommitted.push(outcome);
          if (await commitPoint()) reportCommitted();
        });
        if (ahead.size >= writers * FILES_AHEAD_PER_WRITER) await startNext();
        if (lanes.failed) break;
      }
      while (ahead.size && !lanes.failed) await startNext();
      ahead.dropAll();
      await reported;
    });
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    // inBatches rolled the open group back: its files are not in the archive, so not reported.
    const lost = uncommitted.filter((o) => o.status === "stored").length;
    uncommitted = [];
    totals.stopped = {
      code: "DISK_FULL",
      message:
        `the disk holding the archive is full (${(error as Error).message}). ` +
        `The archive is intact: the ${totals.stored} files reported stored are committed whole` +
        (lost ? `, and the ${lost} being written when the disk filled were rolled back` : "") +
        `. Free some space and run the same command again: files already stored are left as they are.`,
    };
    return totals;
  }
  reportCommitted();
  return totals;
}

// SQLite reports a full disk as SQLITE_FULL, or as an I/O error when the write itself fails;
// PostgreSQL as SQLSTATE 53100 (disk_full).
function isDiskFull(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === "SQLITE_FULL" || code === "53100" || (typeof code === "string" && code.startsWith("SQLITE_IOERR") && /ENOSPC|disk is full|no space/i.test(message ?? "")) || code === "ENOSPC";
}

// Files committed together: see SqlWrites.inBatches. Each
// commit writes the group's new FTS5 segment, which later merges rewrite, and the pages it
// touched: groups of 50 files or 100 ms spent a third of the ingest's main thread committing,
// and 20,000 articles went in at 290/s; groups of up to 2,000 files or 3 s, at 410/s. A killed
// ingest loses at most the group (3 s of work; its files were not reported stored).
export const COMMIT_GROUP = { size: 2000, ms: 3000 };

// Files read and extracted ahead of the writers, from which each free writer takes the next.
const FILES_AHEAD_PER_WRITER = 4;

interface FileAhead {
  entry: CorpusEntry;
  extracted: ExtractResult | undefined;
  /** The name keys of the people its article quotes. */
  speakers: string[];
  /** Its outcome once saved; undefined if it was never started. */
  saved: Promise<FileOutcome | undefined>;
  started(saving: Promise<FileOutcome>): void;
  dropped(): void;
}

/**
 * The files waiting for a writer, in input order. A writer takes the first whose article
 * quotes nobody an article being saved quotes, or else the first: writers side by side take
 * a speaker's lock one at a time (see LOCK_SPACES), and two much-quoted speakers' articles
 * started together had one writer waiting for the other. A file passed over is taken as soon
 * as no article being saved quotes its speakers, so none waits for long.
 */
class FilesAhead {
  private readonly waiting: FileAhead[] = [];
  /** Speakers of the articles being saved, each with how many of them quote it. */
  private readonly busy = new Map<string, number>();

  get size(): number {
    return this.waiting.length;
  }

  add(entry: CorpusEntry, extracted: ExtractResult | undefined): FileAhead {
    const quotes = extracted?.ok ? extracted.draft.quotes : [];
    const speakers = [...new Set(quotes.flatMap((q) => (q.speaker && q.speakerKind !== "organisation" ? [nameKey(q.speaker)] : [])))];
    let settle!: (outcome: Promise<FileOutcome> | undefined) => void;
    const saved = new Promise<FileOutcome | undefined>((resolve) => (settle = resolve));
    saved.catch(() => {}); // a full disk: rethrown where its outcome is reported, in order
    const file: FileAhead = { entry, extracted, speakers, saved, started: (saving) => settle(saving), dropped: () => settle(undefined) };
    this.waiting.push(file);
    return file;
  }

  /** Takes the file to start next, its speakers then being busy until done(file). */
  next(): FileAhead {
    const free = this.waiting.findIndex((file) => file.speakers.every((speaker) => !this.busy.has(speaker)));
    const [file] = this.waiting.splice(Math.max(0, free), 1);
    for (const speaker of file.speakers) this.busy.set(speaker, (this.busy.get(speaker) ?? 0) + 1);
    return file;
  }

  done(file: FileAhead): void {
    for (const speaker of file.speakers) {
      const left = this.busy.get(speaker)! - 1;
      if (left) this.busy.set(speaker, left);
      else this.busy.delete(speaker);
    }
  }

  /** Files never started (the ingest stopped) are reported as nothing. */
  dropAll(): void {
    for (const file of this.waiting.splice(0)) file.dropped();
  }
}

/** Writer lanes free to take a file, and a wait for one when none is. */
class Lanes {
  private readonly free: number[];
  private readonly waiting: ((lane: number) => void)[] = [];
  /** A save failed beyond its own file (a full disk): no more files are started. */
  failed = false;

  constructor(count: number) {
    this.free = Array.from({ length: count }, (_, i) => count - 1 - i);
  }

  take(): Promise<number> {
    const lane = this.free.pop();
    return lane !== undefined ? Promise.resolve(lane) : new Promise((resolve) => this.waiting.push(resolve));
  }

  give(lane: number): void {
    const next = this.waiting.shift();
    if (next) next(lane);
    else this.free.push(lane);
  }
}

async function storeExtracted(store: Store, entry: CorpusEntry, extracted: ExtractResult | undefined, lane = 0): Promise<FileOutcome> {
  if (entry.skipped) return { file: entry.file, status: "skipped", reason: entry.skipped.reason };
  if (!extracted) return { file: entry.file, status: "failed", code: entry.error?.code ?? "UNREADABLE", message: entry.error?.message ?? "could not be read" };
  if (!extracted.ok) return { file: entry.file, status: "failed", code: extracted.code, message: extracted.message };
  const { draft } = extracted;
  try {
    const saved = await store.saveArticle(draft, lane);
    return saved.status === "stored"
      ? { file: entry.file, status: "stored", articleId: saved.articleId, headline: draft.headline, outlet: draft.outlet, publishedOn: draft.publishedOn, people: saved.people, quotes: saved.quotes, ...(entry.warning ? { warning: entry.warning } : {}) }
      : { file: entry.file, status: "duplicate", articleId: saved.articleId, matchedOn: saved.matchedOn };
  } catch (error) {
    // A full disk fails every file after it too: stop the ingest instead (see ingestFiles).
    // So does a group whose files could not be written again after this one failed.
    if (isDiskFull(error) || (error as { groupLost?: boolean }).groupLost) throw error;
    // It rolled back: nothing of this file is stored, and the next file goes on.
    return { file: entry.file, status: "failed", code: "STORE_FAILED", message: `could not be stored: ${(error as Error).message.split("\n").at(-1)}` };
  }
}

/** One line for a file's outcome, as the CLI prints it. */
export function describeOutcome(outcome: FileOutcome): string {
  switch (outcome.status) {
    case "stored":
      return `stored    ${outcome.file}: "${outcome.headline ?? "(no headline)"}" (${outcome.outlet ?? "outlet unknown"}, ${outcome.publishedOn ?? "date unknown"}), ${outcome.people} people, ${outcome.quotes} quotes${outcome.warning ? `; WARNING: ${outcome.warning}` : ""}`;
    case "duplicate":
      return `unchanged ${outcome.file}: already in the archive (same ${outcome.matchedOn === "url" ? "url" : "content"} as article ${outcome.articleId})`;
    case "failed":
      return `FAILED    ${outcome.file}: ${withoutFileName(outcome.message, outcome.file)} [${outcome.code}]`;
    case "skipped":
      return `skipped   ${outcome.file}: ${outcome.reason}`;
  }
}

// Extraction messages name their file so they stand alone; the line names it already.
export function withoutFileName(message: string, file: string): string {
  return message.startsWith(file) ? message.slice(file.length).replace(/^:?\s+/, "") : message;
}

export function describeTotals(t: IngestTotals): string {
  const skipped = t.skipped ? ` (${t.skipped} other entr${t.skipped === 1 ? "y" : "ies"} skipped)` : "";
  return `${t.files} file${t.files === 1 ? "" : "s"}: ${t.stored} stored, ${t.duplicate} already in the archive, ${t.failed} failed${skipped}`;
}
