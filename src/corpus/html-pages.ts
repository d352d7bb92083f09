// An HTML page saved by wget, Scrapy or a headless browser → its bytes, inflated first if
// the crawler gzipped it ("page.html.gz", as benchmark sets and some crawlers store pages).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tooLarge } from "../extract/failures.js";

export type PageBytes = { bytes: Uint8Array } | { error: { code: string; message: string } };

/** A gzipped page's bytes, held to `maxBytes` once inflated. */
export function readGzippedPage(file: string, maxBytes: number): PageBytes {
  try {
    const inflated = gunzipSync(readFileSync(file), { maxOutputLength: maxBytes + 1 });
    if (inflated.length > maxBytes) return { error: tooLarge(file, inflated.length, maxBytes) };
    return { bytes: new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return { error: tooLarge(file, maxBytes + 1, maxBytes) };
    return { error: { code: "UNREADABLE", message: `${file} does not inflate as gzip (${(error as Error).message})` } };
  }
}
