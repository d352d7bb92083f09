// Files and folders of scraped articles → RawArticles, one at a time. This is where
// the file system is read, so extract/ can stay pure. A folder contributes its article
// files (text, HTML pages, WARC archives, news-please JSON) in name order, not its
// subfolders; a manifest.json beside a file gives the crawler's outlet, date and URL for
// it. What a file is comes from its first bytes (detect-format.ts). A file's size is
// checked before it is read, so an oversize file costs a stat (and its head), not a read; a
// WARC is streamed record by record (warc-records.ts), whatever its size. A large folder's
// files are read a little ahead on a thread of their own (read-ahead.ts).
import { closeSync, constants, fstatSync, openSync, readSync, type Dirent, type Stats } from "node:fs";
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { tooLarge } from "../extract/failures.js";
import { maxBytesFor } from "../extract/pipeline.js";
import { checkCrawlerMeta } from "../extract/crawler-meta.js";
import type { CrawlerMeta, RawArticle } from "../extract/types.js";
import { detectFormat, SNIFF_LENGTH, type FileFormat } from "./detect-format.js";
import { readGzippedPage } from "./html-pages.js";
import { readNewsPlease } from "./news-please.js";
import { READ_AHEAD_FROM, ReadAhead } from "./read-ahead.js";
import { readWarcArticles } from "./warc-articles.js";

export interface CorpusEntry {
  file: string;
  raw?: RawArticle;
  error?: { code: string; message: string };
  /** An entry of a folder that is not an article file (or records of an archive that are not articles), and why it was passed over. */
  skipped?: { reason: string };
  /** Something wrong with an entry that was still read (a WARC record cut short): said beside its outcome. */
  warning?: string;
}

export interface ReadCorpusOptions {
  maxBytes?: number;
  /** Called every PROGRESS_EVERY records of an archive, so a long WARC shows it is moving. */
  onProgress?: (progress: ArchiveProgress) => void;
}

/** How far the reading of one archive file is. */
export interface ArchiveProgress {
  file: string;
  records: number;
  /** Where in the file the last record read starts, and the file's size, in bytes. */
  bytesRead: number;
  bytes: number;
}

/** Names a folder's article files end with; anything else in a folder is skipped with a line. */
const ARTICLE_FILE = /\.(?:txt|html?|html?\.gz|xhtml|warc|warc\.gz|json|jsonl|ndjson)$/i;

// A manifest's entries by file name, or by the target URI of a WARC record (a crawl keeps
// many pages in one file, each known by the URI it captured): the crawler's fields, or why
// the entry was refused. One bad entry fails only the file or record it names; a manifest
// that cannot be read at all fails every file of its folder, since none of them can be told
// what the crawler knew.
export type ManifestEntry = { ok: true; meta: CrawlerMeta } | { ok: false; problem: string };
type Manifest = { ok: true; entries: Map<string, ManifestEntry>; unnamed: string[] } | { ok: false; message: string };

const MANIFEST = "manifest.json";
const MANIFEST_SHAPE = 'a list of {"file", "outlet", "publishedOn", "url"}, "file" a file name or a WARC record\'s target URI';

function problem(path: string, what: string): Manifest {
  return { ok: false, message: `${path} ${what}; fix the manifest (${MANIFEST_SHAPE}) and run again` };
}

/**
 * Reads a manifest: either a list of {file, outlet, publishedOn, url} or an object
 * mapping each file's base name to {outlet, publishedOn, url}.
 */
async function readManifest(path: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null; // no manifest: files carry no crawler metadata
    return problem(path, `cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return problem(path, `is not valid JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== "object") return problem(path, "is neither a list nor an object");
  const pairs: Array<[string | null, unknown, string]> = Array.isArray(data)
    ? data.map((entry, i) => [manifestKey(typeof entry?.file === "string" ? entry.file : null), entry, `entry #${i + 1}`])
    : Object.entries(data as Record<string, unknown>).map(([name, entry]) => [manifestKey(name), entry, `entry "${name}"`]);
  const entries = new Map<string, ManifestEntry>();
  const unnamed: string[] = [];
  for (const [name, entry, label] of pairs) {
    if (name === null) {
      unnamed.push(`${path} ${label} has no "file" name, so it describes no file; give it one (${MANIFEST_SHAPE})`);
      continue;
    }
    const fix = `; fix this entry of ${path} and run again`;
    let checked: ManifestEntry;
    if (entries.has(name)) checked = { ok: false, problem: `is listed more than once${fix}` };
    else if (entry === null || typeof entry !== "object" || Array.isArray(entry)) checked = { ok: false, problem: `has a manifest entry that is not an object${fix}` };
    else {
      const result = checkCrawlerMeta(entry as Record<string, unknown>);
      checked = result.ok ? { ok: true, meta: result.meta } : { ok: false, problem: `has a manifest entry whose ${result.problem}${fix}` };
    }
    entries.set(name, checked);
  }
  return { ok: true, entries, unnamed };
}

