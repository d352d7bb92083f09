// A WARC archive (.warc or .warc.gz) → its records, streamed: one record's bytes at most
// are held at a time, so a multi-gigabyte crawl reads in flat memory. Heritrix, Browsertrix,
// wget and Common Crawl write one gzip member per record; each member is inflated on its
// own (pako reports where a member ends, which Node's zlib does not), so a member that is
// cut short or corrupt costs its own record only: the reader reports it by its offset and
// carries on at the next member. warcio.js reads well-formed files, but after a cut member
// it stops silently (and in a plain .warc it runs a short record into the next one), which
// is exactly the case a crawl's leftovers need handled.
import { createReadStream } from "node:fs";
import { brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync, constants as zlibConstants } from "node:zlib";
import pako from "pako";

/** What the reader found at one offset of the archive. */
export type WarcItem =
  | {
      kind: "response";
      offset: number;
      targetUri: string | null;
      date: string | null; // WARC-Date as written
      status: number | null;
      contentType: string | null; // the HTTP Content-Type, lower-cased, without parameters
      charset: string | null;
      body: Uint8Array; // the HTTP payload, transfer and content encodings undone
      /** Set when the record is shorter than its Content-Length: what is there is still the page's start. */
      cutShort: string | null;
    }
  | { kind: "other"; offset: number; type: string } // request, metadata, warcinfo, revisit …
  | { kind: "problem"; offset: number; message: string }; // a record that could not be read at all

export interface WarcReadOptions {
  /** Records whose block is larger than this are not held in memory: counted, not returned. */
  maxRecordBytes: number;
}

const CRLF2 = [13, 10, 13, 10];
const MAX_HEADER_BYTES = 64 * 1024;
const WARC_MAGIC = [0x57, 0x41, 0x52, 0x43, 0x2f]; // "WARC/"

