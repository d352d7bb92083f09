// Files and folders of scraped articles → RawArticles, one at a time. This is where
// the file system is read, so ingest/ can stay pure. A folder contributes its *.txt
// files in name order (not its subfolders); a manifest.json beside a file gives the
// crawler's outlet, date and URL for it. A file's size is checked before it is read,
// so an oversize file costs a stat, not a read.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { tooLarge } from "../ingest/failures.js";
import { DEFAULT_MAX_BYTES } from "../ingest/pipeline.js";
import type { CrawlerMeta, RawArticle } from "../ingest/types.js";

export interface CorpusEntry {
  file: string;
  raw?: RawArticle;
  error?: { code: string; message: string };
}

export interface ReadCorpusOptions {
  maxBytes?: number;
}

type Manifest = { ok: true; entries: Map<string, CrawlerMeta> } | { ok: false; message: string };

const MANIFEST = "manifest.json";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function problem(path: string, what: string): Manifest {
  return { ok: false, message: `${path} ${what}; fix the manifest (a list of {"file", "outlet", "publishedOn", "url"}) and run again` };
}

/** Checks one manifest entry's fields; returns what is wrong, or null. */
function invalidField(entry: Record<string, unknown>): string | null {
  for (const key of ["outlet", "url"] as const) {
    if (entry[key] != null && typeof entry[key] !== "string") return `"${key}" must be text`;
  }
  if (entry.publishedOn != null && !(typeof entry.publishedOn === "string" && ISO_DATE.test(entry.publishedOn))) return `"publishedOn" must be a date written YYYY-MM-DD`;
  return null;
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
  const pairs: Array<[string, unknown]> = Array.isArray(data)
    ? data.map((entry, i) => [typeof entry?.file === "string" ? basename(entry.file) : `#${i}`, entry])
    : Object.entries(data as Record<string, unknown>);
  const entries = new Map<string, CrawlerMeta>();
  for (const [name, entry] of pairs) {
    if (name.startsWith("#")) return problem(path, `entry ${name} has no "file" name`);
    if (entry === null || typeof entry !== "object") return problem(path, `entry for ${name} is not an object`);
    const fields = entry as Record<string, unknown>;
    const invalid = invalidField(fields);
    if (invalid) return problem(path, `entry for ${name}: ${invalid}`);
    entries.set(name, {
      outlet: (fields.outlet as string | undefined) ?? null,
      publishedOn: (fields.publishedOn as string | undefined) ?? null,
      url: (fields.url as string | undefined) ?? null,
    });
  }
  return { ok: true, entries };
}

/** The files a path stands for: itself, or a folder's *.txt files in name order. */
async function filesOf(path: string): Promise<{ files: string[] } | { error: CorpusEntry }> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return { files: [path] };
    const names = (await readdir(path, { withFileTypes: true }))
      .filter((d) => d.isFile() && d.name.endsWith(".txt"))
      .map((d) => d.name)
      .sort();
    return { files: names.map((n) => join(path, n)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === "ENOENT" ? "NOT_FOUND" : "UNREADABLE";
    return { error: { file: path, error: { code, message: `${path}: ${(error as Error).message}` } } };
  }
}

/**
 * One file's bytes, its size checked before it is read. Synchronous on purpose: article
 * files are small and local, and the promise plumbing of five async calls per file (stat,
 * open, fstat, read, close) cost the ingest's main thread, its bottleneck, more than the
 * reads themselves (~0.25 ms a file in a profile at 100,000 articles).
 */
function readArticleFile(file: string, maxBytes: number): { bytes: Uint8Array } | { error: { code: string; message: string } } {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    return { error: { code: "UNREADABLE", message: `${file}: ${(error as Error).message}` } };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      const { code, message } = tooLarge(file, size, maxBytes);
      return { error: { code, message } };
    }
    // Its own ArrayBuffer (not a slice of Buffer's pool), so it can be handed to a worker.
    const bytes = new Uint8Array(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break; // the file shrank while being read: keep what is there
      done += n;
    }
    return { bytes: done === size ? bytes : bytes.subarray(0, done) };
  } catch (error) {
    return { error: { code: "UNREADABLE", message: `${file}: ${(error as Error).message}` } };
  } finally {
    closeSync(fd);
  }
}

/** Yields every article file under `paths` with its bytes and manifest metadata, or why it could not be read. */
export async function* readCorpus(paths: string[], options: ReadCorpusOptions = {}): AsyncGenerator<CorpusEntry> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const manifests = new Map<string, Manifest | null>();
  for (const path of paths) {
    const listed = await filesOf(path);
    if ("error" in listed) {
      yield listed.error;
      continue;
    }
    for (const file of listed.files) {
      const folder = dirname(file);
      if (!manifests.has(folder)) manifests.set(folder, await readManifest(join(folder, MANIFEST)));
      const manifest = manifests.get(folder)!;
      if (manifest && !manifest.ok) {
        yield { file, error: { code: "BAD_MANIFEST", message: `${file} was not read: ${manifest.message}` } };
        continue;
      }
      const read = readArticleFile(file, maxBytes);
      if ("error" in read) {
        yield { file, error: read.error };
        continue;
      }
      const bytes = read.bytes;
      yield { file, raw: { file, bytes, meta: manifest?.entries.get(basename(file)) } };
    }
  }
}