/** A target URI as manifests and WARC records are matched on: parsed, so case and escapes do not matter. */
function uriKey(value: string | null): string | null {
  const uri = value?.trim();
  return uri && /^https?:\/\//i.test(uri) && URL.canParse(uri) ? new URL(uri).href : null;
}

/** The key of a manifest entry's name: a WARC record's target URI as is, else a file's base name. */
function manifestKey(name: string | null): string | null {
  if (!name?.trim()) return null;
  return uriKey(name) ?? basename(name.trim());
}

/** The manifest's fields for a WARC record, by its target URI, over those of the WARC file's own entry. */
function recordMeta(manifest: Manifest | null, fileMeta: CrawlerMeta | undefined) {
  return (uri: string | null): ManifestEntry | undefined => {
    const key = uriKey(uri);
    const entry = key && manifest?.ok ? manifest.entries.get(key) : undefined;
    if (!entry || !entry.ok) return entry ?? (fileMeta ? { ok: true, meta: fileMeta } : undefined);
    const meta = { ...fileMeta };
    for (const [field, value] of Object.entries(entry.meta) as Array<[keyof CrawlerMeta, string | null]>) if (value != null) meta[field] = value;
    return { ok: true, meta };
  };
}

/** What an entry of a folder is, told without opening it (a FIFO would block the open). */
function kindOf(info: Stats | Dirent): string {
  if (info.isFile()) return "file";
  if (info.isDirectory()) return "folder";
  if (info.isFIFO()) return "named pipe (FIFO)";
  if (info.isSocket()) return "socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "device";
  return "special file";
}

const skip = (file: string, reason: string): CorpusEntry => ({ file, skipped: { reason } });

/**
 * The files a path stands for: itself, or a folder's *.txt files in name order. Anything
 * else in a folder is listed as skipped, with why: a subfolder (folders are not read
 * recursively), another kind of file, a FIFO, socket or device (never opened), a link that
 * leads out of the folder or nowhere. A link to a regular file inside the folder is followed.
 */
async function filesOf(path: string): Promise<{ entries: CorpusEntry[] } | { error: CorpusEntry }> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return { entries: [{ file: path }] };
    const root = await realpath(path);
    const entries: CorpusEntry[] = [];
    const dirents = (await readdir(path, { withFileTypes: true })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const d of dirents) {
      const file = join(path, d.name);
      if (d.name === MANIFEST && d.isFile()) continue;
      // The listing's own type of each entry (Node asks lstat itself where the file system
      // does not say): an lstat awaited per entry held a 10,000-file ingest 0.4 s before its
      // first file was read.
      let target: Stats | Dirent = d;
      if (d.isSymbolicLink()) {
        const resolved = await realpath(file).catch(() => null);
        if (resolved === null) {
          entries.push(skip(file, "is a symbolic link to nothing"));
          continue;
        }
        if (relative(root, resolved).startsWith("..") || isAbsolute(relative(root, resolved))) {
          entries.push(skip(file, `is a symbolic link that leads out of ${path}; name its target to ingest it`));
          continue;
        }
        target = await stat(resolved);
      }
      const kind = kindOf(target);
      if (kind === "folder") entries.push(skip(file, "is a folder; folders are not read recursively: name it to ingest its files"));
      else if (kind !== "file") entries.push(skip(file, `is a ${kind}, not a regular file; it was not opened`));
      else if (!ARTICLE_FILE.test(d.name)) entries.push(skip(file, "is not an article file (.txt, .html, .htm, .warc, .warc.gz, .json, .jsonl)"));
      else entries.push({ file });
    }
    return { entries };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === "ENOENT" ? "NOT_FOUND" : "UNREADABLE";
    return { error: { file: path, error: { code, message: `${path}: ${(error as Error).message}` } } };
  }
}

type FileError = { error: { code: string; message: string } };
type Sniffed = { format: FileFormat; size: number; bytes?: Uint8Array } | FileError;

const unreadable = (file: string, error: unknown): FileError => ({ error: { code: "UNREADABLE", message: `${file}: ${(error as Error).message}` } });

/**
 * Runs `read` on `file` opened for reading, if it is a regular file, and closes it. Opened
 * non-blocking: opening a FIFO to read would otherwise wait for a writer for ever; fstat then
 * refuses it, and anything else that is not a regular file, before a byte is read.
 */
