// What a crawler's file is, told by its first bytes rather than its name: crawls are saved
// under names like "index", "page.php" or "0001.gz". The extension only decides which
// entries of a folder are looked at (see read-corpus.ts).
import { gunzipSync, constants as zlibConstants } from "node:zlib";

export type FileFormat =
  | { kind: "text" }
  | { kind: "html"; gzip: boolean }
  | { kind: "warc" }
  | { kind: "news-please" };

/** How many first bytes detectFormat wants to see. */
export const SNIFF_LENGTH = 4096;

const HTML_START = /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<!--[\s\S]*?-->\s*<(?:!doctype|html))/i;
const HTML_INSIDE = /<(?:html|head|body)[\s>][\s\S]*<\/?(?:head|body|div|p|meta|title)[\s>]/i;

function looksLikeHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  return HTML_START.test(start) || (start.startsWith("<") && HTML_INSIDE.test(start));
}

/** A gzip file's first bytes, inflated as far as they go. */
function inflateStart(head: Uint8Array): Uint8Array {
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return new Uint8Array(0); // not gzip after all, or corrupt at once: the caller falls back to text
  }
}

/** The format of a file from its first SNIFF_LENGTH bytes. */
export function detectFormat(head: Uint8Array): FileFormat {
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const bytes = gzip ? inflateStart(head) : head;
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_LENGTH));
  if (text.startsWith("WARC/")) return { kind: "warc" };
  if (looksLikeHtml(text)) return { kind: "html", gzip };
  // news-please writes one JSON object per article, or one per line; front matter and text never start with "{".
  if (!gzip && /^\uFEFF?\s*[[{]/.test(text) && (/"maintext"\s*:/.test(text) || (/"date_publish"\s*:/.test(text) && /"source_domain"\s*:/.test(text)))) return { kind: "news-please" };
  return { kind: "text" };
}