function indexOf(haystack: Uint8Array, needle: number[], from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(parts: Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total ?? parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** "Name: value" lines after a first line, names lower-cased. */
function parseHeaderLines(text: string): { first: string; headers: Map<string, string> } {
  const lines = text.split(/\r?\n/);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { first: lines[0] ?? "", headers };
}

function dechunk(body: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = indexOf(body, [13, 10], at);
    if (lineEnd < 0) return parts.length ? concat(parts) : null; // cut inside the chunks: keep what came
    const size = parseInt(new TextDecoder().decode(body.subarray(at, lineEnd)).split(";")[0].trim(), 16);
    if (!Number.isFinite(size)) return null;
    if (size === 0) return concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** Undoes an HTTP Content-Encoding; a body cut short decodes as far as it goes. */
function decodeContent(body: Uint8Array, encoding: string, limit: number): Uint8Array | null {
  const options = { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: limit };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(body, options);
    if (encoding === "deflate") return body[0] === 0x78 ? inflateSync(body, options) : inflateRawSync(body, options);
    if (encoding === "br") return brotliDecompressSync(body, { maxOutputLength: limit });
  } catch {
    return null; // the caller reports the record: its payload cannot be decoded
  }
  return body;
}

/** Where a record header ("WARC/1.0" or "WARC/1.1" ending its line) starts inside a block, or -1. */
function nextRecordInside(block: Uint8Array): number {
  for (let at = indexOf(block, [...WARC_MAGIC, 0x31, 0x2e]); at >= 0; at = indexOf(block, [...WARC_MAGIC, 0x31, 0x2e], at + 1)) {
    if (block[at + 8] === 13 && block[at + 9] === 10) return at;
  }
  return -1;
}

interface RecordHead {
  offset: number;
  type: string;
  targetUri: string | null;
  date: string | null;
  length: number;
  contentAt: number | null; // where the block starts in a plain file (null in a gzip member)
  isHttp: boolean;
}

/** The HTTP response inside a response record's block. */
function responseOf(head: RecordHead, block: Uint8Array, cutShort: string | null, limit: number): WarcItem {
  const end = indexOf(block, CRLF2);
  const base = { offset: head.offset, targetUri: head.targetUri, date: head.date, cutShort };
  if (!head.isHttp || end < 0 || !/^HTTP\/\d/.test(new TextDecoder("latin1").decode(block.subarray(0, 8)))) {
    // A resource-like response without HTTP headers: the block is the payload.
    return { kind: "response", ...base, status: null, contentType: null, charset: null, body: block };
  }
  const { first, headers } = parseHeaderLines(new TextDecoder("latin1").decode(block.subarray(0, end)));
  let body = block.subarray(end + 4);
  const type = headers.get("content-type") ?? null;
  if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) body = dechunk(body) ?? body;
  const encoding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    const decoded = decodeContent(body, encoding, limit);
    if (decoded === null) return { kind: "problem", offset: head.offset, message: `its HTTP payload is ${encoding}-encoded and does not decode` };
    body = decoded;
  }
  return {
    kind: "response",
    ...base,
    status: Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(first)?.[1]) || null,
    contentType: type ? type.split(";")[0].trim().toLowerCase() : null,
    charset: type ? (/charset\s*=\s*["']?([\w-]+)/i.exec(type)?.[1] ?? null) : null,
    body,
  };
}

/**
 * Splits a stream of WARC bytes into records. Fed the bytes of a plain file, or of each
 * gzip member in turn (told where each member ends or breaks).
 */
class RecordSplitter {
  private state: "header" | "content" | "lost" = "header";
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private headAt = 0;
  private record: RecordHead | null = null;
  private remaining = 0;
  private block: Uint8Array[] | null = null;
  private blockBytes = 0;
  readonly out: WarcItem[] = [];

  constructor(private readonly maxRecordBytes: number) {}

  /** `at` is the offset of data[0] (plain file), or of the gzip member it came from (`exact` false). */
  push(data: Uint8Array, at: number, exact: boolean): void {
    let i = 0;
    while (i < data.length) {
      if (this.state === "lost") {
        // Out of step after a bad record: the next line that starts "WARC/" starts a record.
        // (A marker split across two reads is missed, costing that one record.)
        const found = indexOf(data, [10, ...WARC_MAGIC], i);
        if (found < 0) return;
        i = found + 1;
        this.state = "header";
        continue;
      }
      if (this.state === "header") {
        if (this.headBytes === 0) {
          while (i < data.length && (data[i] === 13 || data[i] === 10)) i++; // the blank lines that end the last record
          if (i >= data.length) return;
          this.headAt = exact ? at + i : at;
        }
        const before = this.headBytes;
        const piece = data.subarray(i, Math.min(data.length, i + MAX_HEADER_BYTES));
        this.head.push(piece);
        this.headBytes += piece.length;
        const all = concat(this.head);
        this.head = [all];
        const end = indexOf(all, CRLF2, Math.max(0, before - 3));
        if (end < 0) {
          i += piece.length;
          if (this.headBytes > MAX_HEADER_BYTES || !this.looksLikeRecordStart()) this.loseStep(this.headAt, "no WARC record header starts here");
          continue;
        }
        i += end + 4 - before;
        this.head = [all.subarray(0, end + 4)];
        this.headBytes = end + 4;
        this.openRecord(exact);
        continue;
      }
      const take = Math.min(this.remaining, data.length - i);
      if (this.block) {
        this.block.push(data.subarray(i, i + take));
        this.blockBytes += take;
      }
      this.remaining -= take;
      i += take;
      if (this.remaining === 0) this.closeRecord(null);
    }
  }

  /** The gzip member in progress ended: a record still open was shorter than it said. */
  memberEnded(): void {
    if (this.state === "content") this.closeRecord(`it is ${this.remaining} bytes shorter than its Content-Length says`);
    else if (this.state === "header" && this.headBytes > 0) this.loseStep(this.headAt, "its header is cut short");
    this.reset();
  }

  /** The gzip member at `offset` is corrupt or cut off: its record ends with what was inflated. */
  memberBroken(offset: number, why: string): void {
    if (this.state === "content" && this.record) this.closeRecord(`its gzip member ${why}`);
    else this.out.push({ kind: "problem", offset, message: `its gzip member ${why}; the record is lost` });
    this.reset();
  }

  end(): void {
    if (this.state === "content") this.closeRecord(`the file ends ${this.remaining} bytes before the record does`);
    else if (this.state === "header" && this.headBytes > 0) this.out.push({ kind: "problem", offset: this.headAt, message: "the file ends inside a record header" });
    this.reset();
  }

  private looksLikeRecordStart(): boolean {
    const start = concat(this.head).subarray(0, 5);
    return WARC_MAGIC.slice(0, start.length).every((b, k) => start[k] === b);
  }

  private loseStep(offset: number, why: string) {
    this.out.push({ kind: "problem", offset, message: `${why}; reading on from the next record` });
    this.head = [];
    this.headBytes = 0;
    this.state = "lost";
  }

  private reset() {
    this.state = "header";
    this.head = [];
    this.headBytes = 0;
    this.record = null;
    this.block = null;
    this.blockBytes = 0;
    this.remaining = 0;
  }

  private openRecord(exact: boolean) {
    const headerLength = this.headBytes;
    const text = new TextDecoder("utf-8").decode(concat(this.head));
    const { first, headers } = parseHeaderLines(text.trimEnd());
    this.head = [];
    this.headBytes = 0;
    if (!first.startsWith("WARC/")) return this.loseStep(this.headAt, "no WARC record header starts here");
    const length = Number(headers.get("content-length"));
    if (!Number.isInteger(length) || length < 0) return this.loseStep(this.headAt, "the record has no valid Content-Length");
    const type = (headers.get("warc-type") ?? "unknown").toLowerCase();
    this.record = {
      offset: this.headAt,
      type,
      targetUri: headers.get("warc-target-uri")?.replace(/^<|>$/g, "") ?? null,
      date: headers.get("warc-date") ?? null,
      length,
      contentAt: exact ? this.headAt + headerLength : null,
      isHttp: /application\/http/i.test(headers.get("content-type") ?? "application/http"),
    };
    // Only responses are read; every other record (and any too large to hold) is passed over.
    this.block = type === "response" && length <= this.maxRecordBytes ? [] : null;
    this.blockBytes = 0;
    this.remaining = length;
    this.state = "content";
    if (length === 0) this.closeRecord(null);
  }

  private closeRecord(cutShort: string | null) {
    const head = this.record!;
    if (head.type !== "response") this.out.push({ kind: "other", offset: head.offset, type: head.type });
    else if (!this.block) this.out.push({ kind: "problem", offset: head.offset, message: `the response is ${head.length} bytes, over the ${this.maxRecordBytes}-byte limit (--max-bytes); passed over` });
    else {
      const block = concat(this.block, this.blockBytes);
      // In a plain .warc a short record runs into the next one: the next header inside the block marks where it was cut.
      const next = cutShort === null && head.contentAt !== null ? nextRecordInside(block) : -1;
      if (next >= 0) {
        const nextAt = head.contentAt! + next;
        this.out.push(responseOf(head, block.subarray(0, next), `it is cut short: the next record starts inside it, at offset ${nextAt}`, this.maxRecordBytes));
        this.reset();
        this.push(block.subarray(next), nextAt, true);
        return;
      }
      this.out.push(responseOf(head, block, cutShort, this.maxRecordBytes));
    }
    this.record = null;
    this.block = null;
    this.state = "header";
  }
}

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
const ZLIB_ERRORS: Record<number, string> = { [-2]: "stream error", [-3]: "invalid compressed data", [-4]: "out of memory", [-5]: "buffer error" };
const READ_CHUNK = 1 << 20;
const SALVAGE_STEP = 256;

/** Yields every record of a WARC file with its offset (of its gzip member in a .warc.gz). */
export async function* readWarcRecords(path: string, options: WarcReadOptions): AsyncGenerator<WarcItem> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  const splitter = new RecordSplitter(options.maxRecordBytes);
  let gzip: boolean | null = null;
  let fileOffset = 0;

  // gzip state: the member being inflated, where it started, and its compressed bytes so far
  // (kept, up to a bound, to search for the next member if this one breaks).
  let inflator: pako.Inflate | null = null;
  let memberStatus = 0;
  let afterBreak = false;
  let memberEmitted = 0; // bytes of the member in progress already given to the splitter
  let memberAt = 0;
  let pending: Uint8Array = new Uint8Array(0); // compressed bytes not yet given to an inflator
  let pendingAt = 0;

  const startMember = (at: number) => {
    memberAt = at;
    const inflate = new pako.Inflate({ chunkSize: 64 * 1024 });
    memberEmitted = 0;
    inflate.onData = (chunk: Uint8Array) => {
      memberEmitted += chunk.length;
      splitter.push(chunk, memberAt, false);
    };
    // pako reports a broken stream only here (its default handler would also keep every chunk).
    inflate.onEnd = (status: number) => {
      memberStatus = status;
    };
    memberStatus = 0;
    inflator = inflate;
  };

  // pako gives nothing of the call that met the error: inflate the member again in small
  // steps, up to the step that breaks, so a record cut short keeps the text it has.
  const salvage = (member: Uint8Array, alreadyGiven: number) => {
    const retry = new pako.Inflate({ chunkSize: 64 * 1024 });
    let broken = false;
    const parts: Uint8Array[] = [];
    retry.onData = (chunk: Uint8Array) => parts.push(chunk);
    retry.onEnd = (status: number) => {
      broken ||= status !== 0;
    };
    for (let at = 0; at < member.length && !broken && !(retry as unknown as { ended: boolean }).ended; at += SALVAGE_STEP) {
      const before = parts.length;
      retry.push(member.subarray(at, at + SALVAGE_STEP), zlibConstants.Z_SYNC_FLUSH);
      if (broken) parts.length = before;
    }
    const output = concat(parts);
    if (output.length > alreadyGiven) splitter.push(output.subarray(alreadyGiven), memberAt, false);
  };

  /** Feeds `pending` to members until it is used up or a member needs more bytes. */
  const inflatePending = () => {
    while (pending.length) {
      if (!inflator) {
        const start = indexOf(pending, GZIP_MAGIC);
        if (start < 0) {
          pendingAt += Math.max(0, pending.length - 2);
          pending = pending.slice(Math.max(0, pending.length - 2));
          return;
        }
        // After a broken member its remaining bytes are expected here; elsewhere stray bytes are news.
        if (start > 0 && !afterBreak) splitter.out.push({ kind: "problem", offset: pendingAt, message: `${start} bytes that are not a gzip member were passed over` });
        pendingAt += start;
        pending = pending.subarray(start);
        afterBreak = false;
        startMember(pendingAt);
      }
      const inflate = inflator!;
      inflate.push(pending, zlibConstants.Z_SYNC_FLUSH);
      const strm = (inflate as unknown as { strm: { avail_in: number } }).strm;
      if (memberStatus !== 0) {
        if (memberAt >= pendingAt) {
          // A member cut short is followed by the next one: inflate only up to where that one starts.
          const own = pending.subarray(memberAt - pendingAt);
          const next = indexOf(own, GZIP_MAGIC, 1);
          salvage(next > 0 ? own.subarray(0, next) : own, memberEmitted);
        }
        // Corrupt, or a cut-off member running into the next: resume at the next member after its start.
        splitter.memberBroken(memberAt, `at offset ${memberAt} is corrupt or cut off (${ZLIB_ERRORS[memberStatus] ?? `zlib status ${memberStatus}`})`);
        inflator = null;
        afterBreak = true;
        const from = memberAt + 1;
        if (from >= pendingAt) {
          pending = pending.subarray(from - pendingAt);
          pendingAt = from;
        }
        continue;
      }
      if ((inflate as unknown as { ended: boolean }).ended) {
        const used = pending.length - strm.avail_in;
        pending = pending.subarray(used);
        pendingAt += used;
        inflator = null;
        splitter.memberEnded();
        continue;
      }
      pendingAt += pending.length;
      pending = new Uint8Array(0);
    }
  };

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const data = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (gzip === null) {
      gzip = data[0] === 0x1f && data[1] === 0x8b;
    }
    if (gzip) {
      // The member in progress keeps its earlier bytes only while it might need re-reading; see memberBroken above.
      pending = pending.length ? concat([pending, data]) : data;
      inflatePending();
    } else splitter.push(data, fileOffset, true);
    fileOffset += data.length;
    yield* splitter.out.splice(0);
  }
  if (gzip && inflator) splitter.memberBroken(memberAt, `at offset ${memberAt} is cut off: the file ends inside it`);
  splitter.end();
  yield* splitter.out.splice(0);
}