function withRegularFile<T>(file: string, read: (fd: number, info: Stats) => T): T | FileError {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable(file, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { error: { code: "NOT_A_FILE", message: `${file} is a ${kindOf(info)}, not a regular file; name article files or folders of them` } };
    return read(fd, info);
  } catch (error) {
    return unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}

// Article files are read whole in the same open that tells their format, up to this size:
// opening, reading and closing each file twice (its head, then all of it) cost the ingest's
// writing thread 3.2 s of system calls for 10,000 articles.
const READ_WHOLE_UP_TO = 1024 * 1024;

/**
 * A file's format from its first bytes, and its size; its bytes too when it is no larger than
 * `wholeUpTo` (which no format's size limit is under), else nothing past its head is read.
 */
function sniffFile(file: string, wholeUpTo: number): Sniffed {
  return withRegularFile(file, (fd, info) => {
    const whole = info.size <= wholeUpTo;
    const bytes = readFrom(fd, whole ? info.size : Math.min(SNIFF_LENGTH, info.size));
    return { format: detectFormat(bytes.subarray(0, SNIFF_LENGTH)), size: info.size, bytes: whole ? bytes : undefined };
  });
}

/** Up to `size` bytes from the start of `fd`, in a buffer of their own (so it can be handed to a worker). */
function readFrom(fd: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, bytes, done, size - done, done);
    if (n === 0) break; // the file shrank while being read: keep what is there
    done += n;
  }
  return done === size ? bytes : bytes.subarray(0, done);
}

/**
 * One file's bytes, its size checked before it is read. Synchronous on purpose: article
 * files are small and local, and the promise plumbing of five async calls per file (stat,
 * open, fstat, read, close) cost the ingest's main thread, its bottleneck, more than the
 * reads themselves (~0.25 ms a file in a profile at 100,000 articles).
 */
function readArticleFile(file: string, maxBytes: number): { bytes: Uint8Array } | FileError {
  return withRegularFile(file, (fd, info): { bytes: Uint8Array } | FileError => {
    const size = info.size;
    if (size > maxBytes) {
      const { code, message } = tooLarge(file, size, maxBytes);
      return { error: { code, message } };
    }
    return { bytes: readFrom(fd, size) };
  });
}

/** Yields every article under `paths` (a file, or each record of an archive) with its bytes and metadata, or why it could not be read. */
export async function* readCorpus(paths: string[], options: ReadCorpusOptions = {}): AsyncGenerator<CorpusEntry> {
  const manifests = new Map<string, Manifest | null>();
  const wholeUpTo = Math.min(READ_WHOLE_UP_TO, maxBytesFor("text", options.maxBytes), maxBytesFor("html", options.maxBytes));
  for (const path of paths) {
    const listed = await filesOf(path);
    if ("error" in listed) {
      yield listed.error;
      continue;
    }
    const files = listed.entries.filter((e) => !e.skipped).map((e) => e.file);
    const readAhead = files.length >= READ_AHEAD_FROM ? new ReadAhead(files, wholeUpTo) : null;
    let fileIndex = 0;
    try {
      for (const listedEntry of listed.entries) {
        if (listedEntry.skipped) {
          yield listedEntry;
          continue;
        }
        readAhead?.reading(fileIndex++);
        const file = listedEntry.file;
        const folder = dirname(file);
        if (!manifests.has(folder)) {
          const manifest = await readManifest(join(folder, MANIFEST));
          manifests.set(folder, manifest);
          for (const message of manifest?.ok ? manifest.unnamed : []) yield { file: join(folder, MANIFEST), error: { code: "BAD_MANIFEST", message } };
        }
        const manifest = manifests.get(folder)!;
        if (manifest && !manifest.ok) {
          yield { file, error: { code: "BAD_MANIFEST", message: `${file} was not read: ${manifest.message}` } };
          continue;
        }
        const entry = manifest?.entries.get(basename(file));
        if (entry && !entry.ok) {
          yield { file, error: { code: "BAD_MANIFEST", message: `${file} was not read: it ${entry.problem}` } };
          continue;
        }
        const sniffed = sniffFile(file, wholeUpTo);
        if ("error" in sniffed) {
          yield { file, error: sniffed.error };
          continue;
        }
        const { format } = sniffed;
        // Other JSON beside the articles (gold files, crawler state) is not an article: say so, as for any other file.
        if (format.kind === "text" && /\.(?:json|jsonl|ndjson)$/i.test(file)) {
          yield skip(file, "is JSON but not news-please records (no \"maintext\")");
          continue;
        }
        if (format.kind === "warc") {
          yield* readWarcArticles(file, { maxBytes: maxBytesFor("warc", options.maxBytes), onProgress: options.onProgress, manifestFor: recordMeta(manifest, entry?.meta) });
          continue;
        }
        if (format.kind === "news-please") {
          for await (const record of readNewsPlease(file, sniffed.size, maxBytesFor("news-please", options.maxBytes))) {
            yield "raw" in record ? { file: record.raw.file, raw: { ...record.raw, meta: entry?.meta } } : record;
          }
          continue;
        }
        const maxBytes = maxBytesFor(format.kind, options.maxBytes);
        const read = format.kind === "html" && format.gzip ? readGzippedPage(file, maxBytes) : sniffed.bytes ? { bytes: sniffed.bytes } : readArticleFile(file, maxBytes);
        if ("error" in read) {
          yield { file, error: read.error };
          continue;
        }
        yield { file, raw: { file, bytes: read.bytes, meta: entry?.meta, format: format.kind } };
      }
    } finally {
      void readAhead?.close();
    }
  }
}
